from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiasporaConfig(AppConfig):
    name = "migdev.diaspora"
    label = "diaspora"
    verbose_name = _("Diaspora engagement")

    def ready(self) -> None:
        from migdev.core.datasets import DemoStep, register_demo
        from migdev.diaspora import rules  # noqa: F401  (registers the permissions)
        from migdev.diaspora.demo import load_diaspora_demo
        from migdev.diaspora.selectors import records

        # Connect the receivers of accounts' signals (person erased, personal data requested).
        from migdev.diaspora.services import personal_data  # noqa: F401

        register_demo(DemoStep("diaspora", load_diaspora_demo, order=45))
        records.register()  # the audit log names the room's records in words
