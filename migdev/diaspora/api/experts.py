"""Expert registry API: experts (their own profile), needs, shortlists, invitations, assignments."""

import rules
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.core.input_limits import text_filter
from migdev.diaspora.adapters import RankedExpert
from migdev.diaspora.api.schemas import (
    DiasporaDone,
    ExpertAssignmentOut,
    ExpertIn,
    ExpertInvitationIn,
    ExpertInvitationOut,
    ExpertLanguageIO,
    ExpertOut,
    NeedCreate,
    NeedIn,
    NeedOut,
    NeedSkillIO,
    OutcomeIn,
    RankedExpertOut,
    RecommendedNeedOut,
    ScoreComponentOut,
)
from migdev.diaspora.models import ExpertInvitation, ExpertProfile, Need
from migdev.diaspora.selectors import experts as selectors
from migdev.diaspora.services import experts as services
from migdev.diaspora.services import personal_data

router = Router()


# --- conversions ---------------------------------------------------------------------------------------------------


def expert_input(payload: ExpertIn) -> services.ExpertInput:
    return services.ExpertInput(
        sex=payload.sex,
        origin=payload.origin,
        residence=payload.residence,
        occupation=selectors.occupation_by_label_or_uri(payload.occupation),
        skills=selectors.skills_by_label_or_uri(payload.skills),
        languages=[(lang.language, lang.level) for lang in payload.languages],
        years_experience=payload.years_experience,
        virtual=payload.virtual,
        physical=payload.physical,
        available_from=payload.available_from,
        available_until=payload.available_until,
        summary=payload.summary,
        is_available=payload.is_available,
    )


def need_input(payload: NeedIn) -> services.NeedInput:
    skills = selectors.skills_by_label_or_uri([s.skill for s in payload.skills])
    return services.NeedInput(
        title=payload.title,
        description=payload.description,
        occupation=selectors.occupation_by_label_or_uri(payload.occupation),
        mode=payload.mode,
        duration_weeks=payload.duration_weeks,
        start_date=payload.start_date,
        min_experience_years=payload.min_experience_years,
        skills=[
            (skill, s.essential)
            for skill, s in zip(skills, [s for s in payload.skills if s.skill.strip()], strict=True)
        ],
        languages=[(lang.language, lang.level) for lang in payload.languages],
    )


def _languages(owner: ExpertProfile | Need) -> list[ExpertLanguageIO]:
    if isinstance(owner, ExpertProfile):
        return [
            ExpertLanguageIO(language=lang.language_id, level=lang.get_level_display())
            for lang in owner.languages.all()
        ]
    return [
        ExpertLanguageIO(language=lang.language_id, level=lang.get_min_level_display())
        for lang in owner.languages.all()
    ]


def expert_out(expert: ExpertProfile) -> ExpertOut:
    return ExpertOut(
        pseudonym=expert.pseudonym,
        sex=expert.sex_id,
        origin=expert.origin_id,
        residence=expert.residence_id,
        occupation=expert.occupation.uri,
        occupation_label=expert.occupation.preferred_label,
        years_experience=expert.years_experience,
        skills=sorted(s.uri for s in expert.skills.all()),
        languages=_languages(expert),
        virtual=expert.virtual,
        physical=expert.physical,
        available_from=expert.available_from,
        available_until=expert.available_until,
        summary=expert.summary,
        is_available=expert.is_available,
    )


def need_out(need: Need) -> NeedOut:
    return NeedOut(
        id=need.pk,
        organisation_id=need.organisation_id,
        institution=need.organisation.name,
        country=need.country_id,
        state=need.state,
        title=need.title,
        description=need.description,
        occupation=need.occupation.uri,
        occupation_label=need.occupation.preferred_label,
        mode=need.mode,
        duration_weeks=need.duration_weeks,
        start_date=need.start_date,
        min_experience_years=need.min_experience_years,
        skills=[NeedSkillIO(skill=s.skill.uri, essential=s.essential) for s in need.skills.all()],
        languages=_languages(need),
    )


def _components(ranked: RankedExpert) -> list[ScoreComponentOut]:
    return [
        ScoreComponentOut(
            component=c.component,
            label=c.label,
            value=round(c.value, 4),
            weight=c.weight,
            contribution=round(c.contribution, 4),
        )
        for c in ranked.contributions
    ]


def invitation_out(invitation: ExpertInvitation) -> ExpertInvitationOut:
    accepted = invitation.status == ExpertInvitation.Status.ACCEPTED
    assignment = getattr(invitation, "assignment", None)
    user = invitation.expert.user
    return ExpertInvitationOut(
        id=invitation.pk,
        need_id=invitation.need_id,
        need_title=invitation.need.title,
        institution=invitation.need.organisation.name,
        expert=invitation.expert.pseudonym,
        expert_name=(user.get_full_name() or user.username)
        if accepted and invitation.expert.erased_at is None
        else None,
        message=invitation.message,
        score=invitation.score,
        status=invitation.status,
        assignment=ExpertAssignmentOut(
            id=assignment.pk,
            start_date=assignment.start_date,
            end_date=assignment.end_date,
            status=assignment.status,
            outcome=assignment.outcome,
            outcome_report=assignment.outcome_report,
            hours_contributed=assignment.hours_contributed,
        )
        if assignment
        else None,
    )


def _my_expert(request: HttpRequest) -> ExpertProfile:
    expert = selectors.expert_of(request.user)
    if expert is None:
        raise NotFound(_("You are not registered as an expert."), field="expert")
    return expert


# --- experts -------------------------------------------------------------------------------------------------------


@router.get("/experts/me", response=ExpertOut, auth=AUTH, summary="My expert profile")
def my_profile(request: HttpRequest) -> ExpertOut:
    return expert_out(_my_expert(request))


@router.post("/experts/me", response={201: ExpertOut}, auth=AUTH, summary="Register as a diaspora expert")
def register(request: HttpRequest, payload: ExpertIn) -> Status[ExpertOut]:
    expert = services.register_expert(signed_in(request), expert_input(payload))
    return Status(201, expert_out(selectors.expert_of(expert.user) or expert))


@router.put("/experts/me", response=ExpertOut, auth=AUTH, summary="Change my expert profile")
def update_me(request: HttpRequest, payload: ExpertIn) -> ExpertOut:
    expert = services.update_expert(signed_in(request), _my_expert(request), expert_input(payload))
    return expert_out(selectors.expert_of(expert.user) or expert)


@router.get("/experts/me/export", response=dict, auth=AUTH, summary="Everything the diaspora room holds about me")
def export_me(request: HttpRequest) -> dict:
    return personal_data.export_expert(signed_in(request), _my_expert(request))


@router.post("/experts/me/erase", response=DiasporaDone, auth=AUTH, summary="Erase my expert profile")
def erase_me(request: HttpRequest) -> DiasporaDone:
    personal_data.erase_expert(signed_in(request), _my_expert(request))
    return DiasporaDone(done=True)


@router.get(
    "/experts/me/recommendations", response=list[RecommendedNeedOut], auth=AUTH, summary="Open needs ranked for me"
)
def my_recommendations(request: HttpRequest) -> list[RecommendedNeedOut]:
    return [
        RecommendedNeedOut(
            need=need_out(r.need),
            score=round(r.score, 4),
            matched_essential=r.matched_essential,
            missing_essential=r.missing_essential,
            components=_components(r),
        )
        for r in selectors.recommendations(_my_expert(request))
    ]


@router.get("/experts/me/invitations", response=list[ExpertInvitationOut], auth=AUTH, summary="My invitations")
def my_invitations(request: HttpRequest) -> list[ExpertInvitationOut]:
    return [invitation_out(i) for i in selectors.invitations_of_expert(_my_expert(request))]


@router.get("/experts/{pseudonym}", response=ExpertOut, auth=AUTH, summary="An expert's full profile (once accepted)")
def expert_detail(request: HttpRequest, pseudonym: str) -> ExpertOut:
    return expert_out(selectors.expert_by_pseudonym(request.user, pseudonym))


# --- needs ---------------------------------------------------------------------------------------------------------


@router.get("/needs", response=list[NeedOut], summary="Open needs of home institutions (public)")
def list_needs(request: HttpRequest, country: str = text_filter(), q: str = text_filter()) -> list[NeedOut]:
    return [need_out(n) for n in selectors.open_needs(country, q)[:500]]


@router.get("/needs/mine", response=list[NeedOut], auth=AUTH, summary="The needs of my institutions")
def my_needs(request: HttpRequest) -> list[NeedOut]:
    return [need_out(n) for n in selectors.needs_of_user(signed_in(request))]


@router.post("/needs", response={201: NeedOut}, auth=AUTH, summary="Post a need for one of my institutions")
def create_need(request: HttpRequest, payload: NeedCreate) -> Status[NeedOut]:
    user = signed_in(request)
    if payload.organisation is None:
        mine = selectors.institutions_of(user)
        if len(mine) != 1:
            raise DomainError(_("Say which institution the need is for."), field="organisation")
        organisation = mine[0]
    else:
        organisation = selectors.organisation_by_id(payload.organisation)
    need = services.post_need(user, organisation, need_input(payload))
    return Status(201, need_out(selectors.need_by_id(need.pk)))


@router.get("/needs/{need_id}", response=NeedOut, summary="A need")
def need_detail(request: HttpRequest, need_id: int) -> NeedOut:
    return need_out(selectors.need_by_id(need_id))


@router.put("/needs/{need_id}", response=NeedOut, auth=AUTH, summary="Change an open need")
def update_need(request: HttpRequest, need_id: int, payload: NeedIn) -> NeedOut:
    need = services.update_need(signed_in(request), selectors.need_by_id(need_id), need_input(payload))
    return need_out(selectors.need_by_id(need.pk))


@router.post("/needs/{need_id}/close", response=NeedOut, auth=AUTH, summary="Close a need")
def close_need(request: HttpRequest, need_id: int) -> NeedOut:
    need = services.close_need(signed_in(request), selectors.need_by_id(need_id))
    return need_out(selectors.need_by_id(need.pk))


@router.get(
    "/needs/{need_id}/shortlist", response=list[RankedExpertOut], auth=AUTH, summary="Experts ranked for a need"
)
def need_shortlist(request: HttpRequest, need_id: int) -> list[RankedExpertOut]:
    need = selectors.need_by_id(need_id)
    invited = set(selectors.invitations_of_need(need).values_list("expert_id", flat=True))
    return [
        RankedExpertOut(
            pseudonym=r.expert.pseudonym,
            sex=r.expert.sex_id,
            origin=r.expert.origin_id,
            residence=r.expert.residence_id,
            occupation=r.expert.occupation.uri,
            occupation_label=r.expert.occupation.preferred_label,
            years_experience=r.expert.years_experience,
            languages=_languages(r.expert),
            virtual=r.expert.virtual,
            physical=r.expert.physical,
            score=round(r.score, 4),
            matched_essential=r.matched_essential,
            missing_essential=r.missing_essential,
            components=_components(r),
            invited=r.expert.pk in invited,
        )
        for r in selectors.shortlist(request.user, need)
    ]


@router.get(
    "/needs/{need_id}/invitations", response=list[ExpertInvitationOut], auth=AUTH, summary="A need's invitations"
)
def need_invitations(request: HttpRequest, need_id: int) -> list[ExpertInvitationOut]:
    need = selectors.need_by_id(need_id)
    if not rules.has_perm("diaspora.add_expertinvitation", request.user, need):
        # the need is public, so refusing says nothing new: 403, as for its shortlist
        raise PermissionDenied("Only the institution that posted the need sees its invitations.")
    return [invitation_out(i) for i in selectors.invitations_of_need(need)]


@router.post("/needs/{need_id}/invitations", response={201: ExpertInvitationOut}, auth=AUTH, summary="Invite an expert")
def invite(request: HttpRequest, need_id: int, payload: ExpertInvitationIn) -> Status[ExpertInvitationOut]:
    user = signed_in(request)
    need = selectors.need_by_id(need_id)
    ranked = {r.expert.pseudonym: r for r in selectors.shortlist(user, need, limit=500)}
    if payload.expert not in ranked:
        raise DomainError(_("Invite an expert from the need's shortlist."), field="expert")
    chosen = ranked[payload.expert]
    invitation = services.invite_expert(user, need, chosen.expert, payload.message, round(chosen.score, 4))
    return Status(201, invitation_out(selectors.invitation_by_id(user, invitation.pk)))


# --- invitations and assignments ------------------------------------------------------------------------------------


@router.post(
    "/invitations/{expert_invitation_id}/accept",
    response=ExpertInvitationOut,
    auth=AUTH,
    summary="Accept an invitation",
)
def accept(request: HttpRequest, expert_invitation_id: int) -> ExpertInvitationOut:
    user = signed_in(request)
    services.answer_invitation(user, selectors.invitation_by_id(user, expert_invitation_id), accept=True)
    return invitation_out(selectors.invitation_by_id(user, expert_invitation_id))


@router.post(
    "/invitations/{expert_invitation_id}/decline",
    response=ExpertInvitationOut,
    auth=AUTH,
    summary="Decline an invitation",
)
def decline(request: HttpRequest, expert_invitation_id: int) -> ExpertInvitationOut:
    user = signed_in(request)
    services.answer_invitation(user, selectors.invitation_by_id(user, expert_invitation_id), accept=False)
    return invitation_out(selectors.invitation_by_id(user, expert_invitation_id))


@router.post(
    "/assignments/{expert_assignment_id}/outcome", response=ExpertAssignmentOut, auth=AUTH, summary="Report an outcome"
)
def report_outcome(request: HttpRequest, expert_assignment_id: int, payload: OutcomeIn) -> ExpertAssignmentOut:
    user = signed_in(request)
    assignment = services.report_outcome(
        user,
        selectors.assignment_by_id(user, expert_assignment_id),
        payload.status,
        payload.outcome,
        payload.report,
        payload.hours_contributed,
    )
    return ExpertAssignmentOut(
        id=assignment.pk,
        start_date=assignment.start_date,
        end_date=assignment.end_date,
        status=assignment.status,
        outcome=assignment.outcome,
        outcome_report=assignment.outcome_report,
        hours_contributed=assignment.hours_contributed,
    )
