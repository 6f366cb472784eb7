"""Importing RPW files of both schemas: what is stored, recomputed and flagged; loading twice changes nothing."""

from pathlib import Path

import pytest

from migdev.core.progress import SilentProgress
from migdev.remittances import selectors
from migdev.remittances.models import PriceImport, PriceQuote, ProviderType, Speed
from migdev.remittances.services import load_prices
from migdev.remittances.tests.files import legacy_rows, workbook_row, write_legacy, write_workbook

pytestmark = pytest.mark.django_db


def test_shipped_file_is_stored_long_with_both_amounts() -> None:
    assert PriceQuote.objects.filter(tier=200).count() == 28_467
    assert PriceQuote.objects.filter(tier=500).count() > 28_000
    quote = PriceQuote.objects.get(rpw_id=13034, tier=200)
    assert (quote.period, quote.sending, quote.receiving, quote.currency) == ("2011Q1", "ARE", "EGY", "AED")
    assert quote.published_total == 2.67
    assert quote.fee_pct == pytest.approx(15 / 735 * 100)
    assert quote.fx_margin == pytest.approx((1 - 1.57 / 1.58) * 100)
    assert quote.provider_type == ProviderType.MTO and quote.speed == Speed.TWO_DAYS


def test_non_iso_codes_of_rpw_are_read() -> None:
    assert PriceQuote.objects.filter(currency="XOF", sending="SEN").exists()  # written "CFA"
    assert PriceQuote.objects.filter(receiving="ANT").exists()


def test_negative_margins_are_kept_and_flagged() -> None:
    negative = PriceQuote.objects.filter(negative_margin=True)
    assert negative.exists()
    assert all(q.fx_margin is not None and q.fx_margin < 0 for q in negative[:50])


def test_mismatching_totals_are_flagged_not_dropped() -> None:
    flagged = PriceQuote.objects.filter(total_mismatch=True, tier=200)
    assert 0 < flagged.count() < PriceQuote.objects.filter(tier=200).count() * 0.05
    for quote in flagged[:50]:
        assert quote.total_cost is not None and quote.published_total is not None
        assert abs(quote.total_cost - quote.published_total) > 0.05


def test_the_same_file_twice_changes_nothing() -> None:
    before = (PriceImport.objects.count(), PriceQuote.objects.count())
    from migdev.remittances.tests.files import SHIPPED_QUOTES

    assert "already loaded" in load_prices(SHIPPED_QUOTES, SilentProgress())
    assert (PriceImport.objects.count(), PriceQuote.objects.count()) == before


def test_a_corrected_quarter_replaces_that_quarter_only(tmp_path: Path) -> None:
    header, rows = legacy_rows("2014_2Q", 3000)
    for row in rows:
        row["cc1 total cost %"] = "1.5"
    before_q1 = PriceQuote.objects.filter(period="2014Q1").count()
    load_prices(write_legacy(tmp_path / "remittances-q2.csv", header, rows), SilentProgress())
    assert PriceQuote.objects.filter(period="2014Q2", tier=200).count() == len(rows)
    assert PriceQuote.objects.filter(period="2014Q1").count() == before_q1
    assert selectors.global_average("2014Q2").value == pytest.approx(1.5)


def test_workbook_schema_is_read_by_column_name(tmp_path: Path) -> None:
    rows = [
        workbook_row(id=1),
        workbook_row(id=2, firm="Demo MTO", firm_type="Money Transfer Operator", **{"cc1 lcu fee": 4}),
        workbook_row(id=3, firm="Demo Post", firm_type="Post office", transparent="yes", **{"cc1 lcu fee": "6"}),
        workbook_row(id=4, source_code="KSV", destination_code="ALB", corridor="XKX_ALB", **{"cc1 lcu code": "EUR"}),
    ]
    path = write_workbook(tmp_path / "remittances-book.xlsx", rows)
    summary = load_prices(path, SilentProgress())
    assert summary.startswith("8 quotes in 1 quarters")
    assert PriceImport.objects.get(file_name=path.name).schema == PriceImport.Schema.WORKBOOK
    quote = PriceQuote.objects.get(period="2016Q2", rpw_id=1, tier=200)
    assert (quote.fee_pct, round(quote.fx_margin or 0, 4), quote.instrument) == (5.0, 2.7027, "Bank account")
    assert quote.total_mismatch is False
    assert PriceQuote.objects.get(period="2016Q2", rpw_id=2, tier=200).total_mismatch is True  # fee 4, total as 10
    assert PriceQuote.objects.filter(period="2016Q2", sending="XKX").count() == 2
    assert selectors.corridor_average("USA", "MEX", "2016Q2").n_services == 3


def test_workbook_quirks_not_provided_marks_and_text_numbers(tmp_path: Path) -> None:
    """PROVENANCE.md section 4: numbers stored as text, '..' and 'N/A' for not provided, 'Yes'/'yes'."""
    rows = [
        workbook_row(id=7, transparent="yes", **{"cc1 lcu fee": "10", "cc2 lcu amount": "..", "speed actual": "N/A"}),
        workbook_row(id=8, **{"cc1 lcu fx rate": 18.6, "cc1 fx margin": -0.54, "cc1 total cost %": 4.46}),
    ]
    load_prices(write_workbook(tmp_path / "remittances-quirks.xlsx", rows), SilentProgress())
    quote = PriceQuote.objects.get(period="2016Q2", rpw_id=7, tier=200)
    assert (quote.fee, quote.speed, quote.transparent) == (10.0, Speed.UNKNOWN, True)
    assert not PriceQuote.objects.filter(period="2016Q2", rpw_id=7, tier=500).exists()  # USD 500 not priced
    assert PriceQuote.objects.get(period="2016Q2", rpw_id=8, tier=200).negative_margin is True


def test_setup_loads_the_shipped_files_again_without_change() -> None:
    """`migdev setup` run twice: the quotes file is skipped (same SHA-256); the series and flows reload the same."""
    from migdev.core.datasets import DATASETS
    from migdev.remittances.models import PublishedCorridorAverage
    from migdev.stats.models import Observation

    def state() -> tuple[int, ...]:
        flows = Observation.objects.filter(indicator__code="remittance-flow-2017")
        return (
            PriceQuote.objects.count(),
            max(PriceQuote.objects.values_list("pk", flat=True)),
            PublishedCorridorAverage.objects.count(),
            flows.count(),
            round(sum(flows.values_list("value", flat=True))),
        )

    before = state()
    for name in ("remittance-flows-2017", "rpw", "rpw-series"):
        dataset = DATASETS[name]
        assert dataset.shipped is not None and dataset.setup_order is not None
        dataset.loader(dataset.shipped, SilentProgress())
    assert state() == before
