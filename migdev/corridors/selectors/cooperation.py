"""Cooperation: the consultative processes and forums both countries take part in (rcp) and the partnership
commitments naming both (partnerships), each through that room's selectors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from migdev.corridors.pairs import Pair
from migdev.corridors.selectors.blocks import Block
from migdev.partnerships.selectors import corridor as partnerships
from migdev.rcp.selectors import processes as rcp

if TYPE_CHECKING:  # the rooms' records as their selectors return them; read only through those selectors
    from migdev.partnerships.models import Commitment
    from migdev.rcp.models import Process


@dataclass(frozen=True)
class SharedProcess:
    process: Process
    origin_role: str  # the role's label (member, observer, ...)
    destination_role: str
    current: bool  # False when one side only attended the Bali Process's 2002 conference
    as_of: str


@dataclass(frozen=True)
class Cooperation(Block):
    processes: list[SharedProcess] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)


def cooperation(pair: Pair) -> Cooperation:
    origin = {m.process_id: m for m in rcp.memberships_of(pair.origin.iso3)}
    destination = {m.process_id: m for m in rcp.memberships_of(pair.destination.iso3)}
    shared = []
    for process_id in sorted(set(origin) & set(destination), key=lambda p: origin[p].process.name):
        o, d = origin[process_id], destination[process_id]
        current = o.role not in rcp.PAST_ROLES and d.role not in rcp.PAST_ROLES
        as_of = max(o.as_of, d.as_of)
        shared.append(SharedProcess(o.process, o.get_role_display(), d.get_role_display(), current, as_of))
    shared.sort(key=lambda s: (not s.current, s.process.name))
    commitments = list(partnerships.commitments_naming(pair.origin.iso3, pair.destination.iso3))
    dates = [s.as_of for s in shared if s.as_of] + [c.created_at.date().isoformat() for c in commitments]
    return Cooperation(
        source=_(
            "MigDev catalogue of regional consultative processes (IOM and the processes' own sources); "
            "MigDev partnership registry"
        ),
        as_of=max(dates) if dates else "",
        has_data=bool(shared or commitments),
        processes=shared,
        commitments=commitments,
    )
