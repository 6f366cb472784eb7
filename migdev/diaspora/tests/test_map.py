"""The diaspora map: emigrants by destination and sex from the UN DESA bilateral stocks, remittances where known."""

import csv
import io

import pytest
from django.test import Client

from migdev.diaspora.selectors import mapping
from migdev.stats.models import Area, Indicator, Observation, Source

pytestmark = pytest.mark.django_db


def _stock(origin: str, destination: str, year: str, sex: str) -> float:
    return Observation.objects.get(
        indicator__code="migrant-stock-bilateral",
        ref_area__iso3=destination,
        counterpart_area__iso3=origin,
        period=year,
        sex_id=sex,
    ).value


@pytest.fixture(autouse=True)
def without_the_shipped_matrix() -> None:
    """Each test starts as a site where the remittances room has not loaded the 2017 matrix (rolled back after)."""
    Observation.objects.filter(indicator__code=mapping.REMITTANCE_FLOWS).delete()
    Indicator.objects.filter(code=mapping.REMITTANCE_FLOWS).delete()


def _remittances(receiving: str, sending: str, value: float) -> None:
    """A row of the 2017 bilateral remittance matrix as the remittances room stores it (USD millions)."""
    indicator, _c = Indicator.objects.get_or_create(
        code=mapping.REMITTANCE_FLOWS,
        defaults={"name": "Bilateral remittance flows", "unit": "USD_M", "bilateral": True},
    )
    source, _c = Source.objects.get_or_create(
        code="wb-knomad-bilateral-2017",
        defaults={
            "publisher": "World Bank/KNOMAD",
            "title": "Bilateral Remittance Matrix 2017",
            "licence": "CC BY 4.0",
        },
    )
    Observation.objects.create(
        indicator=indicator,
        ref_area=Area.objects.get(iso3=receiving),
        counterpart_area=Area.objects.get(iso3=sending),
        period="2017",
        sex_id="_T",
        value=value,
        source=source,
    )


def test_the_map_sums_the_destinations_of_an_origin_by_sex() -> None:
    data = mapping.diaspora_map("PHL")
    assert data.years[0] == "1990" and data.latest_year == "2020"
    usa = next(d for d in data.destinations if d.iso3 == "USA")
    assert usa.value("2020") == _stock("PHL", "USA", "2020", "_T")
    assert usa.value("2020", "F") == _stock("PHL", "USA", "2020", "F")
    total = sum(d.value("2020") or 0 for d in data.destinations)
    assert data.total("2020") == pytest.approx(total)
    assert data.total("2020", "M") + data.total("2020", "F") == pytest.approx(total)
    assert data.female_share("2020") == pytest.approx(100 * data.total("2020", "F") / total)
    assert data.growth() == pytest.approx(100 * (total - data.total("1990")) / data.total("1990"))
    assert data.destinations[0].value("2020") == max(d.value("2020") or 0 for d in data.destinations)


def test_remittances_say_no_data_until_the_matrix_is_loaded() -> None:
    data = mapping.diaspora_map("PHL")
    assert not data.remittances_loaded and data.remittance_total is None
    page = Client().get("/en/diaspora/map/PHL/").content.decode()
    assert 'id="remittances-no-data"' in page and "no data" in page
    _remittances("PHL", "USA", 11_000.5)
    _remittances("PHL", "CAN", 900.0)
    data = mapping.diaspora_map("PHL")
    assert data.remittances_loaded and data.remittance_total == pytest.approx(11_900.5)
    assert next(d for d in data.destinations if d.iso3 == "USA").remittances == 11_000.5
    assert next(d for d in data.destinations if d.iso3 == "JPN").remittances is None


def test_the_map_page_shows_the_map_table_and_charts() -> None:
    response = Client().get("/en/diaspora/map/PHL/?year=2000&sex=F")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="world-map"' in page and 'id="destinations-table"' in page and 'id="profile-data"' in page
    assert "Emigrants by country of destination, 2000" in page
    assert Client().get("/en/diaspora/map/?origin=MEX").url.endswith("/diaspora/map/MEX/")
    assert Client().get("/en/diaspora/map/XXX/").status_code == 404


def test_the_csv_and_json_give_each_destination_year_and_sex() -> None:
    _remittances("MEX", "USA", 30_000.0)
    response = Client().get("/api/v1/diaspora/map/MEX.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = [r for r in csv.reader(io.StringIO(response.content.decode())) if r and not r[0].startswith("#")]
    header, body = rows[0], rows[1:]
    assert header[:7] == [
        "origin_iso3",
        "destination_iso3",
        "destination_m49",
        "destination_name",
        "year",
        "sex",
        "emigrants",
    ]
    usa_f_2020 = next(r for r in body if r[1] == "USA" and r[4] == "2020" and r[5] == "F")
    assert float(usa_f_2020[6]) == _stock("MEX", "USA", "2020", "F") and float(usa_f_2020[7]) == 30_000.0
    data = Client().get("/api/v1/diaspora/map/MEX").json()
    assert data["origin_iso3"] == "MEX" and data["remittances_loaded"] is True
    usa = next(d for d in data["destinations"] if d["iso3"] == "USA")
    assert usa["stock"]["2020"]["_T"] == _stock("MEX", "USA", "2020", "_T")
    assert Client().get("/api/v1/diaspora/map/ZZZ").status_code == 404


def test_the_command_prints_the_diaspora_and_refuses_an_unknown_country() -> None:
    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("diaspora", "map", "PHL", "--year", "2020", "--top", "3", stdout=out)
    text = out.getvalue()
    assert "Emigrants from Philippines, 2020" in text and "United States of America" in text and "no data" in text
    with pytest.raises(CommandError, match="XXX"):
        call_command("diaspora", "map", "XXX", stdout=io.StringIO())
