"""Writes of meetings, outcome documents and good practices: stewards and the process's secretariat; each in one
transaction after its permission check."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.rcp.models import Document, GoodPractice, Meeting, Process
from migdev.rcp.services.documents import Upload, checked_type, safe_filename
from migdev.rcp.themes import THEMES


@dataclass(frozen=True)
class MeetingInput:
    title: str
    start_date: date
    level: str
    end_date: date | None = None
    place: str = ""
    summary: str = ""


@dataclass(frozen=True)
class PracticeInput:
    title: str
    summary: str
    themes: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    year: int | None = None
    outcome: str = ""
    evidence_url: str = ""
    source: str = ""


def _check_meeting(data: MeetingInput) -> None:
    if not data.title.strip():
        raise DomainError(_("Give the meeting a title."), field="title")
    if data.level not in Meeting.Level.values:
        raise DomainError(_("Choose the level: expert, senior officials or ministerial."), field="level")
    if not date(1980, 1, 1) <= data.start_date <= date(2100, 12, 31):
        raise DomainError(_("The date is out of range."), field="start_date")
    if data.end_date and data.end_date < data.start_date:
        raise DomainError(_("The meeting cannot end before it starts."), field="end_date")


def _meeting_values(data: MeetingInput) -> dict[str, Any]:
    return {
        "title_en": data.title.strip(),
        "start_date": data.start_date,
        "end_date": data.end_date,
        "level": data.level,
        "place": data.place.strip(),
        "summary_en": data.summary.strip(),
    }


@checks_permission("rcp.add_meeting", "process")
def create_meeting(actor: Any, process: Process, data: MeetingInput) -> Meeting:
    _check_meeting(data)
    return Meeting.objects.create(process=process, created_by=actor, **_meeting_values(data))


@checks_permission("rcp.change_meeting", "meeting")
def update_meeting(actor: Any, meeting: Meeting, data: MeetingInput) -> Meeting:
    _check_meeting(data)
    for name, value in _meeting_values(data).items():
        setattr(meeting, name, value)
    meeting.save()
    return meeting


@checks_permission("rcp.delete_meeting", "meeting")
def delete_meeting(actor: Any, meeting: Meeting) -> None:
    meeting.delete()


def _document(actor: Any, title: str, upload: Upload, meeting: Meeting | None, field_name: str) -> Document:
    if len(title) > 300:
        raise DomainError(_("At most %(limit)s characters.") % {"limit": 300}, field="title")
    content_type = checked_type(upload, field_name)
    filename = safe_filename(upload.filename)
    return Document.objects.create(
        meeting=meeting,
        title=(title.strip() or filename)[:300],
        filename=filename,
        content_type=content_type,
        size=len(upload.content),
        content=upload.content,
        uploaded_by=actor,
    )


@checks_permission("rcp.add_document", "meeting")
def add_document(actor: Any, meeting: Meeting, title: str, upload: Upload) -> Document:
    return _document(actor, title, upload, meeting, "file")


def _check_practice(data: PracticeInput) -> list[Country]:
    if not data.title.strip():
        raise DomainError(_("Give the practice a title."), field="title")
    if not data.summary.strip():
        raise DomainError(_("Summarise the practice."), field="summary")
    unknown = [t for t in data.themes if t not in THEMES]
    if unknown:
        raise DomainError(_("Unknown theme: %(theme)s") % {"theme": unknown[0][:40]}, field="themes")
    if data.year is not None and not 1980 <= data.year <= date.today().year:
        raise DomainError(_("The year is out of range."), field="year")
    if data.evidence_url and not data.evidence_url.startswith(("https://", "http://")):
        raise DomainError(_("The evidence address must start with https:// or http://."), field="evidence_url")
    codes = {c.upper()[:3] for c in data.countries}
    countries = list(Country.objects.filter(pk__in=codes))
    if len(countries) != len(codes):
        missing = sorted(codes - {c.pk for c in countries})
        raise DomainError(_("Unknown country code: %(code)s") % {"code": missing[0]}, field="countries")
    return countries


def _practice_values(data: PracticeInput) -> dict[str, Any]:
    return {
        "title_en": data.title.strip(),
        "summary_en": data.summary.strip(),
        "outcome_en": data.outcome.strip(),
        "themes": ";".join(dict.fromkeys(data.themes)),
        "year": data.year,
        "evidence_url": data.evidence_url.strip(),
        "source": data.source.strip(),
    }


@checks_permission("rcp.add_goodpractice", "process")
def create_practice(actor: Any, process: Process, data: PracticeInput, evidence: Upload | None = None) -> GoodPractice:
    countries = _check_practice(data)
    practice = GoodPractice.objects.create(process=process, created_by=actor, **_practice_values(data))
    practice.countries.set(countries)
    if evidence is not None:
        practice.evidence = _document(actor, data.title, evidence, None, "evidence")
        practice.save(update_fields=["evidence"])
    return practice


@checks_permission("rcp.change_goodpractice", "practice")
def update_practice(
    actor: Any, practice: GoodPractice, data: PracticeInput, evidence: Upload | None = None
) -> GoodPractice:
    countries = _check_practice(data)
    for name, value in _practice_values(data).items():
        setattr(practice, name, value)
    if evidence is not None:
        practice.evidence = _document(actor, data.title, evidence, None, "evidence")
    practice.save()
    practice.countries.set(countries)
    return practice


@checks_permission("rcp.change_goodpractice", "practice")
def attach_evidence(actor: Any, practice: GoodPractice, upload: Upload) -> Document:
    """Attach (or replace) the evidence document of a good practice."""
    practice.evidence = _document(actor, practice.title, upload, None, "file")
    practice.save(update_fields=["evidence", "updated_at"])
    return practice.evidence
