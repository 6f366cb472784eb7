from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabourConfig(AppConfig):
    name = "migdev.labour"
    label = "labour"
    verbose_name = _("Labour mobility exchange")

    def ready(self) -> None:
        from migdev.core.datasets import DemoStep, register_demo
        from migdev.labour.demo import load_labour_demo
        from migdev.labour.selectors import records

        # Connect the receivers of accounts' signals (person erased, personal data requested) and of request_started.
        from migdev.labour.services import matching, personal_data  # noqa: F401

        register_demo(DemoStep("labour", load_labour_demo, order=20))
        records.register()  # the audit log names the exchange's records in words
