"""`migdev import commitments PATH`: commitments from a CSV file (or a folder holding commitments.csv).

Columns (header names; the first four are required, the others may be left out or empty):
  title, pledger, pledger_kind, form,
  summary, pledger_country, partners, type, matches, amount, currency, gcm_objectives, guiding_principles,
  sdg_targets, countries, rcps, start, deadline, status
Lists are separated by ";" (partners by name, GCM objectives by number, principles by letter, SDG targets by code,
countries by ISO 3166-1 alpha-3, RCPs by id as in data/rcps.csv); dates are YYYY-MM-DD; `matches` is the title of
the pledge matched. A pledger not yet registered is added with its kind and country; partners must be registered.
A commitment is matched on pledger and title, so running the file again updates instead of duplicating.
All or nothing: the first bad row stops the import, naming the row and the column, and nothing is kept.
"""

from datetime import date
from pathlib import Path

from migdev.accounts.models import User
from migdev.core.errors import DomainError, ImportFileError
from migdev.core.importers.csvfiles import read_rows
from migdev.core.progress import ProgressReporter
from migdev.partnerships.models import Commitment, Partner
from migdev.partnerships.services.checks import CommitmentInput, apply_commitment, clean_partner

COMMITMENTS_FILE = "commitments.csv"
REQUIRED = ("title", "pledger", "pledger_kind", "form")
MAX_ROWS = 20000


def _file(path: Path) -> Path:
    if path.is_dir():
        path = path / COMMITMENTS_FILE
    if not path.is_file():
        raise ImportFileError(str(path), None, None, "file not found")
    return path


def _list(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(";") if part.strip()]


def _date(where: str, row: int, column: str, raw: str) -> date | None:
    if not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise ImportFileError(where, row, column, f"{raw.strip()[:30]!r} is not a date (YYYY-MM-DD)") from None


def _numbers(where: str, row: int, column: str, raw: str) -> list[int]:
    values = _list(raw)
    for value in values:
        if not value.isdigit() or len(value) > 6:
            raise ImportFileError(where, row, column, f"{value[:20]!r} is not a GCM objective number (1 to 23)")
    return [int(v) for v in values]


def _pledger(where: str, row: int, fields: dict[str, str]) -> Partner:
    name = fields["pledger"].strip()
    found = Partner.objects.filter(name__iexact=name).first() if name else None
    if found is not None:
        return found
    try:
        name, kind, country, _web = clean_partner(
            name, fields["pledger_kind"].strip(), fields.get("pledger_country", ""), ""
        )
    except DomainError as error:
        column = {"name": "pledger", "kind": "pledger_kind", "country": "pledger_country"}.get(error.field or "")
        raise ImportFileError(where, row, column, str(error.message)) from None
    return Partner.objects.create(name=name, kind=kind, country=country)


def _partner_ids(where: str, row: int, raw: str) -> list[int]:
    ids = []
    for name in _list(raw):
        found = Partner.objects.filter(name__iexact=name).first()
        if found is None:
            raise ImportFileError(where, row, "partners", f"unknown partner {name[:100]!r} (register it first)")
        ids.append(found.pk)
    return ids


def _matches(where: str, row: int, raw: str) -> int | None:
    title = raw.strip()
    if not title:
        return None
    found = Commitment.objects.filter(title__iexact=title).order_by("pk").first()
    if found is None:
        raise ImportFileError(where, row, "matches", f"no pledge titled {title[:100]!r}")
    return found.pk


def load_commitments(
    path: Path, progress: ProgressReporter, /, *, allow_shrink: bool = False, actor: User | None = None
) -> str:
    """Load every row or none (the caller holds the transaction); returns how many were added and updated.
    `actor`: the steward who uploaded the file (recorded as who registered the commitments it adds)."""
    source = _file(path)
    where = str(source)
    added = updated = 0
    with progress.task("Commitments", total=None) as task:
        for row, fields in read_rows(source, REQUIRED):
            if row > MAX_ROWS + 1:
                raise ImportFileError(where, row, None, f"more than {MAX_ROWS} commitments in one file")
            pledger = _pledger(where, row, fields)
            data = CommitmentInput(
                title=fields["title"],
                form=fields["form"].strip(),
                summary=fields.get("summary", ""),
                type=fields.get("type", "").strip() or Commitment.Type.INDIVIDUAL,
                matches=_matches(where, row, fields.get("matches", "")),
                partners=_partner_ids(where, row, fields.get("partners", "")),
                amount=fields.get("amount", ""),
                currency=fields.get("currency", ""),
                gcm_objectives=_numbers(where, row, "gcm_objectives", fields.get("gcm_objectives", "")),
                guiding_principles=_list(fields.get("guiding_principles", "")),
                sdg_targets=_list(fields.get("sdg_targets", "")),
                countries=_list(fields.get("countries", "")),
                rcps=_list(fields.get("rcps", "")),
                start=_date(where, row, "start", fields.get("start", "")),
                deadline=_date(where, row, "deadline", fields.get("deadline", "")),
                status=fields.get("status", "").strip() or Commitment.Status.PLANNED,
            )
            existing = Commitment.objects.filter(pledger=pledger, title__iexact=data.title.strip()).first()
            try:
                apply_commitment(existing or Commitment(pledger=pledger, created_by=actor), data)
            except DomainError as error:
                raise ImportFileError(where, row, error.field, str(error.message)) from None
            added, updated = (added, updated + 1) if existing else (added + 1, updated)
            task.advance()
    if not added and not updated:
        raise ImportFileError(where, None, None, "the file holds no commitment")
    return f"{added} commitments added, {updated} updated"
