"""Model → schema conversions of the rcp API (the pages' downloads use them too)."""

from django.urls import reverse

from migdev.rcp.api.schemas import (
    CountryCount,
    DocumentOut,
    FactChangeOut,
    MeetingOut,
    MemberCount,
    MemberOut,
    PracticeOut,
    ProcessOut,
)
from migdev.rcp.models import Document, FactChange, GoodPractice, Meeting, Member, Process
from migdev.rcp.selectors import processes as selectors


def process_out(p: Process) -> ProcessOut:
    return ProcessOut(
        id=p.rcp_id,
        name=p.name,
        acronyms=p.acronyms,
        type=p.kind,
        type_as_given=p.kind_note,
        region=p.region,
        established_year=p.established_year,
        status=p.status,
        member_count=MemberCount(reported=p.member_count_reported, as_of=p.member_count_as_of, sources=p.sources),
        themes=p.themes,
        uncertain=p.uncertain,
        sources=p.sources,
    )


def member_out(m: Member) -> MemberOut:
    return MemberOut(
        name=m.entity_name, iso3=m.country_id, code=m.code, role=m.role, as_of=m.as_of, sources=m.sources, note=m.note
    )


def document_out(d: Document) -> DocumentOut:
    url = reverse("rcp:document", args=[d.pk])
    return DocumentOut(id=d.pk, title=d.title, content_type=d.content_type, size=d.size, url=url)


def meeting_out(m: Meeting) -> MeetingOut:
    return MeetingOut(
        id=m.pk,
        process=m.process.rcp_id,
        title=m.title,
        start_date=m.start_date,
        end_date=m.end_date,
        level=m.level,
        place=m.place,
        summary=m.summary,
        is_demo=m.is_demo,
        documents=[document_out(d) for d in m.documents.all()],
    )


def practice_out(g: GoodPractice) -> PracticeOut:
    return PracticeOut(
        id=g.pk,
        process=g.process.rcp_id,
        title=g.title,
        summary=g.summary,
        themes=g.theme_list,
        countries=sorted(c.iso3 for c in g.countries.all()),
        year=g.year,
        outcome=g.outcome,
        evidence_url=g.evidence_url,
        source=g.source,
        is_demo=g.is_demo,
        evidence_document=document_out(g.evidence) if g.evidence else None,
    )


def country_count_out(c: selectors.CountryCount) -> CountryCount:
    return CountryCount(
        iso3=c.country.iso3,
        name=c.country.name,
        member=c.member,
        observer=c.observer,
        other=c.other,
        processes=c.processes,
    )


def change_out(c: FactChange) -> FactChangeOut:
    return FactChangeOut(
        field=c.field,
        kind=c.kind,
        old_value=c.old_value,
        new_value=c.new_value,
        source=c.source,
        as_of=c.as_of,
        changed_by=c.changed_by.get_username() if c.changed_by else None,
        via=c.via,
        changed_at=c.changed_at,
    )
