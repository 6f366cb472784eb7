"""Loading the RCP data (rcps.csv, rcp_members.csv, the sources of PROVENANCE.md): all or nothing, every fault named
by file, row and column; each fact that changes is written to the fact history."""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import dataset_file, read_rows
from migdev.core.models import Country
from migdev.core.progress import ProgressReporter
from migdev.rcp.models import FactChange, Member, Process, Source

PROCESSES_FILE = "rcps.csv"
MEMBERS_FILE = "rcp_members.csv"
PROVENANCE_FILE = "PROVENANCE.md"
PROCESS_COLUMNS = (
    "rcp_id", "name", "acronyms", "iscm_type", "region", "established_year", "established_note", "status",
    "formal_association", "secretariat", "member_count_reported", "member_count_as_of", "observers_summary",
    "thematic_focus", "theme_tags", "iom_page", "official_site", "source_ids", "uncertain",
)  # fmt: skip
MEMBER_COLUMNS = ("rcp_id", "entity_name", "iso3", "entity_type", "role", "as_of", "source_ids", "note")
# Codes the data uses that are not ISO 3166-1 (PROVENANCE.md): kept as given, linked to no country.
NON_ISO_CODES = {
    "XKX": "user-assigned code for Kosovo, not ISO 3166-1",
    "MAF|SXM": "the ambiguous 'St. Martin' of the CMC list: Saint-Martin (MAF) or Sint Maarten (SXM)",
}
KINDS = (("global", Process.Kind.GLOBAL), ("rcp", Process.Kind.RCP), ("irf", Process.Kind.IRF))
EARLIEST_YEAR = 1900
SLUG = re.compile(r"^[a-z0-9_]{1,40}$")
YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
FULL_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
SOURCE_LINE = re.compile(r"^- (S\d+)\s+(.*?)(?:\s+—\s+(https?://\S+).*)?$")
# Which fact an `uncertain` note is about, by the words it uses; membership disputes are the rest.
UNCERTAIN_WORDS = {
    "established_year": ("founding year", "established"),
    "member_count_reported": ("count", "exact"),
    "chair_history": ("chair",),
    "observers_summary": ("observer",),
    "kind": ("type classification",),
    "status": ("status",),
}
FACT_FIELDS = (
    "name", "acronyms", "kind", "kind_note", "region", "established_year", "established_note", "status",
    "formal_association", "secretariat", "member_count_reported", "member_count_as_of", "observers_summary",
    "thematic_focus", "theme_tags", "iom_page", "official_site", "source_ids", "uncertain",
)  # fmt: skip
TRANSLATED = {"name", "region", "thematic_focus", "observers_summary"}


def years_of(where: str, row: int, column: str, raw: str) -> list[int]:
    """The years a date or period names ("c.2023", "2011-2016", "1999/2000", "2024-02-29"); an impossible one
    (before 1900, in the future, a day that does not exist, a period that ends before it starts) is refused."""
    this_year = date.today().year
    for match in FULL_DATE.finditer(raw):
        try:
            date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise ImportFileError(where, row, column, f"impossible date {match[0]!r}") from None
    years = [int(y) for y in YEAR.findall(FULL_DATE.sub(lambda m: m[1], raw))]
    for year in years:
        if not EARLIEST_YEAR <= year <= this_year:
            raise ImportFileError(where, row, column, f"impossible year {year} in {raw!r}")
    if re.search(r"(?<!\d)\d{4}\s*-\s*\d{4}(?!\d)", raw) and len(years) == 2 and years[0] > years[1]:
        raise ImportFileError(where, row, column, f"the period {raw!r} ends before it starts")
    return years


def _kind(where: str, row: int, raw: str) -> str:
    lowered = raw.strip().lower()
    for prefix, kind in KINDS:
        if lowered.startswith(prefix):
            return str(kind)
    raise ImportFileError(where, row, "iscm_type", f"unknown type {raw!r}: expected RCP, IRF or Global process")


def _url(where: str, row: int, column: str, raw: str) -> str:
    value = raw.strip()
    if value and not re.match(r"^https?://[^\s<>\"']+$", value):
        raise ImportFileError(where, row, column, f"not a web address: {value!r}")
    return value


def uncertain_fields(note: str) -> list[str]:
    lowered = note.lower()
    fields = [field for field, words in UNCERTAIN_WORDS.items() if any(word in lowered for word in words)]
    if note.strip() and (not fields or any(w in lowered for w in ("member", "participation", "list", "exit"))):
        fields.append("members")
    return fields


def _process(where: str, row: int, fields: dict[str, str]) -> dict[str, object]:
    for column in ("rcp_id", "name", "iscm_type"):
        if not fields[column].strip():
            raise ImportFileError(where, row, column, "is empty")
    years = years_of(where, row, "established_year", fields["established_year"])
    years_of(where, row, "member_count_as_of", fields["member_count_as_of"])
    note = fields["established_note"].strip()
    if len(years) > 1:
        note = f"{note} (sources give {fields['established_year'].strip()})".strip()
    return {
        "name": fields["name"].strip(),
        "acronyms": fields["acronyms"].strip(),
        "kind": _kind(where, row, fields["iscm_type"]),
        "kind_note": fields["iscm_type"].strip(),
        "region": fields["region"].strip(),
        "established_year": min(years) if years else None,
        "established_note": note,
        "status": fields["status"].strip(),
        "formal_association": fields["formal_association"].strip(),
        "secretariat": fields["secretariat"].strip(),
        "member_count_reported": fields["member_count_reported"].strip(),
        "member_count_as_of": fields["member_count_as_of"].strip(),
        "observers_summary": fields["observers_summary"].strip(),
        "thematic_focus": fields["thematic_focus"].strip(),
        "theme_tags": ";".join(t.strip() for t in fields["theme_tags"].split(";") if t.strip()),
        "iom_page": _url(where, row, "iom_page", fields["iom_page"]),
        "official_site": _url(where, row, "official_site", fields["official_site"]),
        "source_ids": ";".join(s.strip() for s in fields["source_ids"].split(";") if s.strip()),
        "uncertain": fields["uncertain"].strip(),
        "uncertain_fields": ";".join(uncertain_fields(fields["uncertain"])),
    }


@dataclass
class MemberRow:
    rcp_id: str
    values: dict[str, object]


def _member(where: str, row: int, fields: dict[str, str], processes: set[str], countries: set[str]) -> MemberRow:
    rcp_id = fields["rcp_id"].strip()
    if rcp_id not in processes:
        raise ImportFileError(where, row, "rcp_id", f"unknown process {rcp_id!r} (not in {PROCESSES_FILE})")
    if not fields["entity_name"].strip():
        raise ImportFileError(where, row, "entity_name", "is empty")
    role = fields["role"].strip()
    if role not in Member.Role.values:
        raise ImportFileError(where, row, "role", f"unknown role {role!r}: expected one of {', '.join(Member.Role)}")
    code = fields["iso3"].strip().upper()
    country = None
    if code and code not in NON_ISO_CODES:
        if code not in countries:
            raise ImportFileError(where, row, "iso3", f"unknown ISO 3166-1 alpha-3 code {code!r}")
        country = code
    if not code and fields["entity_type"].strip() != "organization":
        raise ImportFileError(where, row, "iso3", "is empty (only organisations have no country code)")
    as_of = fields["as_of"].strip()
    if not as_of:
        raise ImportFileError(where, row, "as_of", "is empty: say the date or period the source reflects")
    years = years_of(where, row, "as_of", as_of)
    note = fields["note"].strip()
    if code in NON_ISO_CODES:
        note = f"{note}; {NON_ISO_CODES[code]}".strip("; ")
    return MemberRow(
        rcp_id,
        {
            "country_id": country,
            "code": code,
            "entity_name": fields["entity_name"].strip(),
            "entity_type": fields["entity_type"].strip() or "state_or_territory",
            "role": role,
            "as_of": as_of,
            "as_of_year": max(years) if years else None,
            "source_ids": ";".join(s.strip() for s in fields["source_ids"].split(";") if s.strip()),
            "note": note,
        },
    )


def read_sources(path: Path) -> dict[str, tuple[str, str]]:
    """The sources PROVENANCE.md lists ("- S20  IOM Colombo Process page — https://..."), by code."""
    if not path.is_file():
        return {}
    sources: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = SOURCE_LINE.match(line.strip())
        if match:
            sources[match[1]] = (match[2].strip()[:500], (match[3] or "")[:500])
    return sources


def read_rcp(path: Path) -> tuple[dict[str, dict[str, object]], list[MemberRow], dict[str, tuple[str, str]]]:
    """Read and check both files; raise ImportFileError at the first bad row. Writes nothing."""
    processes_file = dataset_file(path, PROCESSES_FILE)
    folder = processes_file.parent
    members_file = dataset_file(folder, MEMBERS_FILE)
    where = str(processes_file)
    processes: dict[str, dict[str, object]] = {}
    for row, fields in read_rows(processes_file, PROCESS_COLUMNS):
        rcp_id = fields["rcp_id"].strip()
        if rcp_id and not SLUG.match(rcp_id):
            raise ImportFileError(where, row, "rcp_id", f"not an identifier (a-z, 0-9, _): {rcp_id!r}")
        if rcp_id in processes:
            raise ImportFileError(where, row, "rcp_id", f"duplicate process id {rcp_id!r}")
        processes[rcp_id] = _process(where, row, fields)
    countries = set(Country.objects.values_list("iso3", flat=True))
    members: list[MemberRow] = []
    seen: set[tuple[str, object, object]] = set()
    where = str(members_file)
    for row, fields in read_rows(members_file, MEMBER_COLUMNS):
        member = _member(where, row, fields, set(processes), countries)
        key = (member.rcp_id, member.values["entity_name"], member.values["role"])
        if key in seen:
            raise ImportFileError(where, row, "entity_name", f"{key[1]} appears twice as {key[2]} of {key[0]}")
        seen.add(key)
        members.append(member)
    return processes, members, read_sources(folder / PROVENANCE_FILE)


def _members_summary(members: list[Member] | list[MemberRow]) -> set[str]:
    out = set()
    for member in members:
        values = member.values if isinstance(member, MemberRow) else member.__dict__
        out.add(f"{values['entity_name']} ({values['role']}, {values['as_of']})")
    return out


def load_rcp(path: Path, progress: ProgressReporter, /, *, allow_shrink: bool = False) -> str:
    """Load the processes, their members and the sources; a fact that changes gets a line in its history."""
    processes, members, sources = read_rcp(path)
    stored = Process.objects.count()
    if stored and len(processes) * 2 < stored and not allow_shrink:
        raise ImportFileError(
            str(path), None, None, f"{len(processes)} processes, {stored} stored: a cut file? (--allow-shrink)"
        )
    via = f"import of {PROCESSES_FILE} and {MEMBERS_FILE}"
    by_process: dict[str, list[MemberRow]] = {}
    for member in members:
        by_process.setdefault(member.rcp_id, []).append(member)
    corrected = _corrected()
    conflicts: list[str] = []
    with transaction.atomic(), progress.task("Consultative processes", total=len(processes)) as task:
        for code, (title, url) in sources.items():
            Source.objects.update_or_create(code=code, defaults={"title": title, "url": url})
        for rcp_id, values in processes.items():
            kept = _save_process(rcp_id, values, by_process.get(rcp_id, []), via, corrected.get(rcp_id, {}))
            conflicts += [f"{rcp_id}.{field}" for field in kept]
            task.advance()
    summary = f"{len(processes)} consultative processes, {len(members)} participants, {len(sources)} sources"
    if conflicts:
        summary += f"; {len(conflicts)} facts kept as corrected (the file differs): {', '.join(conflicts)}"
    return summary


@dataclass
class Corrected:
    """A corrected fact: the values of the file already known since the correction (the one it replaced, and those
    reported as conflicts)."""

    reported: set[str]


def _corrected() -> dict[str, dict[str, Corrected]]:
    """The corrected facts of every process (by rcp_id and field), read in one query."""
    found: dict[str, dict[str, Corrected]] = {}
    kinds = (FactChange.Kind.CORRECTION, FactChange.Kind.CONFLICT)
    rows = FactChange.objects.filter(kind__in=kinds).order_by("changed_at", "pk")
    columns = ("process__rcp_id", "field", "kind", "old_value", "new_value")
    for rcp_id, field, kind, old_value, new_value in rows.values_list(*columns):
        by_field = found.setdefault(rcp_id, {})
        if kind == FactChange.Kind.CORRECTION:  # the value it replaced is known: no conflict to report for it
            by_field[field] = Corrected(reported={old_value})
        elif field in by_field:
            by_field[field].reported.add(new_value)
    return found


def _save_process(
    rcp_id: str, values: dict[str, object], members: list[MemberRow], via: str, corrected: dict[str, Corrected]
) -> list[str]:
    """Write one process and its members; a fact a steward or the secretariat corrected keeps its corrected value
    (a file that differs is recorded once as a conflict). Returns the corrected facts the file differs on."""
    stored_values = {**values}
    for field in TRANSLATED:
        stored_values[f"{field}_en"] = stored_values.pop(field)
    process = Process.objects.filter(rcp_id=rcp_id).first()
    changes: list[FactChange] = []
    kept: list[str] = []
    if process is None:
        process = Process.objects.create(rcp_id=rcp_id, **stored_values)
        changes.append(FactChange(process=process, field="record", new_value=f"imported ({rcp_id})", via=via))
    else:
        for field in FACT_FIELDS:
            column = f"{field}_en" if field in TRANSLATED else field
            old, new = getattr(process, column), stored_values[column]
            old_text, new_text = ("" if v is None else str(v) for v in (old, new))
            if field in corrected:
                stored_values.pop(column)
                if old_text != new_text:
                    kept.append(field)
                    if new_text not in corrected[field].reported:
                        changes.append(_conflict(process, field, old_text, new_text, via))
            elif old_text != new_text:
                changes.append(
                    FactChange(process=process, field=field, old_value=old_text, new_value=new_text, via=via)
                )
        if "uncertain" in corrected:
            stored_values.pop("uncertain_fields")
        Process.objects.filter(pk=process.pk).update(**stored_values)
    old_members = list(process.members.all())
    old_summary, new_summary = _members_summary(old_members), _members_summary(members)
    if old_members and old_summary != new_summary:
        changes.append(
            FactChange(
                process=process,
                field="members",
                old_value="; ".join(sorted(old_summary - new_summary)),
                new_value="; ".join(sorted(new_summary - old_summary)),
                via=via,
            )
        )
    process.members.all().delete()
    Member.objects.bulk_create(Member(process=process, **m.values) for m in members)
    FactChange.objects.bulk_create(changes)
    return kept


def _conflict(process: Process, field: str, corrected: str, in_file: str, via: str) -> FactChange:
    return FactChange(
        process=process,
        field=field,
        kind=FactChange.Kind.CONFLICT,
        old_value=corrected,
        new_value=in_file,
        via=f"{via}: not applied, the corrected value is kept",
    )
