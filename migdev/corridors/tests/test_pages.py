"""The corridor pages: picker, corridor page (in French too), ranking with sorting, filters and downloads, brief."""

import csv
import io

import pytest
from django.test import Client

from migdev.corridors.tests.conftest import EMPTY

pytestmark = pytest.mark.django_db


def _text(response) -> str:  # type: ignore[no-untyped-def]
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


def test_the_index_offers_the_picker_the_largest_corridors_and_the_ranking(client: Client) -> None:
    page = client.get("/en/corridors/").content.decode()
    assert 'name="origin"' in page and 'name="destination"' in page
    assert "/en/corridors/MEX-USA/" in page  # the largest corridor in 2020
    assert "/en/corridors/ranking/" in page


def test_the_picker_goes_to_the_corridor_or_back(client: Client) -> None:
    assert client.get("/en/corridors/go/?origin=phl&destination=CAN")["Location"] == "/en/corridors/PHL-CAN/"
    assert client.get("/en/corridors/go/?origin=PHL&destination=PHL")["Location"] == "/en/corridors/"


def test_a_newcomer_reads_philippines_to_canada_in_french(demo: None, client: Client) -> None:
    page = client.get("/fr/corridors/PHL-CAN/").content.decode()
    assert '<html lang="fr"' in page
    for section in ("people", "rights", "work", "money", "diaspora", "cooperation"):
        assert f'id="{section}"' in page
    assert "633 547" in page or "633\u00a0547" in page or "633\u202f547" in page  # the 2020 stock, French grouping
    assert "Convention relating to the Status of Refugees" in page or "1951" in page
    assert "Demo Filipino Nurses Abroad Network" in page
    assert "hyperREMIT" in page  # the cheapest service in 2014Q2
    assert "Zero recruitment fees for care workers we hire (demo)" in page
    assert page.count('class="source"') >= 6


def test_a_pair_without_data_says_so_plainly(demo: None, client: Client) -> None:
    page = client.get(f"/en/corridors/{EMPTY[0]}-{EMPTY[1]}/").content.decode()
    assert "The statistics hold no migrant stock for this corridor." in page
    assert "The labour exchange holds no scheme, agreement, vacancy or placement for this corridor." in page
    assert "No remittance prices or flows are recorded for this corridor." in page
    assert "No organisation or expert of this diaspora is registered in the destination." in page
    assert "No consultative process or partnership commitment joins the two countries." in page


@pytest.mark.parametrize("path", ["/en/corridors/XXX-CAN/", "/en/corridors/PHL-PHL/", "/en/corridors/PHL-CAN-X/"])
def test_unknown_or_malformed_corridors_are_not_found(client: Client, path: str) -> None:
    assert client.get(path).status_code == 404


def test_the_ranking_sorts_filters_and_pages(client: Client) -> None:
    page = client.get("/en/corridors/ranking/").content.decode()
    assert page.index("/en/corridors/MEX-USA/") < page.index("/en/corridors/SYR-TUR/")
    assert 'aria-sort="descending"' in page
    by_share = client.get("/en/corridors/ranking/?sort=female_share&dir=asc").content.decode()
    assert 'aria-sort="ascending"' in by_share
    asia = client.get("/en/corridors/ranking/?origin_region=142&destination_region=142").content.decode()
    assert "/en/corridors/MEX-USA/" not in asia and "/en/corridors/IND-ARE/" in asia
    assert "Page 2 of" in client.get("/en/corridors/ranking/?page=2").content.decode()


def test_the_ranking_downloads_as_csv_and_sdmx_csv(demo: None, client: Client) -> None:
    rows = list(csv.DictReader(io.StringIO(_text(client.get("/en/corridors/ranking.csv?destination_region=21")))))
    assert {r["destination_iso3"] for r in rows} <= {"USA", "CAN", "BMU", "GRL", "SPM"}
    phl_can = next(r for r in rows if (r["origin_iso3"], r["destination_iso3"]) == ("PHL", "CAN"))
    assert phl_can["migrant_stock"] == "633547" and phl_can["labour_schemes"] == "2"
    assert phl_can["origin_name"] == "Philippines"
    response = client.get("/en/corridors/ranking.sdmx.csv?destination_region=21")
    assert response["Content-Type"].startswith("application/vnd.sdmx.data+csv; version=2.0")
    sdmx = list(csv.DictReader(io.StringIO(_text(response))))
    assert set(sdmx[0]) >= {"STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA", "COUNTERPART_AREA", "OBS_VALUE"}
    stock = next(
        r for r in sdmx if r["MEASURE"] == "MIGRANT_STOCK" and r["REF_AREA"] == "124" and r["COUNTERPART_AREA"] == "608"
    )
    assert stock["OBS_VALUE"] == "633547" and stock["TIME_PERIOD"] == "2020" and stock["UNIT_MEASURE"] == "PS"
