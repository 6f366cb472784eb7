from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "migdev.impact"
    label = "impact"
    verbose_name = _("Migration impact assessment")

    def ready(self) -> None:
        from migdev.core.datasets import Dataset, DemoStep, register_dataset, register_demo
        from migdev.impact import rules  # noqa: F401  (registers the permissions)
        from migdev.impact.demo import load_impact_demo
        from migdev.impact.importers import load_impact_library

        register_dataset(
            Dataset(
                name="impact-library",
                description="Migration impact assessment: screening checklist (a proposal), measures and monitoring "
                "indicators (MigDev's own proposals)",
                loader=load_impact_library,
                shipped=Path(__file__).resolve().parent / "data",
                setup_order=90,
            )
        )
        register_demo(DemoStep("impact", load_impact_demo, order=80))
