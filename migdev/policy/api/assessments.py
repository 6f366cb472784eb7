"""SDG 10.7.2 API: the stateless official scoring, the sub-categories, the crosswalk, self-assessments (private to
the country's officials until published) with their gaps, and the comparison of published ones."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from migdev.accounts.api import AUTH, OPTIONAL_AUTH_DOCS, PUBLIC_OR_AUTH
from migdev.accounts.views import signed_in
from migdev.engines import sdg_10_7_2
from migdev.policy import frameworks, scoring
from migdev.policy.api.schemas import (
    AssessmentAnswerIn,
    ComparisonOut,
    CrosswalkLinkOut,
    GapOut,
    Sdg1072ScoreIn,
    Sdg1072ScoreOut,
    Sdg1072SubcategoryOut,
    SelfAssessmentCreate,
    SelfAssessmentIn,
    SelfAssessmentOut,
)
from migdev.policy.models import SelfAssessment
from migdev.policy.selectors import assessments as selectors
from migdev.policy.selectors import coherence
from migdev.policy.services import assessments as services

router = Router()


def score_out(score: sdg_10_7_2.Score) -> Sdg1072ScoreOut:
    return Sdg1072ScoreOut(
        domains={str(d): v for d, v in score.domains.items()}, overall=score.overall, band=score.band
    )


def assessment_out(item: SelfAssessment) -> SelfAssessmentOut:
    score = selectors.score_of(item)
    return SelfAssessmentOut(
        id=item.pk,
        country=item.country_id,
        year=item.year,
        note=item.note,
        is_published=item.is_published,
        is_demo=item.is_demo,
        answers={a.sub_id: AssessmentAnswerIn(code=float(a.code), evidence=a.evidence) for a in item.answers.all()},
        score=score_out(score) if score else None,
    )


def compared_out(found: selectors.Compared) -> ComparisonOut:
    item = found.assessment
    return ComparisonOut(
        country=item.country_id, country_name=item.country.name, year=item.year, score=score_out(found.score)
    )


def _answers(payload: SelfAssessmentIn) -> dict[str, services.Answer]:
    return {sub: services.Answer(a.code, a.evidence) for sub, a in payload.answers.items()}


@router.post(
    "/sdg-10-7-2/score",
    response=Sdg1072ScoreOut,
    summary="Score SDG 10.7.2 answers by the official method (stateless, public)",
    description=(
        "Give all 30 sub-categories (1a to 6e): domain 1 coded 1, 0.5 or 0; domains 2-6 coded 1 or 0. Domain score = "
        "mean x 100; overall = mean of the 30 x 100; band requires_further_progress (< 40), partially_meets "
        "(40 to < 80), meets (80 to < 100), fully_meets (100). A missing id or a code outside the allowed ones is "
        "a 422 whose field names the sub-category."
    ),
)
def score(request: HttpRequest, payload: Sdg1072ScoreIn) -> Sdg1072ScoreOut:
    return score_out(scoring.checked_score(payload.answers))


@router.get("/sdg-10-7-2/subcategories", response=list[Sdg1072SubcategoryOut], summary="The 30 sub-categories")
def subcategories(request: HttpRequest) -> list[Sdg1072SubcategoryOut]:
    return [
        Sdg1072SubcategoryOut(
            domain=s.domain,
            domain_name=s.domain_name,
            question=s.question,
            sub_id=s.sub_id,
            text=s.text,
            codes=list(s.codes),
        )
        for s in frameworks.subcategories()
    ]


@router.get(
    "/crosswalk", response=list[CrosswalkLinkOut], summary="MiGOF ↔ MGI ↔ SDG 10.7.2 ↔ GCM (official or derived)"
)
def crosswalk(request: HttpRequest) -> list[CrosswalkLinkOut]:
    return [
        CrosswalkLinkOut(
            sdg_domain=row.domain.number,
            sdg_domain_name=row.domain.name,
            mgi_domain=row.mgi.name,
            mgi_link=row.mgi_link,
            migof_element=row.migof.key,
            migof_text=row.migof.text,
            migof_link=row.migof_link,
            verification=row.mgi.verification,
            gcm_objectives={sub: list(numbers) for sub, numbers in row.objectives.items()},
            gcm_link=frameworks.DERIVED,
        )
        for row in frameworks.crosswalk()
    ]


class AssessmentFilter(Schema):
    country: Annotated[str, Field(max_length=3)] = ""


@router.get(
    "/self-assessments",
    response=list[SelfAssessmentOut],
    auth=PUBLIC_OR_AUTH,
    openapi_extra=OPTIONAL_AUTH_DOCS,
    summary="Self-assessments: the published ones, and your own countries' drafts",
)
def list_assessments(request: HttpRequest, filters: Query[AssessmentFilter]) -> list[SelfAssessmentOut]:
    found = selectors.visible_to(request.user)
    if filters.country:
        found = found.filter(country_id=filters.country.upper())
    return [assessment_out(a) for a in found[:500]]


@router.post("/self-assessments", response={201: SelfAssessmentOut}, auth=AUTH, summary="Record a self-assessment")
def create_assessment(request: HttpRequest, payload: SelfAssessmentCreate) -> Status[SelfAssessmentOut]:
    country = coherence.country(payload.country, "country")
    item = services.create_assessment(signed_in(request), country, payload.year, _answers(payload), payload.note)
    return Status(201, assessment_out(selectors.assessment(request.user, item.pk)))


@router.get(
    "/self-assessments/compare",
    response=list[ComparisonOut],
    summary="The latest published self-assessment of each country that chose to publish",
)
def compare(request: HttpRequest, countries: Annotated[str, Field(max_length=400)] = "") -> list[ComparisonOut]:
    codes = [c.strip() for c in countries.split(",") if c.strip()][:60]
    return [compared_out(c) for c in selectors.comparison(codes)]


@router.get(
    "/self-assessments/{self_assessment_id}",
    response=SelfAssessmentOut,
    auth=PUBLIC_OR_AUTH,
    openapi_extra=OPTIONAL_AUTH_DOCS,
    summary="A self-assessment (private to the country's officials until published)",
)
def assessment_detail(request: HttpRequest, self_assessment_id: int) -> SelfAssessmentOut:
    return assessment_out(selectors.assessment(request.user, self_assessment_id))


@router.put(
    "/self-assessments/{self_assessment_id}", response=SelfAssessmentOut, auth=AUTH, summary="Replace the answers"
)
def update_assessment(request: HttpRequest, self_assessment_id: int, payload: SelfAssessmentIn) -> SelfAssessmentOut:
    item = selectors.assessment(request.user, self_assessment_id)
    services.update_assessment(signed_in(request), item, _answers(payload), payload.note)
    return assessment_out(selectors.assessment(request.user, item.pk))


class PublishIn(Schema):
    published: bool = True


@router.post(
    "/self-assessments/{self_assessment_id}/publish",
    response=SelfAssessmentOut,
    auth=AUTH,
    summary="Publish a self-assessment (or withdraw it with published=false)",
)
def publish(request: HttpRequest, self_assessment_id: int, payload: PublishIn) -> SelfAssessmentOut:
    item = selectors.assessment(request.user, self_assessment_id)
    services.set_published(signed_in(request), item, payload.published)
    return assessment_out(selectors.assessment(request.user, item.pk))


@router.get(
    "/self-assessments/{self_assessment_id}/gaps",
    response=list[GapOut],
    auth=PUBLIC_OR_AUTH,
    openapi_extra=OPTIONAL_AUTH_DOCS,
    summary="The gaps of a self-assessment with the GCM objectives and capacity-building actions that address them",
)
def gaps(request: HttpRequest, self_assessment_id: int) -> list[GapOut]:
    item = selectors.assessment(request.user, self_assessment_id)
    return [
        GapOut(
            sub_id=g.sub.sub_id,
            text=g.sub.text,
            code=g.code,
            gcm_objectives=[o.number for o in g.objectives],
            requests=[r.pk for r in g.requests],
            initiatives=[i.pk for i in g.initiatives],
        )
        for g in selectors.gaps(item)
    ]
