from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "migdev.partnerships"
    label = "partnerships"
    verbose_name = _("Partnerships and commitments")

    def ready(self) -> None:
        from migdev.core.datasets import Dataset, DemoStep, register_dataset, register_demo
        from migdev.partnerships import rules  # noqa: F401  (registers the permissions)
        from migdev.partnerships.demo import load_partnerships_demo
        from migdev.partnerships.importers import load_commitments
        from migdev.partnerships.services import imports  # noqa: F401  (hears of abandoned import jobs)

        register_dataset(
            Dataset(
                name="commitments",
                description="Partnership commitments (a CSV file; its columns: migdev/partnerships/importers.py)",
                loader=load_commitments,
            )
        )
        register_demo(DemoStep("partnerships", load_partnerships_demo, order=50))
