"""Readers of the law room's CSV files: parse and check every row, never write.

`services` writes what these return in one transaction. Every problem raises ImportFileError naming the file, row
and column, before anything is written.
"""

import datetime
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import read_rows
from migdev.law.status import CONSENT_ACTIONS, DENUNCIATION, NON_STATE_PARTICIPANTS, SIGNATURE, PartialDate

INSTRUMENTS_FILE = "ratifications/instruments.csv"
MORE_INSTRUMENTS_FILE = "instruments_more.csv"
CATALOGUE_FILE = "catalogue.csv"
COMPLETENESS_FILE = "completeness.csv"
OBJECTIVES_FILE = "gcm_objectives.csv"
ACTIONS_FILE = "treaty_actions.csv"

INSTRUMENT_COLUMNS = (
    "instrument",
    "full_title",
    "adopted_date",
    "entry_into_force_date",
    "depositary",
    "untc_mtdsg_or_normlex_id",
    "source",
    "notes",
)
CATALOGUE_COLUMNS = ("instrument", "short_title", "kind", "binding", "themes", "text_slug")
COMPLETENESS_COLUMNS = ("instrument", "state", "as_of", "note", "source")
OBJECTIVE_COLUMNS = ("objective_no", "title", "resolution_paragraph")
ACTION_COLUMNS = ("instrument", "participant_name", "iso3", "action", "action_date", "source", "as_of", "notes")
# Optional columns an update file may add (the shipped file has none of them).
OPTIONAL_ACTION_COLUMNS = ("ilo_options", "reservations")

KINDS = ("universal", "regional", "bilateral")
COMPLETENESS_STATES = (
    "complete_current",
    "complete_as_of",
    "partial",
    "fragment",
    "not_compiled",
    "not_applicable",
)
ACTIONS = (SIGNATURE, *sorted(CONSENT_ACTIONS), DENUNCIATION)
GCM = "gcm_2018"


@dataclass(frozen=True)
class InstrumentRecord:
    id: str
    title: str
    adopted: datetime.date | None
    entry_into_force: datetime.date | None
    depositary: str
    reference: str
    source_url: str
    notes: str


@dataclass(frozen=True)
class CatalogueRecord:
    id: str
    short_title: str
    kind: str
    binding: bool
    themes: tuple[str, ...]
    text_slug: str


@dataclass(frozen=True)
class CompletenessRecord:
    instrument: str
    state: str
    as_of: datetime.date | None
    note: str
    source: str


@dataclass(frozen=True)
class ObjectiveRecord:
    number: int
    title: str
    paragraph: int | None


@dataclass(frozen=True)
class ActionRecord:
    row: int
    instrument: str
    participant: str  # ISO3, or a key of NON_STATE_PARTICIPANTS
    iso3: str
    participant_name: str
    action: str
    date: datetime.date | None
    date_precision: str  # "day", "year" or "unknown"
    source: str
    as_of: str
    notes: str
    ilo_options: str
    reservations: str


def _day(path: Path, row: int, column: str, text: str) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ImportFileError(str(path), row, column, f"{text!r} is not a date (YYYY-MM-DD)") from None


def read_instruments(path: Path) -> list[InstrumentRecord]:
    """Instruments in the format of ratifications/instruments.csv."""
    records: dict[str, InstrumentRecord] = {}
    for row, rec in read_rows(path, INSTRUMENT_COLUMNS):
        slug = rec["instrument"].strip()
        if not slug or not slug.replace("_", "").isalnum() or slug != slug.lower():
            raise ImportFileError(str(path), row, "instrument", f"{slug!r} is not an identifier such as 'ilo_c097'")
        if slug in records:
            raise ImportFileError(str(path), row, "instrument", f"{slug!r} is listed twice")
        if not rec["full_title"].strip():
            raise ImportFileError(str(path), row, "full_title", "the title is empty")
        records[slug] = InstrumentRecord(
            id=slug,
            title=rec["full_title"].strip(),
            adopted=_day(path, row, "adopted_date", rec["adopted_date"]),
            entry_into_force=_day(path, row, "entry_into_force_date", rec["entry_into_force_date"]),
            depositary=rec["depositary"].strip(),
            reference=rec["untc_mtdsg_or_normlex_id"].strip(),
            source_url=rec["source"].strip(),
            notes=rec["notes"].strip(),
        )
    return list(records.values())


def read_catalogue(path: Path, known: Collection[str], themes: Collection[str]) -> list[CatalogueRecord]:
    """Kind, binding force, themes and shipped text of each instrument."""
    records = []
    for row, rec in read_rows(path, CATALOGUE_COLUMNS):
        if rec["instrument"] not in known:
            raise ImportFileError(str(path), row, "instrument", f"unknown instrument {rec['instrument']!r}")
        if rec["kind"] not in KINDS:
            raise ImportFileError(str(path), row, "kind", f"{rec['kind']!r} is not one of {', '.join(KINDS)}")
        if rec["binding"] not in ("yes", "no"):
            raise ImportFileError(str(path), row, "binding", f"{rec['binding']!r} is not 'yes' or 'no'")
        codes = tuple(t for t in rec["themes"].split(";") if t)
        for code in codes:
            if code not in themes:
                raise ImportFileError(str(path), row, "themes", f"unknown theme {code!r}")
        records.append(
            CatalogueRecord(
                rec["instrument"], rec["short_title"], rec["kind"], rec["binding"] == "yes", codes, rec["text_slug"]
            )
        )
    return records


def read_completeness(path: Path, known: Collection[str]) -> list[CompletenessRecord]:
    records = []
    for row, rec in read_rows(path, COMPLETENESS_COLUMNS):
        if rec["instrument"] not in known:
            raise ImportFileError(str(path), row, "instrument", f"unknown instrument {rec['instrument']!r}")
        if rec["state"] not in COMPLETENESS_STATES:
            raise ImportFileError(str(path), row, "state", f"{rec['state']!r} is not one of {COMPLETENESS_STATES}")
        as_of = _day(path, row, "as_of", rec["as_of"])
        if rec["state"] in ("complete_current", "complete_as_of") and as_of is None:
            raise ImportFileError(str(path), row, "as_of", "complete data needs the date it is complete to")
        records.append(CompletenessRecord(rec["instrument"], rec["state"], as_of, rec["note"], rec["source"]))
    return records


def read_objectives(path: Path) -> list[ObjectiveRecord]:
    records = []
    for row, rec in read_rows(path, OBJECTIVE_COLUMNS):
        try:
            number = int(rec["objective_no"])
            paragraph = int(rec["resolution_paragraph"]) if rec["resolution_paragraph"] else None
        except ValueError:
            raise ImportFileError(str(path), row, "objective_no", "not a whole number") from None
        records.append(ObjectiveRecord(number, rec["title"].strip(), paragraph))
    return records


def read_actions(
    path: Path, instruments: Mapping[str, datetime.date | None], countries: Collection[str]
) -> list[ActionRecord]:
    """Treaty actions in the format of ratifications/treaty_actions.csv, checked against the known instruments
    (id -> adoption date) and countries (ISO3). Dates: YYYY-MM-DD, YYYY (year only) or empty (not stated)."""
    where = str(path)
    non_state_by_name = {name: code for code, (_label, names) in NON_STATE_PARTICIPANTS.items() for name in names}
    today = datetime.date.today()
    records: list[ActionRecord] = []
    seen: dict[tuple[str, str, str, datetime.date | None, str], int] = {}
    for row, rec in read_rows(path, ACTION_COLUMNS):
        instrument = rec["instrument"].strip()
        if instrument not in instruments:
            raise ImportFileError(where, row, "instrument", f"unknown instrument {instrument!r}")
        iso3 = rec["iso3"].strip().upper()
        name = rec["participant_name"].strip()
        if iso3:
            if iso3 not in countries:
                raise ImportFileError(where, row, "iso3", f"unknown country {iso3!r} (ISO 3166-1 alpha-3)")
            participant = iso3
        elif name in non_state_by_name:
            participant = non_state_by_name[name]
        else:
            raise ImportFileError(
                where, row, "iso3", f"no ISO3 code for {name!r}, and it is not a known non-State participant"
            )
        action = rec["action"].strip()
        if action not in ACTIONS:
            raise ImportFileError(where, row, "action", f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
        date, precision = _action_date(where, row, rec["action_date"].strip())
        as_of = rec["as_of"].strip()
        if as_of:
            try:
                known_by = PartialDate.parse(as_of)
            except ValueError as exc:
                raise ImportFileError(where, row, "as_of", str(exc)) from None
            if date is not None and date > known_by.latest:
                raise ImportFileError(where, row, "action_date", f"{date} is after the source's as-of date {as_of}")
        adopted = instruments[instrument]
        if date is not None:
            if date > today:
                raise ImportFileError(where, row, "action_date", f"{rec['action_date']} is in the future")
            if adopted is not None and _last_day(date, precision) < adopted:
                raise ImportFileError(
                    where, row, "action_date", f"{rec['action_date']} is before the instrument was adopted ({adopted})"
                )
        if not rec["source"].strip():
            raise ImportFileError(where, row, "source", "every action needs its source")
        key = (instrument, participant, action, date, precision)
        if key in seen:
            raise ImportFileError(where, row, None, f"the same action is already on row {seen[key]}")
        seen[key] = row
        records.append(
            ActionRecord(
                row=row,
                instrument=instrument,
                participant=participant,
                iso3=iso3,
                participant_name=name,
                action=action,
                date=date,
                date_precision=precision,
                source=rec["source"].strip(),
                as_of=as_of,
                notes=rec["notes"].strip(),
                ilo_options=rec.get("ilo_options", "").strip(),
                reservations=rec.get("reservations", "").strip(),
            )
        )
    return records


def _action_date(where: str, row: int, text: str) -> tuple[datetime.date | None, str]:
    if not text:
        return None, "unknown"
    try:
        parsed = PartialDate.parse(text)
    except ValueError as exc:
        raise ImportFileError(where, row, "action_date", str(exc)) from None
    if parsed.precision == "month":
        raise ImportFileError(where, row, "action_date", f"{text!r}: give the day (YYYY-MM-DD) or the year (YYYY)")
    return parsed.earliest, parsed.precision


def _last_day(date: datetime.date, precision: str) -> datetime.date:
    return datetime.date(date.year, 12, 31) if precision == "year" else date


MANIFEST_FILE = "manifest.tsv"
MANIFEST_COLUMNS = ("slug", "bwb_id", "source_repo", "source_path", "last_commit_date", "dutch_translation_from_line")


@dataclass(frozen=True)
class TextRecord:
    slug: str
    bwb_id: str
    source: str
    modified: str  # the BWB version's last-modified date (YYYY-MM-DD)
    dutch_from_line: int | None
    markdown: str


def read_texts(folder: Path) -> list[TextRecord]:
    """The treaty texts listed in manifest.tsv (tab-separated), each with its markdown file."""
    path = folder / MANIFEST_FILE
    if not path.is_file():
        raise ImportFileError(str(path), None, None, "file not found")
    records = []
    for row, rec in read_rows(path, MANIFEST_COLUMNS, tabs=True):
        cut = rec["dutch_translation_from_line"]
        if cut != "none" and not cut.isdigit():
            raise ImportFileError(str(path), row, "dutch_translation_from_line", f"{cut!r} is not a line number")
        _day(path, row, "last_commit_date", rec["last_commit_date"])
        text_path = folder / "bwb-markdown" / f"{rec['slug']}.md"
        if not text_path.is_file():
            raise ImportFileError(str(text_path), None, None, "file not found")
        records.append(
            TextRecord(
                slug=rec["slug"],
                bwb_id=rec["bwb_id"],
                source=f"{rec['source_repo']}:{rec['source_path']}",
                modified=rec["last_commit_date"],
                dutch_from_line=None if cut == "none" else int(cut),
                markdown=_utf8_text(text_path),
            )
        )
    return records


def _utf8_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFileError(str(path), None, None, f"the file is not UTF-8 text (byte {exc.start})") from exc
