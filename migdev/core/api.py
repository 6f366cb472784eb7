"""Reference data API: countries, regions, ISCO-08, ESCO occupations and skills, in the request's language.

The language comes from ?lang= (en, fr, es) or else the Accept-Language header; names fall back to English.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from migdev.core import selectors
from migdev.core.input_limits import BoundedPageNumberPagination, text_filter
from migdev.core.models import Country, EscoOccupation, EscoOccupationSkill, Region

router = Router(tags=["reference data"])


def request_language(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve the whole response (serialisation included) in the ?lang= language when one is given."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = request.GET.get("lang", "")[:2].lower()
        if language not in dict(settings.LANGUAGES):
            return view(request, *args, **kwargs)
        with translation.override(language):
            response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = language
        return response

    return wrapped


router.add_decorator(request_language, mode="view")


class RegionRef(Schema):
    m49: int
    name: str


class CountryOut(Schema):
    iso3: str
    iso2: str
    m49: int
    name: str
    intermediate_region: str | None
    intermediate_region_m49: int | None
    subregion: str | None
    subregion_m49: int | None
    region: str | None
    region_m49: int | None


class RegionOut(Schema):
    m49: int
    name: str
    kind: str
    parent: RegionRef | None
    country_count: int


class IscoGroupOut(Schema):
    code: str
    level: int
    parent: str | None = Field(None, alias="parent_id")
    title: str
    description: str


class OccupationOut(Schema):
    id: int
    uri: str
    code: str
    isco_group: str = Field(..., alias="isco_group_id")
    preferred_label: str


class SkillOut(Schema):
    id: int
    uri: str
    skill_type: str
    reuse_level: str
    preferred_label: str


class SkillDetailOut(SkillOut):
    description: str


class OccupationDetailOut(OccupationOut):
    isco_title: str
    alt_labels: list[str]
    description: str
    essential_skills: list[SkillOut]
    optional_skills: list[SkillOut]


def _country_out(country: Country) -> CountryOut:
    intermediate: Region | None = country.intermediate_region
    subregion: Region | None = country.subregion
    region = subregion.parent if subregion else None
    return CountryOut(
        iso3=country.iso3,
        iso2=country.iso2,
        m49=country.m49,
        name=country.name,
        intermediate_region=intermediate.name if intermediate else None,
        intermediate_region_m49=intermediate.m49 if intermediate else None,
        subregion=subregion.name if subregion else None,
        subregion_m49=subregion.m49 if subregion else None,
        region=region.name if region else None,
        region_m49=region.m49 if region else None,
    )


@router.get("/countries", response=list[CountryOut], summary="Countries and territories (ISO 3166-1, M49)")
@paginate(BoundedPageNumberPagination, page_size=50)
def list_countries(request: HttpRequest) -> list[CountryOut]:
    return [_country_out(c) for c in selectors.countries()]


@router.get("/regions", response=list[RegionOut], summary="UN M49 regions, sub-regions and intermediate regions")
@paginate(BoundedPageNumberPagination, page_size=50)
def list_regions(request: HttpRequest, kind: Region.Kind | None = None) -> Any:
    return selectors.regions(kind)


@router.get("/isco08", response=list[IscoGroupOut], summary="ISCO-08 groups (filter by level and parent)")
@paginate(BoundedPageNumberPagination, page_size=50)
def list_isco_groups(request: HttpRequest, level: int | None = None, parent: str | None = text_filter(None)) -> Any:
    return selectors.isco_groups(level=level, parent=parent)


@router.get("/esco/occupations", response=list[OccupationOut], summary="Search ESCO occupations")
@paginate(BoundedPageNumberPagination, page_size=50)
def search_occupations(
    request: HttpRequest, q: str | None = text_filter(None), isco: str | None = text_filter(None)
) -> Any:
    """`q` matches labels and alternative labels in the request's language; `isco` an ISCO-08 code or its prefix."""
    return selectors.search_occupations(q=q, isco=isco)


@router.get("/esco/occupations/{occupation_id}", response=OccupationDetailOut, summary="An ESCO occupation, its skills")
def get_occupation(request: HttpRequest, occupation_id: int) -> OccupationDetailOut:
    found: EscoOccupation = selectors.occupation(occupation_id)
    relations = sorted(found.skill_relations.all(), key=lambda r: r.skill.preferred_label)
    by_kind = {
        kind: [SkillOut.from_orm(r.skill) for r in relations if r.relation == kind]
        for kind in EscoOccupationSkill.Relation.values
    }
    return OccupationDetailOut(
        id=found.pk,
        uri=found.uri,
        code=found.code,
        isco_group_id=found.isco_group_id,
        preferred_label=found.preferred_label,
        isco_title=found.isco_group.title,
        alt_labels=[label for label in found.alt_labels.splitlines() if label.strip()],
        description=found.description,
        essential_skills=by_kind["essential"],
        optional_skills=by_kind["optional"],
    )


@router.get("/esco/skills", response=list[SkillOut], summary="Search ESCO skills (English labels)")
@paginate(BoundedPageNumberPagination, page_size=50)
def search_skills(
    request: HttpRequest, q: str | None = text_filter(None), skill_type: str | None = text_filter(None)
) -> Any:
    return selectors.search_skills(q=q, skill_type=skill_type)


@router.get("/esco/skills/{skill_id}", response=SkillDetailOut, summary="An ESCO skill")
def get_skill(request: HttpRequest, skill_id: int) -> Any:
    return selectors.skill(skill_id)
