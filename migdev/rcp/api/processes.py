"""Processes API: every process, one process with its members, meetings and good practices, a country's processes,
overlaps and similar processes. Public."""

from django.http import HttpRequest
from ninja import Router

from migdev.core.input_limits import text_filter
from migdev.rcp.api.conversions import country_count_out, meeting_out, member_out, practice_out, process_out
from migdev.rcp.api.schemas import (
    CountryCountList,
    CountryProcess,
    CountryProcesses,
    OverlapOut,
    ProcessDetail,
    ProcessList,
    RcpId,
    SimilarOut,
)
from migdev.rcp.selectors import activity
from migdev.rcp.selectors import processes as selectors

router = Router()


@router.get("/processes", response=ProcessList, summary="Every consultative process (names in the request language)")
def list_processes(
    request: HttpRequest, type: str = text_filter(), theme: str = text_filter(), country: str = text_filter()
) -> ProcessList:
    items = [process_out(p) for p in selectors.processes(kind=type, theme=theme, country=country)]
    return ProcessList(count=len(items), items=items)


@router.get("/processes/{rcp_id}", response=ProcessDetail, summary="One process: facts, members, meetings, practices")
def get_process(request: HttpRequest, rcp_id: RcpId) -> ProcessDetail:
    p = selectors.process(rcp_id)
    return ProcessDetail(
        **process_out(p).dict(),
        formal_association=p.formal_association,
        secretariat=p.secretariat,
        chair_history=p.chair_history,
        objectives=p.objectives,
        thematic_focus=p.thematic_focus,
        observers_summary=p.observers_summary,
        established_note=p.established_note,
        official_site=p.official_site,
        iom_page=p.iom_page,
        uncertain_facts=[f for f in p.uncertain_fields.split(";") if f],
        members=[member_out(m) for m in p.members.all()],
        meetings=[meeting_out(m) for m in activity.meetings(process=p.rcp_id)],
        good_practices=[practice_out(g) for g in activity.practices(process=p.rcp_id)],
    )


@router.get("/processes/{rcp_id}/similar", response=list[SimilarOut], summary="Processes similar to this one")
def similar_processes(request: HttpRequest, rcp_id: RcpId) -> list[SimilarOut]:
    found = selectors.similar_to(selectors.process(rcp_id), limit=10)
    return [
        SimilarOut(
            id=s.process.rcp_id,
            name=s.process.name,
            score=round(s.similarity.score, 4),
            theme_score=round(s.similarity.theme_score, 4),
            member_score=round(s.similarity.member_score, 4),
            shared_themes=list(s.similarity.shared_themes),
            shared_members=list(s.similarity.shared_members),
        )
        for s in found
    ]


@router.get("/overlaps", response=list[OverlapOut], summary="Pairs of processes sharing members (Jaccard index)")
def list_overlaps(request: HttpRequest) -> list[OverlapOut]:
    return [
        OverlapOut(first=o.first, second=o.second, shared=list(o.shared), jaccard=round(o.jaccard, 4))
        for o in selectors.all_overlaps()
    ]


@router.get(
    "/countries",
    response=CountryCountList,
    summary="Every country with the number of processes it takes part in (as member, observer, other role)",
)
def list_countries(request: HttpRequest) -> CountryCountList:
    items = [country_count_out(c) for c in selectors.country_counts()]
    return CountryCountList(count=len(items), items=items)


@router.get("/countries/{iso3}", response=CountryProcesses, summary="The processes a country takes part in")
def country_processes(request: HttpRequest, iso3: str) -> CountryProcesses:
    country = selectors.country(iso3)
    items = [
        CountryProcess(
            process=m.process.rcp_id,
            name=m.process.name,
            type=m.process.kind,
            role=m.role,
            as_of=m.as_of,
            sources=m.sources,
        )
        for m in selectors.memberships_of(country.iso3)
    ]
    return CountryProcesses(iso3=country.iso3, name=country.name, count=len(items), items=items)
