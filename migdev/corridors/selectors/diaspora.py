"""Diaspora: organisations and initiatives of the origin's diaspora in the destination, and the origin's open needs
with the number of experts of that diaspora there in the need's occupation (diaspora, through its selectors)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.corridors.pairs import Pair
from migdev.corridors.selectors.blocks import Block
from migdev.diaspora.selectors import corridor as registry

if TYPE_CHECKING:  # the rooms' records as their selectors return them; read only through those selectors
    from migdev.diaspora.models import DiasporaOrganisation


@dataclass(frozen=True)
class Diaspora(Block):
    organisations: list[DiasporaOrganisation] = field(default_factory=list)
    needs: list[registry.MatchedNeed] = field(default_factory=list)
    experts: int = 0

    @property
    def initiatives(self) -> int:
        return sum(len(o.initiatives.all()) for o in self.organisations)


def diaspora(pair: Pair) -> Diaspora:
    found = registry.corridor_diaspora(pair.origin.iso3, pair.destination.iso3)
    return Diaspora(
        source=_("MigDev diaspora registry (organisations, experts and needs registered on this site)"),
        as_of=timezone.localdate().isoformat(),
        has_data=bool(found.organisations or found.experts),
        organisations=found.organisations,
        needs=found.needs,
        experts=found.experts,
    )
