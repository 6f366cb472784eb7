from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

DATA_DIR = Path(__file__).resolve().parent / "data"


class RemittancesConfig(AppConfig):
    name = "migdev.remittances"
    label = "remittances"
    verbose_name = _("Remittance costs")

    def ready(self) -> None:
        from migdev.core.datasets import Dataset, register_dataset
        from migdev.remittances.services import load_corridor_series, load_prices, load_remittance_flows

        register_dataset(
            Dataset(
                name="rpw",
                description="Remittance Prices Worldwide quotes: the legacy CSV or the current workbook (.xlsx)",
                loader=load_prices,
                shipped=DATA_DIR / "rpw_quotes_2011q1_2014q2.csv.gz",
                setup_order=70,
            )
        )
        register_dataset(
            Dataset(
                name="rpw-series",
                description="The World Bank's published RPW corridor averages (DataBank ATCR.CORR, CSV)",
                loader=load_corridor_series,
                shipped=DATA_DIR / "rpw_databank_corridor_avg_cost_2011q1_2020q3.csv",
                setup_order=71,
            )
        )
        register_dataset(
            Dataset(
                name="remittance-flows-2017",
                description="World Bank/KNOMAD bilateral remittance estimates 2017 (matrix CSV) into the statistics",
                loader=load_remittance_flows,
                shipped=DATA_DIR / "wb_knomad_bilateral_remittance_matrix_2017.csv",
                setup_order=55,
            )
        )
