from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiasporaConfig(AppConfig):
    name = "migdev.diaspora"
    label = "diaspora"
    verbose_name = _("Diaspora engagement")

    def ready(self) -> None:
        from migdev.core.datasets import Dataset, DemoStep, register_dataset, register_demo
        from migdev.diaspora import rules  # noqa: F401  (registers the permissions)
        from migdev.diaspora.demo import load_diaspora_demo
        from migdev.diaspora.importers import load_gcm_objectives
        from migdev.diaspora.selectors import records

        # Connect the receivers of accounts' signals (person erased, personal data requested).
        from migdev.diaspora.services import personal_data  # noqa: F401

        register_dataset(
            Dataset(
                name="diaspora-gcm-objectives",
                description="The 23 objectives of the Global Compact for Migration (A/RES/73/195)",
                loader=load_gcm_objectives,
                shipped=Path(__file__).resolve().parent / "data" / "gcm_objectives.csv",
                setup_order=85,
            )
        )
        register_demo(DemoStep("diaspora", load_diaspora_demo, order=45))
        records.register()  # the audit log names the room's records in words
