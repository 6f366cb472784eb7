"""Labour registry API: vacancies, their compliance and candidates, invitations."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from migdev.accounts.api import AUTH, OPTIONAL_AUTH_DOCS, PUBLIC_OR_AUTH
from migdev.accounts.views import signed_in
from migdev.core.errors import DomainError, NotFound
from migdev.core.input_limits import text_filter
from migdev.labour import compliance
from migdev.labour.api.registry.conversions import (
    invitation_out,
    vacancy_input,
    vacancy_out,
)
from migdev.labour.api.registry_schemas import (
    CandidateOut,
    ComplianceOut,
    Done,
    FailureOut,
    InvitationIn,
    InvitationOut,
    LanguageLevelIO,
    PseudonymousOut,
    VacancyIn,
    VacancyOut,
    WorkerOccupationOut,
)
from migdev.labour.selectors import registry as selectors
from migdev.labour.services import registry as services

router = Router()


# --- vacancies -----------------------------------------------------------------------------------------------------


@router.get("/vacancies", response=list[VacancyOut], summary="Published vacancies (public)")
def list_vacancies(
    request: HttpRequest,
    destination: str = "",
    isco: str = text_filter(),
    scheme: str = "",
    q: str = text_filter(),
) -> list[VacancyOut]:
    found = selectors.published_vacancies(destination=destination, isco=isco, scheme=scheme, query=q)
    return [vacancy_out(v) for v in found[:500]]


@router.get("/vacancies/mine", response=list[VacancyOut], auth=AUTH, summary="The vacancies of my employers")
def my_employer_vacancies(request: HttpRequest) -> list[VacancyOut]:
    return [vacancy_out(v) for v in selectors.vacancies_of_user(signed_in(request))]


@router.post("/vacancies", response={201: VacancyOut}, auth=AUTH, summary="Draft a vacancy for one of my employers")
def create_vacancy(request: HttpRequest, payload: VacancyIn) -> Status[VacancyOut]:
    user = signed_in(request)
    if payload.employer is None:
        employers = list(selectors.employer_organisations(user)[:2])
        if len(employers) != 1:
            raise DomainError(_("Say which employer the vacancy is for."), field="employer")
        employer = employers[0]
    else:
        employer = selectors.organisation_by_id(payload.employer, field="employer")
    vacancy = services.create_vacancy(user, employer, vacancy_input(payload))
    return Status(201, vacancy_out(selectors.vacancy_by_id(user, vacancy.pk)))


@router.get(
    "/vacancies/{vacancy_id}",
    response=VacancyOut,
    auth=PUBLIC_OR_AUTH,
    openapi_extra=OPTIONAL_AUTH_DOCS,
    summary="A vacancy",
)
def vacancy_detail(request: HttpRequest, vacancy_id: int) -> VacancyOut:
    return vacancy_out(selectors.vacancy_by_id(request.user, vacancy_id))


@router.put("/vacancies/{vacancy_id}", response=VacancyOut, auth=AUTH, summary="Change a draft or submitted vacancy")
def update_vacancy(request: HttpRequest, vacancy_id: int, payload: VacancyIn) -> VacancyOut:
    user = signed_in(request)
    vacancy = services.update_vacancy(user, selectors.vacancy_by_id(user, vacancy_id), vacancy_input(payload))
    return vacancy_out(selectors.vacancy_by_id(user, vacancy.pk))


@router.delete("/vacancies/{vacancy_id}", response=Done, auth=AUTH, summary="Delete a draft vacancy")
def delete_vacancy(request: HttpRequest, vacancy_id: int) -> Done:
    user = signed_in(request)
    services.delete_vacancy(user, selectors.vacancy_by_id(user, vacancy_id))
    return Done(done=True)


def _transition(request: HttpRequest, vacancy_id: int, action: str) -> VacancyOut:
    user = signed_in(request)
    vacancy = selectors.vacancy_by_id(user, vacancy_id)
    if action == "submit":
        services.submit_vacancy(user, vacancy)
    elif action == "publish":
        services.publish_vacancy(user, vacancy)
    else:
        services.close_vacancy(user, vacancy, filled=action == "fill")
    return vacancy_out(selectors.vacancy_by_id(user, vacancy_id))


@router.post("/vacancies/{vacancy_id}/submit", response=VacancyOut, auth=AUTH, summary="Submit a compliant draft")
def submit_vacancy(request: HttpRequest, vacancy_id: int) -> VacancyOut:
    return _transition(request, vacancy_id, "submit")


@router.post(
    "/vacancies/{vacancy_id}/publish", response=VacancyOut, auth=AUTH, summary="Publish (destination officials)"
)
def publish_vacancy(request: HttpRequest, vacancy_id: int) -> VacancyOut:
    return _transition(request, vacancy_id, "publish")


@router.post("/vacancies/{vacancy_id}/close", response=VacancyOut, auth=AUTH, summary="Close a vacancy")
def close_vacancy(request: HttpRequest, vacancy_id: int) -> VacancyOut:
    return _transition(request, vacancy_id, "close")


@router.post("/vacancies/{vacancy_id}/fill", response=VacancyOut, auth=AUTH, summary="Mark a vacancy filled")
def fill_vacancy(request: HttpRequest, vacancy_id: int) -> VacancyOut:
    return _transition(request, vacancy_id, "fill")


@router.get(
    "/vacancies/{vacancy_id}/compliance",
    response=ComplianceOut,
    auth=PUBLIC_OR_AUTH,
    openapi_extra=OPTIONAL_AUTH_DOCS,
    summary="The minimum standards the vacancy fails, each naming its field",
)
def vacancy_compliance(request: HttpRequest, vacancy_id: int) -> ComplianceOut:
    failures = compliance.check_vacancy(selectors.vacancy_by_id(request.user, vacancy_id))
    return ComplianceOut(
        compliant=not failures,
        failures=[FailureOut(code=f.code, field=f.field, message=f.message) for f in failures],
    )


@router.get(
    "/vacancies/{vacancy_id}/candidates",
    response=list[CandidateOut],
    auth=AUTH,
    summary="Eligible workers (pseudonymous), ranked by essential-skill coverage",
)
def vacancy_candidates(request: HttpRequest, vacancy_id: int, limit: int = 50) -> list[CandidateOut]:
    user = signed_in(request)
    found = selectors.candidates(user, selectors.vacancy_by_id(user, vacancy_id), limit=max(1, min(limit, 500)))
    out = []
    for candidate in found:
        profile = candidate.profile
        out.append(
            CandidateOut(
                profile=PseudonymousOut(
                    pseudonym=profile.pseudonym,
                    region=profile.region,
                    education=profile.education,
                    occupations=[
                        WorkerOccupationOut(esco=o.uri, label=o.label, isco=o.isco, years_experience=o.years)
                        for o in profile.occupations
                    ],
                    skills=profile.skills,
                    languages=[LanguageLevelIO(language=lang.code, level=lang.level) for lang in profile.languages],
                ),
                essential_held=candidate.essential_held,
                essential_total=candidate.essential_total,
                coverage=round(candidate.coverage, 4),
                invitation=candidate.invitation,
            )
        )
    return out


@router.get(
    "/vacancies/{vacancy_id}/invitations", response=list[InvitationOut], auth=AUTH, summary="A vacancy's invitations"
)
def vacancy_invitations(request: HttpRequest, vacancy_id: int) -> list[InvitationOut]:
    user = signed_in(request)
    return [
        invitation_out(i) for i in selectors.invitations_of_vacancy(user, selectors.vacancy_by_id(user, vacancy_id))
    ]


@router.post(
    "/vacancies/{vacancy_id}/invitations",
    response={201: InvitationOut},
    auth=AUTH,
    summary="Invite an eligible worker, by pseudonym",
)
def invite(request: HttpRequest, vacancy_id: int, payload: InvitationIn) -> Status[InvitationOut]:
    user = signed_in(request)
    vacancy = selectors.vacancy_by_id(user, vacancy_id)
    try:
        worker = selectors.worker_by_pseudonym(payload.worker)
    except NotFound as error:
        raise DomainError(error.message, field="worker") from error
    return Status(201, invitation_out(services.invite_worker(user, vacancy, worker, payload.message)))


@router.post("/invitations/{invitation_id}/accept", response=InvitationOut, auth=AUTH, summary="Accept")
def accept_invitation(request: HttpRequest, invitation_id: int) -> InvitationOut:
    user = signed_in(request)
    return invitation_out(services.answer_invitation(user, selectors.invitation_by_id(user, invitation_id), True))


@router.post("/invitations/{invitation_id}/decline", response=InvitationOut, auth=AUTH, summary="Decline")
def decline_invitation(request: HttpRequest, invitation_id: int) -> InvitationOut:
    user = signed_in(request)
    return invitation_out(services.answer_invitation(user, selectors.invitation_by_id(user, invitation_id), False))
