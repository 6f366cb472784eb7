"""CSV and SDMX-CSV of the measurement; the SDMX-CSV is read back with the sdmx1 library."""

import csv
import io

import pytest
import sdmx
from django.test import Client
from sdmx.model import common, v21

from migdev.labour.models import Vacancy
from migdev.labour.tests.factories_measurement import build_small_market

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_market() -> dict[str, Vacancy]:
    return build_small_market()


def download(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content).decode("utf-8")  # type: ignore[attr-defined]


def structure() -> v21.DataflowDefinition:
    """The minimal data structure of MIGDEV:LABOUR_MARKET(1.0), as the reader needs it."""
    agency = common.Agency(id="MIGDEV")
    dsd = v21.DataStructureDefinition(id="LABOUR_MARKET", maintainer=agency, version="1.0")
    for order, dim in enumerate(["INDICATOR", "REF_AREA", "OCCUPATION", "SEX"]):
        dsd.dimensions.append(v21.Dimension(id=dim, order=order))
    dsd.dimensions.append(v21.TimeDimension(id="TIME_PERIOD", order=4))
    dsd.measures.append(v21.PrimaryMeasure(id="OBS_VALUE"))
    for attribute in ("UNIT_MEASURE", "OBS_STATUS", "CONF_STATUS"):
        dsd.attributes.append(v21.DataAttribute(id=attribute))
    return v21.DataflowDefinition(id="LABOUR_MARKET", maintainer=agency, version="1.0", structure=dsd)


def test_sdmx_csv_reads_back_with_sdmx1(client: Client, small_market: dict[str, Vacancy]) -> None:
    text = download(client, "/api/v1/labour/market/cells.sdmx.csv?level=4&start=2025-01&end=2025-02")
    assert text.splitlines()[0] == (
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,OCCUPATION,SEX,TIME_PERIOD,OBS_VALUE,"
        "UNIT_MEASURE,OBS_STATUS,CONF_STATUS"
    )
    message = sdmx.read_sdmx(io.BytesIO(text.encode()), format="CSV", structure=structure())
    (dataset,) = message.data
    values = {}
    for obs in dataset.obs:
        key = tuple(
            obs.dimension.values[d].value for d in ("INDICATOR", "REF_AREA", "OCCUPATION", "SEX", "TIME_PERIOD")
        )
        values[key] = obs.value
    assert float(values[("LM_SUPPLY", "608", "9211", "F", "2025-01")]) == 4
    assert float(values[("LM_SUPPLY", "608", "9211", "_T", "2025-01")]) == 7
    assert float(values[("LM_OPEN_POSITIONS", "124", "9211", "_Z", "2025-02")]) == 3
    assert float(values[("LM_FILLED_POSITIONS", "124", "9211", "F", "2025-02")]) == 3
    assert float(values[("LM_DAYS_TO_FILL", "124", "9211", "_Z", "2025-02")]) == 20
    assert float(values[("LM_TIGHTNESS", "608", "9211", "_Z", "2025-01")]) == 0
    assert ("LM_TIGHTNESS", "124", "9211", "_Z", "2025-01") not in values  # no worker available: no ratio


def test_sdmx_csv_marks_hidden_counts_confidential(client: Client, small_market: dict[str, Vacancy]) -> None:
    text = download(client, "/api/v1/labour/market/cells.sdmx.csv?level=4&month=2025-01&country=MEX")
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["INDICATOR"] == "LM_SUPPLY"]
    assert [(r["SEX"], r["OBS_VALUE"], r["CONF_STATUS"]) for r in rows] == [
        ("F", "", "C"),
        ("M", "", "C"),
        ("_T", "3", "F"),
    ]
    assert {r["STRUCTURE_ID"] for r in rows} == {"MIGDEV:LABOUR_MARKET(1.0)"}


def test_plain_csv_with_names_and_every_figure(client: Client, small_market: dict[str, Vacancy]) -> None:
    text = download(client, "/api/v1/labour/market/cells.csv?level=4&month=2025-02")
    rows = {(r["country_iso3"], r["month"]): r for r in csv.DictReader(io.StringIO(text))}
    canada = rows[("CAN", "2025-02")]
    assert canada["country_name"] == "Canada" and canada["country_m49"] == "124"
    assert (canada["open_positions"], canada["new_positions"], canada["filled_F"], canada["filled_T"]) == (
        "3",
        "2",
        "3",
        "3",
    )
    assert (canada["tightness"], canada["no_supply"], canada["classification"]) == ("", "true", "shortage")
    assert (canada["fill_rate"], canada["median_days_to_fill"]) == ("1", "20")
    mexico = rows[("MEX", "2025-02")]
    assert (mexico["supply_F"], mexico["supply_M"], mexico["supply_T"]) == ("", "", "3")
    french = download(Client(HTTP_ACCEPT_LANGUAGE="fr"), "/api/v1/labour/market/cells.csv?level=4&month=2025-02")
    assert "Philippines" in french and "Mexique" in french
