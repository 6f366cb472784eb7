"""Rights: the migration instruments both countries are party to, those only one is party to (with the date of
its consent and its reservations), and what that means for a migrant worker on the corridor (law, through
`law.selectors.corridor`)."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from migdev.corridors.pairs import Pair
from migdev.corridors.selectors.blocks import Block
from migdev.law.selectors import corridor as law

PARTY = "party"


@dataclass(frozen=True)
class Side:
    status: str  # law.status.Status value
    status_label: str
    consent_date: datetime.date | None
    reservations: str


@dataclass(frozen=True)
class InstrumentRow:
    instrument_id: str
    short_title: str
    title: str
    as_of: datetime.date
    origin: Side
    destination: Side
    terms: list[law.DefinedTerm] = field(default_factory=list)
    has_text: bool = False

    @property
    def both(self) -> bool:
        return self.origin.status == PARTY and self.destination.status == PARTY

    @property
    def one(self) -> str:
        """ "origin" or "destination" when only that side is party, else ""."""
        if self.origin.status == PARTY and self.destination.status != PARTY:
            return "origin"
        if self.destination.status == PARTY and self.origin.status != PARTY:
            return "destination"
        return ""


@dataclass(frozen=True)
class Rights(Block):
    in_common: list[InstrumentRow] = field(default_factory=list)
    only_origin: list[InstrumentRow] = field(default_factory=list)
    only_destination: list[InstrumentRow] = field(default_factory=list)
    instruments: int = 0  # binding instruments in the catalogue


def _side(status: law.profiles.InstrumentStatus) -> Side:
    consent = status.row.consent
    return Side(
        status=str(status.row.status),
        status_label=status.label,
        consent_date=consent.date if consent else None,
        reservations=(consent.reservations if consent else "") or "",
    )


def rights(pair: Pair) -> Rights:
    origin, destination = law.pair_profiles(pair.origin.iso3, pair.destination.iso3)
    rows = []
    for o, d in zip(origin.statuses, destination.statuses, strict=True):
        item = o.instrument
        rows.append(
            InstrumentRow(
                item.id, item.short_title, item.title, o.on, _side(o), _side(d), has_text=bool(item.text_slug)
            )
        )
    wanted = [r for r in rows if r.both or r.one]
    terms = law.terms_defined_in([r.instrument_id for r in wanted])
    wanted = [
        InstrumentRow(
            r.instrument_id,
            r.short_title,
            r.title,
            r.as_of,
            r.origin,
            r.destination,
            terms.get(r.instrument_id, []),
            r.has_text,
        )
        for r in wanted
    ]
    dates = [r.as_of for r in wanted]
    return Rights(
        source=_("Treaty actions recorded by MigDev from the UN Treaty Collection and ILO NORMLEX"),
        as_of=max(dates).isoformat() if dates else "",
        has_data=bool(wanted),
        in_common=[r for r in wanted if r.both],
        only_origin=[r for r in wanted if r.one == "origin"],
        only_destination=[r for r in wanted if r.one == "destination"],
        instruments=len(rows),
    )
