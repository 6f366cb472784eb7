"""The room's commands: `migdev import rpw` / `rpw-series` and `migdev bench_remittances`; its write permissions."""

import json
from io import StringIO
from pathlib import Path

import pytest
import rules
from django.core.management import CommandError, call_command

from migdev.accounts.rules import service_permissions
from migdev.remittances import services
from migdev.remittances.models import PriceQuote
from migdev.remittances.tests.files import legacy_rows, workbook_row, write_legacy, write_workbook

pytestmark = pytest.mark.django_db


def test_import_rpw_workbook_through_the_command(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "remittances-cli.xlsx", [workbook_row(id=1), workbook_row(id=2)])
    out = StringIO()
    call_command("import_dataset", "rpw", str(path), stdout=out)
    assert "4 quotes in 1 quarters" in out.getvalue()
    assert PriceQuote.objects.filter(period="2016Q2").count() == 4


def test_a_bad_file_through_the_command_names_row_and_column(tmp_path: Path) -> None:
    header, rows = legacy_rows("2014_2Q", 4)
    rows[3]["source"] = "XX1"
    path = write_legacy(tmp_path / "remittances-cli.csv", header, rows)
    before = PriceQuote.objects.count()
    with pytest.raises(CommandError, match=r"remittances-cli\.csv, row 5, column source: 'XX1' is not a known"):
        call_command("import_dataset", "rpw", str(path))
    assert PriceQuote.objects.count() == before


def test_the_datasets_are_listed_for_import() -> None:
    out = StringIO()
    call_command("import_dataset", "--list", stdout=out)
    for name in ("rpw", "rpw-series", "remittance-flows-2017"):
        assert name in out.getvalue()


def test_every_write_service_declares_a_registered_permission_or_is_a_loader() -> None:
    """Loaders run from `migdev setup` / `migdev import` (no user); the steward's upload checks its permission."""
    declared = service_permissions(services)
    assert declared["upload_prices"] == "remittances.add_pricequote"
    assert rules.perm_exists("remittances.add_pricequote")
    loaders = {"load_prices", "load_corridor_series", "load_remittance_flows", "load_price_upload"}  # job: upload
    helpers = {"known_codes", "file_digest"}
    assert {name for name, permission in declared.items() if permission is None} == loaders | helpers


def test_benchmark_command_prints_figures() -> None:
    out = StringIO()
    call_command("bench_remittances", "--quotes", "5000", "--repeat", "1", "--json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["quotes"] == 5000 and figures["agree"] is True and figures["ratio"] > 0
