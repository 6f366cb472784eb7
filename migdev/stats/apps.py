from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "migdev.stats"
    label = "stats"
    verbose_name = _("Statistics")

    def ready(self) -> None:
        from migdev.core.datasets import Dataset, register_dataset
        from migdev.stats import bench  # noqa: F401  (registers the benchmarks)
        from migdev.stats.services import load_undesa_stock

        register_dataset(
            Dataset(
                name="undesa-stock",
                description="UN DESA International Migrant Stock 2020 (destination tables and origin x destination)",
                loader=load_undesa_stock,
                shipped=Path(__file__).resolve().parent / "data" / "undesa_ims2020",
                setup_order=50,
            )
        )
