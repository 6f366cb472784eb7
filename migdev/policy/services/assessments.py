"""SDG 10.7.2 self-assessments: record the 30 answers with evidence (a country's officials, stewards), publish."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.policy.models import SelfAssessment, SelfAssessmentAnswer
from migdev.policy.scoring import checked_score

MAX_EVIDENCE = 5000


@dataclass(frozen=True)
class Answer:
    code: float
    evidence: str = ""


def _check_year(year: int) -> None:
    if not 2015 <= year <= timezone.localdate().year + 1:
        raise DomainError(_("Give a year between 2015 and next year."), field="year")


def _save_answers(item: SelfAssessment, answers: Mapping[str, Answer]) -> None:
    checked_score({sub: a.code for sub, a in answers.items()})
    for sub_id, answer in answers.items():
        if len(answer.evidence) > MAX_EVIDENCE:
            raise DomainError(_("The evidence is longer than 5,000 characters."), field=sub_id)
    item.answers.all().delete()
    SelfAssessmentAnswer.objects.bulk_create(
        SelfAssessmentAnswer(assessment=item, sub_id=sub, code=Decimal(str(a.code)), evidence=a.evidence.strip())
        for sub, a in sorted(answers.items())
    )


@checks_permission("policy.add_selfassessment", obj="country")
def create_assessment(
    actor: User, country: Country, year: int, answers: Mapping[str, Answer], note: str = ""
) -> SelfAssessment:
    """Record a country's self-assessment for a year (private until published)."""
    _check_year(year)
    if SelfAssessment.objects.filter(country=country, year=year).exists():
        raise DomainError(
            _("%(country)s already has a self-assessment for %(year)s: edit it.")
            % {"country": country.name, "year": year},
            field="year",
        )
    item = SelfAssessment.objects.create(country=country, year=year, note=note.strip(), created_by=actor)
    _save_answers(item, answers)
    return item


@checks_permission("policy.change_selfassessment", obj="item")
def update_assessment(
    actor: User, item: SelfAssessment, answers: Mapping[str, Answer], note: str | None = None
) -> SelfAssessment:
    """Replace the answers (and note) of a self-assessment."""
    _save_answers(item, answers)
    if note is not None:
        item.note = note.strip()
    item.save()
    return item


@checks_permission("policy.change_selfassessment", obj="item")
def set_published(actor: User, item: SelfAssessment, published: bool = True) -> SelfAssessment:
    """Publish a self-assessment (anyone may then see it and compare it), or withdraw it."""
    item.is_published = published
    item.published_at = timezone.now() if published else None
    item.save(update_fields=["is_published", "published_at", "updated_at"])
    return item
