"""Country policy profile API: policies and laws in force (linked to the law room), the lead agency, and the
inter-ministerial working groups with members, meetings and decisions."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Status

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.policy.api.assessments import compared_out
from migdev.policy.api.schemas import (
    CountryPolicyOut,
    GroupDecisionOut,
    GroupMeetingIn,
    GroupMeetingOut,
    GroupMemberIn,
    LawLinkOut,
    PolicyInstrumentIn,
    PolicyInstrumentOut,
    ProfileIn,
    WorkingGroupIn,
    WorkingGroupOut,
)
from migdev.policy.models import PolicyInstrument, WorkingGroup
from migdev.policy.selectors import assessments, coherence
from migdev.policy.services import coherence as services

router = Router()


def law_url(work_id: int | None) -> str:
    return reverse("law:document", kwargs={"work_id": work_id}) if work_id else ""


def instrument_out(item: PolicyInstrument) -> PolicyInstrumentOut:
    return PolicyInstrumentOut(
        id=item.pk,
        title=item.title,
        kind=item.kind,
        adopted=item.adopted,
        in_force=item.in_force,
        law_work_id=item.law_work_id,
        url=item.url,
        source=item.source,
        law_url=law_url(item.law_work_id),
        is_demo=item.is_demo,
    )


def group_out(group: WorkingGroup) -> WorkingGroupOut:
    return WorkingGroupOut(
        id=group.pk,
        country=group.country_id,
        name=group.name,
        mandate=group.mandate,
        legal_basis=group.legal_basis,
        established=group.established,
        members=[GroupMemberIn(ministry=m.ministry, role=m.role) for m in group.members.all()],
        meetings=[
            GroupMeetingOut(
                id=m.pk,
                date=m.date,
                summary=m.summary,
                decisions=[GroupDecisionOut(text=d.text, status=d.status) for d in m.decisions.all()],
            )
            for m in group.meetings.all()
        ],
        is_demo=group.is_demo,
    )


@router.get("/countries/{code}", response=CountryPolicyOut, summary="A country's migration policy profile")
def country_profile(request: HttpRequest, code: str) -> CountryPolicyOut:
    found = coherence.country_policy(code)
    profile = found.profile
    return CountryPolicyOut(
        country=found.country.pk,
        name=found.country.name,
        profile=ProfileIn(
            lead_agency=profile.lead_agency, summary=profile.summary, source=profile.source, as_of=profile.as_of
        )
        if profile
        else None,
        instruments=[instrument_out(i) for i in found.instruments],
        national_laws=[
            LawLinkOut(work_id=w.work_id, title=w.title, url=law_url(w.work_id)) for w in found.national_laws
        ],
        working_groups=[group_out(g) for g in found.groups],
        published_assessments=[compared_out(c) for c in assessments.comparison([found.country.pk])],
    )


@router.put("/countries/{code}/profile", response=ProfileIn, auth=AUTH, summary="Set the lead agency and summary")
def save_profile(request: HttpRequest, code: str, payload: ProfileIn) -> ProfileIn:
    country = coherence.country(code)
    profile = services.save_profile(signed_in(request), country, services.ProfileInput(**payload.dict()))
    return ProfileIn(
        lead_agency=profile.lead_agency, summary=profile.summary, source=profile.source, as_of=profile.as_of
    )


@router.post(
    "/countries/{code}/instruments", response={201: PolicyInstrumentOut}, auth=AUTH, summary="Record a policy or law"
)
def add_instrument(request: HttpRequest, code: str, payload: PolicyInstrumentIn) -> Status[PolicyInstrumentOut]:
    country = coherence.country(code)
    item = services.add_instrument(signed_in(request), country, services.InstrumentInput(**payload.dict()))
    return Status(201, instrument_out(item))


@router.post(
    "/countries/{code}/working-groups",
    response={201: WorkingGroupOut},
    auth=AUTH,
    summary="Record the inter-ministerial working group",
)
def create_group(request: HttpRequest, code: str, payload: WorkingGroupIn) -> Status[WorkingGroupOut]:
    country = coherence.country(code)
    group = services.create_group(signed_in(request), country, services.GroupInput(**payload.dict()))
    return Status(201, group_out(coherence.working_group(group.pk)))


@router.get("/working-groups/{working_group_id}", response=WorkingGroupOut, summary="A working group")
def working_group(request: HttpRequest, working_group_id: int) -> WorkingGroupOut:
    return group_out(coherence.working_group(working_group_id))


@router.post(
    "/working-groups/{working_group_id}/members", response={201: WorkingGroupOut}, auth=AUTH, summary="Add a ministry"
)
def add_member(request: HttpRequest, working_group_id: int, payload: GroupMemberIn) -> Status[WorkingGroupOut]:
    group = coherence.working_group(working_group_id)
    services.add_member(signed_in(request), group, payload.ministry, payload.role)
    return Status(201, group_out(coherence.working_group(group.pk)))


@router.post(
    "/working-groups/{working_group_id}/meetings",
    response={201: WorkingGroupOut},
    auth=AUTH,
    summary="Record a meeting and its decisions",
)
def record_meeting(request: HttpRequest, working_group_id: int, payload: GroupMeetingIn) -> Status[WorkingGroupOut]:
    group = coherence.working_group(working_group_id)
    services.record_meeting(signed_in(request), group, payload.date, payload.summary, list(payload.decisions))
    return Status(201, group_out(coherence.working_group(group.pk)))
