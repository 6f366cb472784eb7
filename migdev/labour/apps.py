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
        from migdev.labour.services import registry  # noqa: F401  (connects its person_erased receiver)

        register_demo(DemoStep("labour", load_labour_demo, order=20))
        records.register()  # the audit log names the exchange's records in words
