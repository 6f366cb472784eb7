"""Party status computed from treaty actions: `status_on(actions, date)`, with year-only and undated actions.

A participant is party on a date when its latest consent to be bound (ratification, accession, acceptance, approval,
succession, formal confirmation) is on or before that date and not denounced (ratifications/PROVENANCE.md §5).
An action dated by year only, or not dated, happened somewhere in a window of dates; on a date inside that window the
status is "uncertain" rather than guessed. An undated action is known to have happened by the date its source is
current to (`as_of`), when the source states one.
"""

import calendar
import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

CONSENT_ACTIONS = frozenset(
    {"ratification", "accession", "acceptance", "approval", "succession", "formal_confirmation"}
)
SIGNATURE = "signature"
DENUNCIATION = "denunciation"

# Participants that are not States, by the code stored in TreatyAction.participant and the names sources use.
NON_STATE_PARTICIPANTS = {"EU": (_("European Union"), ("European Union", "Union européenne", "Unión Europea"))}

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Status(StrEnum):
    PARTY = "party"
    UNCERTAIN = "uncertain"
    SIGNATORY = "signatory"
    DENOUNCED = "denounced"
    NONE = "none"


STATUS_LABELS = {
    Status.PARTY: _("Party"),
    Status.UNCERTAIN: _("Party status uncertain on this date"),
    Status.SIGNATORY: _("Signed, not party"),
    Status.DENOUNCED: _("Denounced"),
    Status.NONE: _("No action recorded"),
}


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or the year: the first and last day it may be."""

    earliest: datetime.date
    latest: datetime.date
    precision: str  # "day", "month" or "year"

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """`2017` -> 2017-01-01..2017-12-31; `2024-11` -> the month; `2007-06-05` -> that day. ValueError otherwise."""
        match = _PARTIAL_DATE.match(text.strip())
        if match is None:
            raise ValueError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            if month is None:
                return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year")
            if day is None:
                last = calendar.monthrange(year, month)[1]
                return cls(datetime.date(year, month, 1), datetime.date(year, month, last), "month")
            day_date = datetime.date(year, month, day)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a date that exists ({exc})") from exc
        return cls(day_date, day_date, "day")


@dataclass(frozen=True)
class ActionFact:
    """An action reduced to what status needs: its kind and the window of dates in which it happened."""

    action: str
    earliest: datetime.date | None  # None: no lower bound known
    latest: datetime.date | None  # None: not known to have happened by any date


def action_window(
    date: datetime.date | None, precision: str, as_of: str
) -> tuple[datetime.date | None, datetime.date | None]:
    """The first and last day an action may have happened, from its stored date, precision and source's as-of."""
    known_by = PartialDate.parse(as_of).latest if as_of else None
    if date is None:
        return None, known_by
    if precision == "year":
        end = datetime.date(date.year, 12, 31)
        return date, min(end, known_by) if known_by and known_by >= date else end
    return date, date


def _certain_by(fact: ActionFact, on: datetime.date) -> bool:
    return fact.latest is not None and fact.latest <= on


def _possible_by(fact: ActionFact, on: datetime.date) -> bool:
    return fact.earliest is None or fact.earliest <= on


def status_on(actions: Sequence[ActionFact], on: datetime.date) -> Status:
    """The status of one participant towards one instrument on a date, from all its actions on that instrument."""
    consents = [a for a in actions if a.action in CONSENT_ACTIONS]
    denunciations = [a for a in actions if a.action == DENUNCIATION]
    certain_consents = [a for a in consents if _certain_by(a, on)]

    def reconsented_after(denunciation: ActionFact) -> bool:
        assert denunciation.latest is not None
        return any(c.earliest is not None and c.earliest > denunciation.latest for c in certain_consents)

    denounced = any(_certain_by(d, on) and not reconsented_after(d) for d in denunciations)
    maybe_denounced = any(_possible_by(d, on) and not _certain_by(d, on) for d in denunciations)
    if certain_consents:
        if denounced:
            return Status.DENOUNCED
        return Status.UNCERTAIN if maybe_denounced else Status.PARTY
    if any(_possible_by(c, on) for c in consents):
        return Status.DENOUNCED if denounced else Status.UNCERTAIN
    if any(_certain_by(a, on) for a in actions if a.action == SIGNATURE):
        return Status.SIGNATORY
    return Status.NONE


def is_party_on(actions: Sequence[ActionFact], on: datetime.date) -> bool:
    """True only when the actions make the participant certainly a party on that date."""
    return status_on(actions, on) == Status.PARTY


def change_dates(facts: Iterable[ActionFact]) -> list[datetime.date]:
    """Every date on which some participant's status may change: where a count over time can step."""
    dates = {d for fact in facts for d in (fact.earliest, fact.latest) if d is not None}
    return sorted(dates)
