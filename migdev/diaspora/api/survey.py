"""Survey API: the instrument, an anonymous answer, aggregated results (groups of fewer than 5 withheld), CSV."""

import csv
import io
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from ninja import Router, Schema, Status
from pydantic import Field

from migdev.accounts.api import OPTIONAL_AUTH_DOCS, PUBLIC_OR_AUTH
from migdev.core.input_limits import text_filter
from migdev.diaspora import survey
from migdev.diaspora.selectors import survey as selectors
from migdev.diaspora.services import survey as services

router = Router()


class SurveyAnswerIn(Schema):
    origin: Annotated[str, Field(max_length=3)]
    residence: Annotated[str, Field(max_length=3)]
    sex: Annotated[str, Field(max_length=2)]
    attachment: Annotated[int, Field(ge=1, le=5)]
    contribute_time: Annotated[str, Field(max_length=5)]
    contribute_money: Annotated[str, Field(max_length=5)]
    channels: Annotated[list[Annotated[str, Field(max_length=20)]], Field(max_length=10)] = []
    barriers: Annotated[list[Annotated[str, Field(max_length=20)]], Field(max_length=10)] = []
    motives: Annotated[list[Annotated[str, Field(max_length=20)]], Field(max_length=10)] = []


class SurveyThanksOut(Schema):
    recorded: bool


class SurveyGroupOut(Schema):
    code: str
    name: str
    respondents: int
    mean_attachment: float
    contribute_time: dict[str, float]
    contribute_money: dict[str, float]
    channels: dict[str, float]
    barriers: dict[str, float]
    motives: dict[str, float]


class SurveyResultsOut(Schema):
    breakdown: str
    min_cell: int
    total: int
    withheld_groups: int
    withheld_respondents: int
    groups: list[SurveyGroupOut]


@router.get(
    "/survey/questions", response=list[dict[str, Any]], summary="The survey instrument (in the request language)"
)
def questions(request: HttpRequest) -> list[dict[str, Any]]:
    return survey.questions()


@router.post(
    "/survey/answers",
    response={201: SurveyThanksOut},
    auth=PUBLIC_OR_AUTH,
    openapi_extra=OPTIONAL_AUTH_DOCS,
    summary="Answer the survey (anonymous)",
)
def answer(request: HttpRequest, payload: SurveyAnswerIn) -> Status[SurveyThanksOut]:
    services.answer_survey(
        request.user,
        services.SurveyAnswer(**payload.dict(), language=(get_language() or "en").split("-")[0]),
    )
    return Status(201, SurveyThanksOut(recorded=True))


def _results(breakdown: str, origin: str, residence: str, sex: str) -> selectors.SurveyResults:
    return selectors.results(breakdown, origin, residence, sex)


@router.get("/survey/results", response=SurveyResultsOut, summary="Aggregated answers (groups under 5 withheld)")
def results(
    request: HttpRequest,
    breakdown: str = text_filter("origin"),
    origin: str = text_filter(),
    residence: str = text_filter(),
    sex: str = text_filter(),
) -> SurveyResultsOut:
    found = _results(breakdown, origin, residence, sex)
    return SurveyResultsOut(
        breakdown=found.breakdown,
        min_cell=found.min_cell,
        total=found.total,
        withheld_groups=found.withheld_groups,
        withheld_respondents=found.withheld_respondents,
        groups=[SurveyGroupOut(**g.__dict__) for g in found.groups],
    )


@router.get("/survey/results.csv", summary="Aggregated answers as CSV (aggregates only)")
def results_csv(
    request: HttpRequest,
    breakdown: str = text_filter("origin"),
    origin: str = text_filter(),
    residence: str = text_filter(),
    sex: str = text_filter(),
) -> HttpResponse:
    found = _results(breakdown, origin, residence, sex)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["breakdown", "group", "group_name", "respondents", "question", "answer", "value"])
    for g in found.groups:
        writer.writerow(
            [found.breakdown, g.code, g.name, g.respondents, "attachment", "mean_1_to_5", g.mean_attachment]
        )
        for question in ("contribute_time", "contribute_money", "channels", "barriers", "motives"):
            for key, share in getattr(g, question).items():
                writer.writerow([found.breakdown, g.code, g.name, g.respondents, question, key, share])
    writer.writerow([])
    writer.writerow([f"# Groups of fewer than {found.min_cell} respondents withheld: {found.withheld_groups}"])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="diaspora-survey-results.csv"'
    return response
