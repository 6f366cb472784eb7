"""The "reference" dataset: ISO 3166-1 countries, UN M49 regions (UN DESA), ISO 4217, ISO 639-3, SDMX sex codes.

Codes and EN names come from pycountry (Debian iso-codes); FR and ES names from its gettext catalogs. The region
hierarchy comes from m49_regions.csv, derived from UN DESA's workbook by scripts/derive_m49_regions.py.
"""

import gettext
from pathlib import Path

import pycountry
from django.db import transaction
from django.utils import translation

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import dataset_file, read_rows
from migdev.core.importers.sync import delete_rows, sync_table
from migdev.core.models import Country, Currency, Language, Region, Sex
from migdev.core.progress import ProgressReporter

M49_FILE = "m49_regions.csv"
M49_COLUMNS = ("m49", "kind", "name", "parent_m49")
OTHER_LANGUAGES = ("fr", "es")

# SDMX code list CL_SEX (SDMX global registry): the codes MigDev uses. The EN names are SDMX's; SDMX publishes no
# FR/ES names, so those are MigDev's own translations (see docs/data.md).
SEX_CODES: tuple[tuple[str, str, str, str], ...] = (
    ("F", "Female", "Féminin", "Femenino"),
    ("M", "Male", "Masculin", "Masculino"),
    ("_T", "Total", "Total", "Total"),
    ("_O", "Other", "Autre", "Otro"),
    ("_U", "Not stated", "Non déclaré", "No declarado"),
)


class _Untranslated(gettext.NullTranslations):
    """A catalog fallback that answers None, so a name the catalog lacks stays empty and falls back to English."""

    def gettext(self, message: str) -> str:
        return None  # type: ignore[return-value]


def iso_catalog(domain: str, language: str) -> gettext.NullTranslations:
    """The iso-codes catalog `domain` for `language` as shipped by pycountry; missing names translate to None."""
    catalog = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language])
    catalog.add_fallback(_Untranslated())
    return catalog


def load_reference(path: Path, progress: ProgressReporter) -> str:
    """Load regions, countries, currencies, languages and sex codes; the same input gives the same rows."""
    m49_path = dataset_file(path, M49_FILE)
    with translation.override("en"), transaction.atomic():
        regions, country_regions = _read_m49(m49_path, progress)
        region_result, _ = sync_table(
            Region, "m49", regions, ["name", "name_en", "name_fr", "name_es", "kind", "parent"], str(m49_path), False
        )
        countries = _countries(country_regions)
        country_result, _ = sync_table(
            Country,
            "iso3",
            countries,
            ["iso2", "m49", "name", "name_en", "name_fr", "name_es", "official_name", "subregion"],
            str(m49_path),
        )
        stale = set(Region.objects.values_list("m49", flat=True)) - {r.m49 for r in regions}
        if stale:
            delete_rows(Region, "m49", stale, str(m49_path))
        with progress.task("Currencies (ISO 4217)", 1) as task:
            currency_result, _ = sync_table(
                Currency, "code", _currencies(), ["numeric", "name", "name_en", "name_fr", "name_es"], "pycountry"
            )
            task.advance()
        with progress.task("Languages (ISO 639-3)", 1) as task:
            language_result, _ = sync_table(
                Language, "code", _languages(), ["iso639_1", "name", "name_en", "name_fr", "name_es"], "pycountry"
            )
            task.advance()
        sexes = [Sex(code=c, name=en, name_en=en, name_fr=fr, name_es=es) for c, en, fr, es in SEX_CODES]
        sync_table(Sex, "code", sexes, ["name", "name_en", "name_fr", "name_es"], "CL_SEX")
    unplaced = sum(1 for c in countries if c.subregion_id is None)
    not_iso = len(set(country_regions) - {c.m49 for c in countries})
    return (
        f"{len(regions)} regions ({region_result}), {len(countries)} countries ({country_result}; "
        f"{unplaced} without a UN DESA region; {not_iso} UN DESA areas not in ISO 3166-1 skipped), "
        f"{Currency.objects.count()} currencies ({currency_result}), "
        f"{Language.objects.count()} languages ({language_result}), {len(sexes)} sex codes"
    )


def _read_m49(path: Path, progress: ProgressReporter) -> tuple[list[Region], dict[int, int]]:
    """The regions and sub-regions of the file (parents first) and each country's region code, checked."""
    where = str(path)
    regions: dict[int, Region] = {}
    country_regions: dict[int, int] = {}
    records = list(read_rows(path, M49_COLUMNS))
    with progress.task("UN M49 regions", len(records)) as task:
        for row, record in records:
            code = _code(where, row, "m49", record["m49"])
            kind = record["kind"].strip()
            name = record["name"].strip()
            if not name:
                raise ImportFileError(where, row, "name", "empty name")
            if code in regions or code in country_regions:
                raise ImportFileError(where, row, "m49", f"code {code} appears twice")
            parent_code = _code(where, row, "parent_m49", record["parent_m49"]) if record["parent_m49"] else None
            parent = regions.get(parent_code) if parent_code is not None else None
            if parent_code is not None and parent is None:
                raise ImportFileError(where, row, "parent_m49", f"unknown parent code {parent_code}")
            if kind == Region.Kind.REGION and parent is None:
                regions[code] = Region(m49=code, name=name, name_en=name, kind=kind, parent=None)
            elif kind == Region.Kind.SUBREGION and parent is not None and parent.kind == Region.Kind.REGION:
                regions[code] = Region(m49=code, name=name, name_en=name, kind=kind, parent=parent)
            elif kind == "country" and parent is not None:
                country_regions[code] = parent.m49
            else:
                raise ImportFileError(
                    where, row, "kind", f"{kind!r} with parent {parent_code} (expected region, subregion or country)"
                )
            task.advance()
    return list(regions.values()), country_regions


def _code(where: str, row: int, column: str, value: str) -> int:
    try:
        code = int(value)
    except ValueError:
        raise ImportFileError(where, row, column, f"{value!r} is not a numeric M49 code") from None
    if not 0 < code < 10000:
        raise ImportFileError(where, row, column, f"{code} is out of the M49 range")
    return code


def _countries(country_regions: dict[int, int]) -> list[Country]:
    """All ISO 3166-1 entries; the short name ("Bolivia", not "Bolivia, Plurinational State of") where ISO has one."""
    catalogs = {lang: iso_catalog("iso3166-1", lang) for lang in OTHER_LANGUAGES}
    countries = []
    for entry in pycountry.countries:
        english = getattr(entry, "common_name", None) or entry.name
        names = {lang: catalog.gettext(english) or catalog.gettext(entry.name) for lang, catalog in catalogs.items()}
        m49 = int(entry.numeric)
        countries.append(
            Country(
                iso3=entry.alpha_3,
                iso2=entry.alpha_2,
                m49=m49,
                name=english,
                name_en=english,
                name_fr=names["fr"],
                name_es=names["es"],
                official_name=getattr(entry, "official_name", ""),
                subregion_id=country_regions.get(m49),
            )
        )
    return countries


def _currencies() -> list[Currency]:
    catalogs = {lang: iso_catalog("iso4217", lang) for lang in OTHER_LANGUAGES}
    return [
        Currency(
            code=entry.alpha_3,
            numeric=int(entry.numeric) if getattr(entry, "numeric", None) else None,
            name=entry.name,
            name_en=entry.name,
            name_fr=catalogs["fr"].gettext(entry.name),
            name_es=catalogs["es"].gettext(entry.name),
        )
        for entry in pycountry.currencies
    ]


def _languages() -> list[Language]:
    catalogs = {lang: iso_catalog("iso639-3", lang) for lang in OTHER_LANGUAGES}
    return [
        Language(
            code=entry.alpha_3,
            iso639_1=getattr(entry, "alpha_2", ""),
            name=entry.name,
            name_en=entry.name,
            name_fr=catalogs["fr"].gettext(entry.name),
            name_es=catalogs["es"].gettext(entry.name),
        )
        for entry in pycountry.languages
    ]
