"""Writes of the statistics store: loading the UN DESA International Migrant Stock 2020.

The loader is a system operation run by `migdev setup` / `migdev import undesa-stock` (no user, so no
permission rule): it reads and checks every file first, then replaces the data in one transaction.
"""

import gettext
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycountry
from django.db import connection, transaction

from migdev.core.importers.reference import region_names_by_english
from migdev.core.importers.sync import check_not_shrinking
from migdev.core.models import Country, Sex
from migdev.core.progress import ProgressReporter
from migdev.stats import importers
from migdev.stats.models import Area, Indicator, Observation, Source

DATASET_NAME = "undesa-stock"
DATAFLOW = "MIGDEV:UNDESA_IMS(1.0)"
PUBLISHER = "United Nations Department of Economic and Social Affairs (UN DESA), Population Division"
LICENCE = "CC BY 3.0 IGO"
URL = "https://www.un.org/development/desa/pd/content/international-migrant-stock"
VERSION = "2020 (POP/DB/MIG/Stock/Rev.2020)"
ATTRIBUTION = (
    "United Nations Department of Economic and Social Affairs, Population Division (2020). "
    "International Migrant Stock 2020 (POP/DB/MIG/Stock/Rev.2020). "
    "Copyright © 2020 by United Nations, made available under a Creative Commons license CC BY 3.0 IGO."
)


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    names: tuple[str, str, str]  # en, fr, es
    unit: str  # SDMX CL_UNIT_MEASURE: PS persons, PT per cent
    decimals: int
    bilateral: bool = False
    description: str = ""


INDICATORS = (
    IndicatorSpec(
        "migrant-stock",
        (
            "International migrant stock",
            "Stock de migrants internationaux",
            "Stock de migrantes internacionales",
        ),
        "PS",
        0,
        description="Number of persons living in a country other than their country of birth (or citizenship), "
        "at mid-year, by country or area of destination.",
    ),
    IndicatorSpec("population", ("Total population", "Population totale", "Población total"), "PS", 0),
    IndicatorSpec(
        "migrant-stock-share",
        (
            "International migrants as a percentage of the population",
            "Migrants internationaux en pourcentage de la population",
            "Migrantes internacionales en porcentaje de la población",
        ),
        "PT",
        2,
    ),
    IndicatorSpec(
        "migrant-female-share",
        (
            "Female migrants as a percentage of the international migrant stock",
            "Femmes migrantes en pourcentage du stock de migrants internationaux",
            "Mujeres migrantes en porcentaje del stock de migrantes internacionales",
        ),
        "PT",
        2,
    ),
    IndicatorSpec(
        "migrant-stock-bilateral",
        (
            "International migrant stock by origin and destination",
            "Stock de migrants internationaux par origine et destination",
            "Stock de migrantes internacionales por origen y destino",
        ),
        "PS",
        0,
        bilateral=True,
        description="Migrants living in the destination (reference area) born in the origin (counterpart area). "
        "Origins not reported by country are not included, so totals over origins are below the destination total.",
    ),
)

SOURCES = {
    importers.WORKBOOK_FILE: (
        "undesa-ims2020-destination",
        "International Migrant Stock 2020: Destination (Tables 1-4)",
    ),
    importers.BILATERAL_FILE: (
        "undesa-ims2020-origin-destination",
        "International Migrant Stock 2020: Destination and origin, by sex",
    ),
}

SEXES = {"_T": "Total", "M": "Male", "F": "Female"}


@transaction.atomic
def load_undesa_stock(folder: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Load the two UN DESA 2020 files of `folder`; reloading replaces their observations. Atomic.

    A file with far fewer observations than its source has stored is taken for a cut copy and refused (nothing is
    deleted), unless `allow_shrink`.
    """
    workbook_path = importers.require_file(folder, importers.WORKBOOK_FILE)
    bilateral_path = importers.require_file(folder, importers.BILATERAL_FILE)
    with progress.task("UN DESA migrant stock: reading the workbook", total=None):
        workbook = importers.read_workbook(workbook_path)
    with progress.task("UN DESA migrant stock: reading the origin-destination file", total=None):
        bilateral = importers.read_bilateral(bilateral_path, {area.m49 for area in workbook.areas})

    for file_path, records in ((workbook_path, workbook.observations), (bilateral_path, bilateral.observations)):
        stored = Observation.objects.filter(source__code=SOURCES[file_path.name][0]).count()
        check_not_shrinking(str(file_path), "observations", len(records), stored, allow_shrink)

    _ensure_sexes()
    indicators = _upsert_indicators()
    sources = _upsert_sources()
    _upsert_areas(workbook.areas, bilateral.iso3_by_m49)

    Observation.objects.filter(source__in=sources.values()).delete()
    batches = (
        (sources[importers.WORKBOOK_FILE], workbook.observations),
        (sources[importers.BILATERAL_FILE], bilateral.observations),
    )
    total = sum(len(records) for _, records in batches)
    with progress.task("UN DESA migrant stock: writing observations", total=total) as task:
        ids = {code: indicator.pk for code, indicator in indicators.items()}
        for source, records in batches:
            rows = [
                (ids[r.indicator], r.ref_area, r.counterpart_area, r.period, r.sex, r.value, source.pk, r.status)
                for r in records
            ]
            for start in range(0, len(rows), 5_000):
                _insert_observations(rows[start : start + 5_000])
                task.advance(len(rows[start : start + 5_000]))
    return f"{len(workbook.areas)} areas, {total} observations"


ObservationRow = tuple[int, int, int | None, str, str, float, int, str]
OBSERVATION_COLUMNS = (
    "indicator_id",
    "ref_area_id",
    "counterpart_area_id",
    "period",
    "sex_id",
    "value",
    "source_id",
    "status",
)


def _insert_observations(rows: Sequence[ObservationRow]) -> None:
    """Insert plain rows with one executemany: a quarter million Observation instances take ~5x longer."""
    table = connection.ops.quote_name(Observation._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in OBSERVATION_COLUMNS)
    placeholders = ", ".join(["%s"] * len(OBSERVATION_COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def _ensure_sexes() -> dict[str, Sex]:
    """The SDMX sex codes the data use; core's reference data normally provides them already."""
    return {code: Sex.objects.get_or_create(code=code, defaults={"name": name})[0] for code, name in SEXES.items()}


def _upsert_indicators() -> dict[str, Indicator]:
    return {spec.code: _upsert_indicator(spec) for spec in INDICATORS}


def _upsert_indicator(spec: IndicatorSpec) -> Indicator:
    en, fr, es = spec.names
    indicator, _ = Indicator.objects.update_or_create(
        code=spec.code,
        defaults={
            "name": en,
            "name_en": en,
            "name_fr": fr,
            "name_es": es,
            "description": spec.description,
            "description_en": spec.description,
            "unit": spec.unit,
            "decimals": spec.decimals,
            "sdg_code": "",
            "bilateral": spec.bilateral,
        },
    )
    return indicator


def _upsert_sources() -> dict[str, Source]:
    result = {}
    for file_name, (code, title) in SOURCES.items():
        source, _ = Source.objects.update_or_create(
            code=code,
            defaults={
                "publisher": PUBLISHER,
                "title": title,
                "licence": LICENCE,
                "url": URL,
                "version": VERSION,
                "attribution": ATTRIBUTION,
                "dataflow": DATAFLOW,
            },
        )
        result[file_name] = source
    return result


def _upsert_areas(records: list[importers.AreaRecord], iso3_from_file: dict[int, str]) -> None:
    """Create or update the areas; link countries by M49 where core knows them, name them in FR/ES.

    Countries take pycountry's French and Spanish names; aggregates named as an M49 region (or World) take that
    region's (Unicode CLDR, see core's m49 PROVENANCE.md); other aggregates (SDG regions, income and development
    groups) have no French or Spanish source and stay English.
    """
    countries = {c.m49: c.iso3 for c in Country.objects.filter(m49__in=[r.m49 for r in records])}
    region_names = region_names_by_english()
    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]) for lang in ("fr", "es")
    }
    areas = []
    for record in records:
        iso3 = countries.get(record.m49) or iso3_from_file.get(record.m49, "")
        names = {"fr": None, "es": None} | (_country_names(iso3, translations) if iso3 else {})
        if record.kind == "aggregate" and record.name.casefold() in region_names:
            names["fr"], names["es"] = region_names[record.name.casefold()]
        areas.append(
            Area(
                m49=record.m49,
                name=record.name,
                name_en=record.name,
                name_fr=names["fr"],
                name_es=names["es"],
                kind=record.kind,
                iso3=iso3,
                country_id=countries.get(record.m49),
                notes=record.notes,
            )
        )
    Area.objects.bulk_create(
        areas,
        update_conflicts=True,
        unique_fields=["m49"],
        update_fields=["name", "name_en", "name_fr", "name_es", "kind", "iso3", "country", "notes"],
    )


def _country_names(iso3: str, translations: Mapping[str, gettext.NullTranslations]) -> dict[str, str | None]:
    """French and Spanish short names from the ISO 3166-1 catalogues that ship with pycountry."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return {}
    name = getattr(country, "common_name", None) or country.name
    return {lang: translation.gettext(name) for lang, translation in translations.items()}


@dataclass(frozen=True)
class PublishedSeries:
    """A bilateral series another room loads into the store: its indicator, period and where it comes from."""

    indicator: IndicatorSpec
    period: str
    source_code: str
    title: str
    publisher: str
    licence: str
    url: str
    version: str
    attribution: str
    dataflow: str


@transaction.atomic
def load_bilateral_series(
    series: PublishedSeries, values: Iterable[tuple[str, str, float]], where: str, *, allow_shrink: bool = False
) -> tuple[int, int, list[str]]:
    """Store (ref area ISO3, counterpart ISO3, value) triples as the series' observations, replacing the source's.

    Pairs naming an area the store does not have (no UN DESA area with that ISO3 code) are not stored: returns the
    observations stored, the pairs left out and the ISO3 codes that caused it, so the caller can say which. Sex is
    _T (the series is not by sex). Atomic; a file with far fewer values than are stored is refused unless
    `allow_shrink`.
    """
    area_by_iso3 = dict(Area.objects.exclude(iso3="").values_list("iso3", "m49"))
    rows, skipped, unknown = [], 0, set()
    for ref, counterpart, value in values:
        if ref in area_by_iso3 and counterpart in area_by_iso3:
            rows.append((area_by_iso3[ref], area_by_iso3[counterpart], value))
        else:
            skipped += 1
            unknown |= {code for code in (ref, counterpart) if code not in area_by_iso3}
    stored = Observation.objects.filter(source__code=series.source_code).count()
    check_not_shrinking(where, "observations", len(rows), stored, allow_shrink)
    _ensure_sexes()
    indicator = _upsert_indicator(series.indicator)
    source, _ = Source.objects.update_or_create(
        code=series.source_code,
        defaults={
            "publisher": series.publisher,
            "title": series.title,
            "licence": series.licence,
            "url": series.url,
            "version": series.version,
            "attribution": series.attribution,
            "dataflow": series.dataflow,
        },
    )
    Observation.objects.filter(source=source).delete()
    _insert_observations(
        [
            (indicator.pk, ref, counterpart, series.period, "_T", value, source.pk, "")
            for ref, counterpart, value in rows
        ]
    )
    return len(rows), skipped, sorted(unknown)
