"""Country rights profiles: which instruments a country is party to, only signed, or has not joined; side by side.

Reads only (the selectors of profiles). Each instrument's status is taken on that instrument's own data date unless a
date is asked, and carries the instrument's completeness statement: "no action recorded" in partial data is not
"not joined".
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from migdev.core.errors import DomainError, NotFound
from migdev.core.models import Country
from migdev.law import selectors
from migdev.law.models import Completeness, Implementation, Instrument, NationalLaw
from migdev.law.selectors import PartyRow, Statement
from migdev.law.selectors import national as national_selectors
from migdev.law.status import NON_STATE_PARTICIPANTS, STATUS_LABELS, Status

MAX_COMPARED = 6


@dataclass(frozen=True)
class Participant:
    code: str  # ISO3, or a key of NON_STATE_PARTICIPANTS
    name: str
    country: Country | None


@dataclass(frozen=True)
class InstrumentStatus:
    instrument: Instrument
    on: datetime.date
    row: PartyRow
    statement: Statement

    @property
    def known_absent(self) -> bool:
        """No action recorded, and the data is complete to the date asked: the participant has not joined."""
        complete = self.statement.state in (Completeness.State.COMPLETE_CURRENT, Completeness.State.COMPLETE_AS_OF)
        return self.row.status in (Status.NONE, Status.DENOUNCED) and complete and not self.statement.warning

    @property
    def label(self) -> str:
        if self.row.status == Status.NONE and not self.known_absent:
            return _("No action recorded (incomplete data)")
        return str(STATUS_LABELS[self.row.status])


@dataclass(frozen=True)
class LawLink:
    """An instrument a national law of the participant implements, with the participant's status towards it."""

    law: NationalLaw
    implementation: Implementation
    status: InstrumentStatus | None


@dataclass(frozen=True)
class RightsProfile:
    participant: Participant
    statuses: list[InstrumentStatus]
    national_laws: tuple[NationalLaw, ...] = ()

    @property
    def law_links(self) -> list[LawLink]:
        by_instrument = {s.instrument.id: s for s in self.statuses}
        return [
            LawLink(law, link, by_instrument.get(link.instrument_id))
            for law in self.national_laws
            for link in law.implementations.all()
        ]

    def _with(self, *statuses: Status) -> list[InstrumentStatus]:
        return [s for s in self.statuses if s.row.status in statuses]

    @property
    def party(self) -> list[InstrumentStatus]:
        return self._with(Status.PARTY)

    @property
    def uncertain(self) -> list[InstrumentStatus]:
        return self._with(Status.UNCERTAIN)

    @property
    def signed_only(self) -> list[InstrumentStatus]:
        return self._with(Status.SIGNATORY)

    @property
    def not_joined(self) -> list[InstrumentStatus]:
        return [s for s in self._with(Status.NONE, Status.DENOUNCED) if s.known_absent]

    @property
    def unknown(self) -> list[InstrumentStatus]:
        """Instruments whose data is too incomplete to say the participant has not joined."""
        return [s for s in self._with(Status.NONE) if not s.known_absent]


def participant(code: str) -> Participant:
    """A State by ISO3 code, or a non-State participant such as the EU."""
    upper = code.strip().upper()
    if upper in NON_STATE_PARTICIPANTS:
        return Participant(upper, str(NON_STATE_PARTICIPANTS[upper][0]), None)
    country = Country.objects.filter(iso3=upper).first()
    if country is None:
        raise NotFound(_("No country with the ISO3 code %(code)s.") % {"code": code}, "code")
    return Participant(country.iso3, country.name, country)


def _empty_row(who: Participant) -> PartyRow:
    return PartyRow(
        participant=who.code,
        name=who.name,
        iso3=who.country.iso3 if who.country else "",
        m49=who.country.m49 if who.country else None,
        status=Status.NONE,
        consent=None,
        signature=None,
        actions=(),
    )


def profiles(codes: list[str], on: datetime.date | None = None) -> list[RightsProfile]:
    """The rights profiles of several participants, reading every instrument's actions once."""
    who = [participant(code) for code in codes]
    wanted = {w.code for w in who}
    statuses: dict[str, list[InstrumentStatus]] = {w.code: [] for w in who}
    default_days = selectors.default_as_of_by_instrument() if on is None else {}
    for item in selectors.instruments_with_prefetched_actions(sorted(wanted)):
        day = on or default_days[item.id]
        statement = selectors.statement(selectors.completeness_of(item), on)
        grouped: dict[str, list] = {code: [] for code in wanted}
        for action in item.actions.all():
            if action.participant in wanted:
                grouped[action.participant].append(action)
        for w in who:
            # Undated actions first, as selectors.actions orders them.
            group = sorted(grouped[w.code], key=lambda a: (a.date or datetime.date.min, a.action))
            row = selectors.party_row(w.code, group, day) if group else _empty_row(w)
            statuses[w.code].append(InstrumentStatus(item, day, row, statement))
    laws = national_selectors.laws_by_country([w.code for w in who if w.country is not None])
    return [RightsProfile(w, statuses[w.code], tuple(laws.get(w.code, ()))) for w in who]


def profile(code: str, on: datetime.date | None = None) -> RightsProfile:
    return profiles([code], on)[0]


def compared(codes_text: str, on: datetime.date | None = None) -> list[RightsProfile]:
    """Profiles of 2 to MAX_COMPARED participants given as 'FRA,ESP,MAR' (the parameter `countries`)."""
    codes = list(dict.fromkeys(c.strip().upper() for c in codes_text.split(",") if c.strip()))
    if not 2 <= len(codes) <= MAX_COMPARED:
        raise DomainError(
            _("Give between 2 and %(max)d country codes separated by commas, e.g. FRA,ESP.") % {"max": MAX_COMPARED},
            "countries",
        )
    return profiles(codes, on)
