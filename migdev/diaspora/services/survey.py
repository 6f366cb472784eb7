"""Recording an answer to the engagement survey: anonymous, every code checked."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.models import Sex
from migdev.diaspora import survey
from migdev.diaspora.codes import country_by_code
from migdev.diaspora.models import SurveyResponse


@dataclass(frozen=True)
class SurveyAnswer:
    origin: str
    residence: str
    sex: str
    attachment: int
    contribute_time: str
    contribute_money: str
    channels: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    motives: list[str] = field(default_factory=list)
    language: str = "en"


@checks_permission("diaspora.add_surveyresponse")
def answer_survey(actor: Any, answer: SurveyAnswer) -> SurveyResponse:
    """Store one anonymous answer (no account is linked to it, signed in or not)."""
    sex = Sex.objects.filter(pk=answer.sex, pk__in=["F", "M"]).first()
    if sex is None:
        raise DomainError(_("Unknown sex code %(code)s (F or M).") % {"code": answer.sex[:10]}, "sex")
    if answer.attachment not in survey.ATTACHMENT:
        raise DomainError(_("Attachment is answered from 1 to 5."), "attachment")
    for name in ("contribute_time", "contribute_money"):
        if getattr(answer, name) not in survey.WILLINGNESS:
            raise DomainError(_("Answer yes, maybe or no."), name)
    chosen: dict[str, list[str]] = {}
    for name, choices in survey.MULTIPLE.items():
        values = list(dict.fromkeys(getattr(answer, name)))
        unknown = [v for v in values if v not in choices]
        if unknown:
            raise DomainError(_("Unknown answer %(answer)s.") % {"answer": str(unknown[0])[:30]}, name)
        chosen[name] = values
    return SurveyResponse.objects.create(
        origin=country_by_code(answer.origin, "origin"),
        residence=country_by_code(answer.residence, "residence"),
        sex=sex,
        language=answer.language if answer.language in ("en", "fr", "es") else "en",
        attachment=answer.attachment,
        contribute_time=answer.contribute_time,
        contribute_money=answer.contribute_money,
        **chosen,
    )
