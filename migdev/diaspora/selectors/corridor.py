"""Reads for the corridors room (added for it): the organisations of one origin's diaspora in one country of
residence, and the origin's open needs with how many experts of that diaspora there work in the need's occupation
(counts only: experts stay anonymous)."""

from collections import Counter
from dataclasses import dataclass

from migdev.diaspora.models import DiasporaOrganisation, ExpertProfile, Need
from migdev.diaspora.selectors.experts import open_needs
from migdev.diaspora.selectors.registry import organisations


@dataclass(frozen=True)
class MatchedNeed:
    need: Need
    experts_in_occupation: int  # available experts of the origin living in the residence country, same occupation


@dataclass(frozen=True)
class CorridorDiaspora:
    organisations: list[DiasporaOrganisation]
    needs: list[MatchedNeed]
    experts: int  # available experts of the origin living in the residence country


def corridor_diaspora(origin: str, residence: str) -> CorridorDiaspora:
    found = list(organisations(origin=origin, residence=residence))
    occupations = Counter(
        ExpertProfile.objects.filter(
            origin_id=origin, residence_id=residence, is_available=True, erased_at__isnull=True
        ).values_list("occupation_id", flat=True)
    )
    needs = [MatchedNeed(need, occupations[need.occupation_id]) for need in open_needs(country=origin)]
    return CorridorDiaspora(found, needs, sum(occupations.values()))
