"""CSV and SDMX-CSV series; the SDMX-CSV is read back with the sdmx1 library."""

import csv
import io

import pytest
import sdmx
from django.test import Client
from sdmx.model import common, v21

pytestmark = pytest.mark.django_db


def download(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content).decode("utf-8")  # type: ignore[attr-defined]


def structure(bilateral: bool) -> v21.DataflowDefinition:
    """The minimal data structure of MIGDEV:UNDESA_IMS(1.0), as the reader needs it."""
    dsd = v21.DataStructureDefinition(id="UNDESA_IMS", maintainer=common.Agency(id="MIGDEV"), version="1.0")
    dimensions = ["INDICATOR", "REF_AREA", *(["COUNTERPART_AREA"] if bilateral else []), "SEX"]
    for order, dim in enumerate(dimensions):
        dsd.dimensions.append(v21.Dimension(id=dim, order=order))
    dsd.dimensions.append(v21.TimeDimension(id="TIME_PERIOD", order=len(dimensions)))
    dsd.measures.append(v21.PrimaryMeasure(id="OBS_VALUE"))
    for attribute in ("UNIT_MEASURE", "OBS_STATUS"):
        dsd.attributes.append(v21.DataAttribute(id=attribute))
    return v21.DataflowDefinition(id="UNDESA_IMS", maintainer=common.Agency(id="MIGDEV"), version="1.0", structure=dsd)


def test_sdmx_csv_reads_back_with_sdmx1(client: Client) -> None:
    """WORLD (900) 2020: 280,598,105 migrants, of whom 134,942,261 women (UN DESA IMS 2020, Table 1)."""
    text = download(client, "/api/v1/stats/series/migrant-stock.sdmx.csv?area=900")
    assert text.splitlines()[0] == (
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS"
    )
    message = sdmx.read_sdmx(io.BytesIO(text.encode()), format="CSV", structure=structure(bilateral=False))
    (dataset,) = message.data
    values = {
        (o.dimension.values["SEX"].value, o.dimension.values["TIME_PERIOD"].value): float(o.value) for o in dataset.obs
    }
    assert len(values) == 21
    assert values[("_T", "2020")] == 280_598_105
    assert values[("F", "2020")] == 134_942_261
    assert values[("_T", "1990")] == 152_986_157
    obs = dataset.obs[0]
    assert obs.dimension.values["REF_AREA"].value == "900"
    assert obs.attached_attribute["UNIT_MEASURE"].value == "PS"


def test_bilateral_sdmx_csv_reads_back_with_sdmx1(client: Client) -> None:
    """Mexico -> USA 2020: 10,853,105 (female 5,056,331), UN DESA IMS 2020."""
    text = download(client, "/api/v1/stats/series/migrant-stock-bilateral.sdmx.csv?area=USA&counterpart=MEX")
    message = sdmx.read_sdmx(io.BytesIO(text.encode()), format="CSV", structure=structure(bilateral=True))
    values = {
        (
            o.dimension.values["COUNTERPART_AREA"].value,
            o.dimension.values["SEX"].value,
            o.dimension.values["TIME_PERIOD"].value,
        ): float(o.value)
        for o in message.data[0].obs
    }
    assert values[("484", "_T", "2020")] == 10_853_105
    assert values[("484", "F", "2020")] == 5_056_331


def test_sdmx_csv_version_1(client: Client) -> None:
    text = download(client, "/api/v1/stats/series/migrant-female-share.sdmx.csv?area=USA&period=2020&version=1.0")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "DATAFLOW",
        "INDICATOR",
        "REF_AREA",
        "SEX",
        "TIME_PERIOD",
        "OBS_VALUE",
        "UNIT_MEASURE",
        "OBS_STATUS",
    ]
    assert rows[0]["DATAFLOW"] == "MIGDEV:UNDESA_IMS(1.0)"
    assert rows[0]["REF_AREA"] == "840"
    assert rows[0]["UNIT_MEASURE"] == "PT"
    assert round(float(rows[0]["OBS_VALUE"]), 2) == 51.65
    assert rows[0]["OBS_STATUS"] == "B"


def test_plain_csv_with_names_in_the_request_language(client: Client) -> None:
    text = download(client, "/api/v1/stats/series/migrant-stock-bilateral.csv?area=USA&period=2020&sex=F")
    rows = list(csv.DictReader(io.StringIO(text)))
    mexico = next(r for r in rows if r["counterpart_area_iso3"] == "MEX")
    assert mexico["value"] == "5056331"
    assert mexico["ref_area_name"] == "United States of America"
    assert mexico["counterpart_area_m49"] == "484"
    assert {r["sex"] for r in rows} == {"F"}
    french = download(Client(HTTP_ACCEPT_LANGUAGE="fr"), "/api/v1/stats/series/migrant-stock.csv?area=840&period=2020")
    assert "États-Unis" in french


def test_unknown_indicator_is_a_404_in_the_api_format(client: Client) -> None:
    response = client.get("/api/v1/stats/series/no-such-thing.sdmx.csv")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "Unknown indicator 'no-such-thing'", "field": "indicator"}
    }


def test_unknown_area_filter_fails_before_streaming(client: Client) -> None:
    response = client.get("/api/v1/stats/series/migrant-stock.csv?counterpart=ZZZ")
    assert response.status_code == 404
    assert response.json()["error"]["field"] == "counterpart"
