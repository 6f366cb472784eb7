"""Writes of the advisory boards: the board's secretaries (members of its secretariat organisation) and stewards
record the recommendations it adopted and the commitments that answer them. Members and meetings: the admin."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.partnerships.models import AdvisoryBoard, Commitment, Recommendation


@dataclass(frozen=True)
class RecommendationInput:
    title: str
    text: str
    adopted: date | None = None
    commitments: list[int] = field(default_factory=list)


@checks_permission("partnerships.add_recommendation", obj="board")
def add_recommendation(actor: User, board: AdvisoryBoard, data: RecommendationInput) -> Recommendation:
    if not data.title.strip():
        raise DomainError(_("Give the recommendation a title."), "title")
    if not data.text.strip():
        raise DomainError(_("Give the text of the recommendation."), "text")
    if data.adopted is not None and not date(1990, 1, 1) <= data.adopted <= date(2100, 12, 31):
        raise DomainError(_("Give a date between 1990 and 2100."), "adopted")
    wanted = [pk for pk in dict.fromkeys(data.commitments) if 0 < pk < 2**31]
    commitments = list(Commitment.objects.filter(pk__in=wanted))
    if len(commitments) != len(set(data.commitments)):
        raise DomainError(_("Unknown commitment."), "commitments")
    recommendation = Recommendation.objects.create(
        board=board, title=data.title.strip()[:200], text=data.text.strip()[:10000], adopted=data.adopted
    )
    recommendation.commitments.set(commitments)
    return recommendation
