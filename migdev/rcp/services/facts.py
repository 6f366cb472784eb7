"""Correcting a fact of a process (stewards and the process's secretariat): the correction names its source and the
date the fact reflects, goes to the fact's history with who made it, and wins over later imports of the shipped data
(the import reports a conflict instead of overwriting it: `rcp.importers`)."""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.weblinks import clean_web_url
from migdev.rcp.models import FactChange, Process
from migdev.rcp.themes import THEMES

# The facts a correction may change, with the label the correction form shows.
CORRECTABLE: dict[str, Any] = {
    "name": gettext_lazy("Name"),
    "acronyms": gettext_lazy("Acronyms"),
    "kind": gettext_lazy("Type"),
    "region": gettext_lazy("Region"),
    "formal_association": gettext_lazy("Association with a regional body"),
    "established_year": gettext_lazy("Established (year)"),
    "established_note": gettext_lazy("Established (note)"),
    "status": gettext_lazy("Status"),
    "objectives": gettext_lazy("Objectives"),
    "thematic_focus": gettext_lazy("Thematic focus"),
    "theme_tags": gettext_lazy("Themes"),
    "chair_history": gettext_lazy("Chair history"),
    "secretariat": gettext_lazy("Secretariat"),
    "member_count_reported": gettext_lazy("Number of members"),
    "observers_summary": gettext_lazy("Observers"),
    "official_site": gettext_lazy("Official site"),
    "iom_page": gettext_lazy("IOM page"),
    "uncertain": gettext_lazy("Uncertain or disputed (note)"),
}
# Facts stored per language (the shipped data is English): a correction sets the English text and drops the French
# and Spanish ones, which would otherwise go on showing the fact as it was.
TRANSLATED = {"name", "region", "objectives", "thematic_focus", "observers_summary"}
REQUIRED = {"name", "kind"}
URLS = {"official_site", "iom_page"}
# What else a correction of a fact changes: the source's wording of the type no longer applies; a corrected count is
# as of the correction's date; the uncertain facts follow the note.
COMPANIONS = {"kind": "kind_note", "member_count_reported": "member_count_as_of", "uncertain": "uncertain_fields"}
EARLIEST_DATE = date(1900, 1, 1)


@dataclass(frozen=True)
class Correction:
    value: str
    source: str
    as_of: date


def column(field: str) -> str:
    """The model column a fact is stored in (the English one of a translated fact)."""
    return f"{field}_en" if field in TRANSLATED else field


def stored_text(process: Process, field: str) -> str:
    value = getattr(process, column(field))
    return "" if value is None else str(value)


def _parsed(field: str, raw: str) -> Any:
    """The value to store, from the text given; DomainError naming `value` for a value the fact cannot take."""
    value = raw.strip()
    if field in REQUIRED and not value:
        raise DomainError(_("This fact cannot be empty."), field="value")
    if field == "kind":
        if value not in Process.Kind.values:
            raise DomainError(_("Choose the type: rcp, irf or global."), field="value")
        return value
    if field == "established_year":
        if not value:
            return None
        if not re.fullmatch(r"\d{4}", value) or not 1900 <= int(value) <= date.today().year:
            raise DomainError(_("Give the year as four digits, not in the future."), field="value")
        return int(value)
    if field == "theme_tags":
        tags = [t.strip() for t in re.split(r"[;,]", value) if t.strip()]
        unknown = [t for t in tags if t not in THEMES]
        if unknown:
            raise DomainError(_("Unknown theme: %(theme)s") % {"theme": unknown[0][:40]}, field="value")
        return ";".join(dict.fromkeys(tags))
    if field in URLS:
        return clean_web_url(value, "value")
    limit = getattr(Process._meta.get_field(column(field)), "max_length", None)
    if limit and len(value) > limit:
        raise DomainError(_("At most %(limit)s characters.") % {"limit": limit}, field="value")
    return value


def _check(field: str, correction: Correction) -> None:
    if field not in CORRECTABLE:
        raise DomainError(_("This fact cannot be corrected here."), field="field")
    if not correction.source.strip():
        raise DomainError(_("Name the source of the correction."), field="source")
    if len(correction.source) > 500:
        raise DomainError(_("At most %(limit)s characters.") % {"limit": 500}, field="source")
    if not EARLIEST_DATE <= correction.as_of <= date.today():
        raise DomainError(_("The as-of date must be a past date."), field="as_of")


def _companion_value(field: str, value: Any, correction: Correction) -> str:
    if field == "member_count_reported":
        return correction.as_of.isoformat()
    if field == "uncertain":
        from migdev.rcp.importers import uncertain_fields

        return ";".join(uncertain_fields(str(value)))
    return ""


@checks_permission("rcp.correct_fact", "process")
def correct_fact(actor: Any, process: Process, field: str, correction: Correction) -> FactChange:
    """Set one fact to a sourced, dated value; the fact's history keeps the old value, who, when and the source."""
    _check(field, correction)
    value = _parsed(field, correction.value)
    old = stored_text(process, field)
    new = "" if value is None else str(value)
    if old == new:
        raise DomainError(_("The fact already has this value."), field="value")
    record = {"changed_by": actor, "kind": FactChange.Kind.CORRECTION, "via": "correction"}
    record |= {"source": correction.source.strip(), "as_of": correction.as_of}
    changes = [FactChange(process=process, field=field, old_value=old, new_value=new, **record)]
    setattr(process, column(field), value)
    updated = [column(field)]
    if field in TRANSLATED:
        for language in ("fr", "es"):
            setattr(process, f"{field}_{language}", None)
            updated.append(f"{field}_{language}")
    companion = COMPANIONS.get(field)
    if companion:
        before, after = getattr(process, companion) or "", _companion_value(field, value, correction)
        setattr(process, companion, after)
        updated.append(companion)
        if before != after and companion != "uncertain_fields":
            changes.append(FactChange(process=process, field=companion, old_value=before, new_value=after, **record))
    process.save(update_fields=updated)
    saved = FactChange.objects.bulk_create(changes)
    return saved[0]
