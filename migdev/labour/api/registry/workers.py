"""Labour registry API: worker profiles, consents, a worker's vacancies and invitations, agency pools."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.labour.api.registry.conversions import (
    _own_profile,
    invitation_out,
    pseudonymous_out,
    vacancy_out,
    worker_input,
    worker_out,
)
from migdev.labour.api.registry_schemas import (
    ConsentIn,
    ConsentOut,
    Done,
    InvitationOut,
    PoolMemberOut,
    PseudonymousOut,
    ReasonOut,
    VacancyForWorkerOut,
    WorkerIn,
    WorkerOut,
)
from migdev.labour.selectors import registry as selectors
from migdev.labour.services import personal_data
from migdev.labour.services import registry as services

router = Router()


# --- workers -------------------------------------------------------------------------------------------------------


@router.get("/workers/me", response=WorkerOut, auth=AUTH, summary="My worker profile")
def my_profile(request: HttpRequest) -> WorkerOut:
    worker = _own_profile(request)
    return worker_out(selectors.worker_record(signed_in(request), worker))


@router.post("/workers/me", response={201: WorkerOut}, auth=AUTH, summary="Open my worker profile")
def create_my_profile(request: HttpRequest, payload: WorkerIn) -> Status[WorkerOut]:
    user = signed_in(request)
    worker = services.create_worker_profile(user, user, worker_input(payload))
    return Status(201, worker_out(selectors.worker_record(user, selectors.worker_by_pseudonym(worker.pseudonym))))


@router.put("/workers/me", response=WorkerOut, auth=AUTH, summary="Change my worker profile")
def update_my_profile(request: HttpRequest, payload: WorkerIn) -> WorkerOut:
    user = signed_in(request)
    worker = services.update_worker_profile(user, _own_profile(request), worker_input(payload))
    return worker_out(selectors.worker_record(user, selectors.worker_by_pseudonym(worker.pseudonym)))


@router.get("/workers/me/export", auth=AUTH, summary="Everything the exchange holds about me, as JSON (audited)")
def export_my_data(request: HttpRequest) -> dict[str, Any]:
    return personal_data.export_worker_data(signed_in(request), _own_profile(request))


@router.post("/workers/me/erase", response=Done, auth=AUTH, summary="Erase my worker profile and my account")
def erase_my_data(request: HttpRequest) -> Done:
    personal_data.erase_worker(signed_in(request), _own_profile(request))
    return Done(done=True)


@router.post("/workers/me/consents", response={201: ConsentOut}, auth=AUTH, summary="Give a consent")
def give_consent(request: HttpRequest, payload: ConsentIn) -> Status[ConsentOut]:
    consent = services.give_consent(signed_in(request), _own_profile(request), payload.purpose)
    return Status(
        201,
        ConsentOut(
            purpose=consent.purpose,
            organisation=consent.organisation.name if consent.organisation else None,
            given_at=consent.given_at,
            withdrawn_at=consent.withdrawn_at,
        ),
    )


@router.post("/workers/me/consents/withdraw", response=Done, auth=AUTH, summary="Withdraw a consent")
def withdraw_consent(request: HttpRequest, payload: ConsentIn) -> Done:
    services.withdraw_consent(signed_in(request), _own_profile(request), payload.purpose)
    return Done(done=True)


@router.get(
    "/workers/me/vacancies",
    response=list[VacancyForWorkerOut],
    auth=AUTH,
    summary="Published vacancies with my eligibility and the reasons of every refusal",
)
def my_vacancies(request: HttpRequest) -> list[VacancyForWorkerOut]:
    rows = selectors.vacancies_for_worker(_own_profile(request))
    return [
        VacancyForWorkerOut(
            vacancy=vacancy_out(row.vacancy),
            eligible=row.result.eligible,
            reasons=[ReasonOut(code=r.code, message=r.message) for r in row.result.reasons],
        )
        for row in rows
    ]


@router.get("/workers/me/invitations", response=list[InvitationOut], auth=AUTH, summary="My invitations")
def my_invitations(request: HttpRequest) -> list[InvitationOut]:
    return [invitation_out(i) for i in selectors.invitations_of_worker(_own_profile(request))]


@router.get(
    "/workers/{pseudonym}",
    response=WorkerOut | PseudonymousOut,
    auth=AUTH,
    summary="A worker: the full record where allowed (audited), else the pseudonymous profile",
)
def worker_detail(request: HttpRequest, pseudonym: str) -> WorkerOut | PseudonymousOut:
    user = signed_in(request)
    worker = selectors.worker_by_pseudonym(pseudonym)
    if selectors.may_view_full_record(user, worker):
        return worker_out(selectors.worker_record(user, worker))
    return pseudonymous_out(worker)


@router.put(
    "/workers/{pseudonym}",
    response=WorkerOut,
    auth=AUTH,
    summary="Change a worker's profile (their sending agency, with the worker's consent)",
)
def update_worker(request: HttpRequest, pseudonym: str, payload: WorkerIn) -> WorkerOut:
    user = signed_in(request)
    worker = services.update_worker_profile(user, selectors.worker_by_pseudonym(pseudonym), worker_input(payload))
    return worker_out(selectors.worker_record(user, selectors.worker_by_pseudonym(worker.pseudonym)))


@router.get("/agencies/{agency_id}/pool", response=list[PoolMemberOut], auth=AUTH, summary="An agency's pool")
def agency_pool(request: HttpRequest, agency_id: int) -> list[PoolMemberOut]:
    pool = selectors.agency_pool(signed_in(request), selectors.organisation_by_id(agency_id))
    return [PoolMemberOut(profile=pseudonymous_out(worker), may_edit=may_edit) for worker, may_edit in pool]
