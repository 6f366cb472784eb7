"""Labour exchange API: registry (worker profiles, vacancies and their compliance, candidates, invitations, schemes).

Codes everywhere: countries ISO 3166-1 alpha-3, currencies ISO 4217, languages ISO 639-3 with CEFR levels "A1"-"C2",
occupations and skills as ESCO URIs, scheme occupations as ISCO-08 codes at any level.
"""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status

from migdev.accounts.api import AUTH, OPTIONAL_AUTH_DOCS, PUBLIC_OR_AUTH
from migdev.accounts.views import signed_in
from migdev.core.errors import DomainError, NotFound
from migdev.core.input_limits import text_filter
from migdev.labour import compliance
from migdev.labour.api.registry_schemas import (
    CandidateOut,
    ComplianceOut,
    ConsentIn,
    ConsentOut,
    CostTermIO,
    Done,
    EligibilityOut,
    FailureOut,
    InvitationIn,
    InvitationOut,
    LanguageLevelIO,
    LicenceIn,
    LicenceOut,
    PoolMemberOut,
    PseudonymousOut,
    ReasonOut,
    RecruiterOut,
    SchemeIn,
    SchemeOut,
    SkillIO,
    StandardIn,
    StandardOut,
    VacancyForWorkerOut,
    VacancyIn,
    VacancyOut,
    WorkerIn,
    WorkerOccupationOut,
    WorkerOut,
)
from migdev.labour.eligibility import Eligibility
from migdev.labour.models import Cefr, Invitation, LabourStandard, RecruiterLicence, Scheme, Vacancy, WorkerProfile
from migdev.labour.selectors import registry as selectors
from migdev.labour.selectors import registry_reference as reference
from migdev.labour.services import personal_data
from migdev.labour.services import registry as services

router = Router(tags=["labour"])


def _cefr(label: str, field: str) -> int:
    for level in Cefr:
        if level.label == label.upper().strip():
            return int(level.value)
    raise DomainError(_("Give a CEFR level from A1 to C2: %(value)s") % {"value": label}, field=field)


# --- conversions ---------------------------------------------------------------------------------------------------


def pseudonymous_out(worker: WorkerProfile) -> PseudonymousOut:
    profile = selectors.pseudonymous_profile(worker)
    return PseudonymousOut(
        pseudonym=profile.pseudonym,
        region=profile.region,
        education=profile.education,
        occupations=[
            WorkerOccupationOut(esco=o.uri, label=o.label, isco=o.isco, years_experience=o.years)
            for o in profile.occupations
        ],
        skills=profile.skills,
        languages=[LanguageLevelIO(language=lang.code, level=lang.level) for lang in profile.languages],
    )


def worker_out(record: selectors.WorkerRecord) -> WorkerOut:
    worker = record.worker
    return WorkerOut(
        **pseudonymous_out(worker).dict(exclude={"full"}),
        full=True,
        name=record.name,
        email=record.email,
        sex=worker.sex_id,
        date_of_birth=worker.date_of_birth,
        nationality=worker.nationality_id,
        residence=worker.residence_id,
        available_from=worker.available_from,
        available_to=worker.available_to,
        is_available=worker.is_available,
        preferred_destinations=sorted(c.pk for c in worker.preferred_destinations.all()),
        preferred_schemes=sorted(s.code for s in worker.preferred_schemes.all()),
        sending_agency=worker.sending_agency_id,
        registered_on=worker.registered_on,
        erased_at=worker.erased_at,
        consents=[
            ConsentOut(
                purpose=c.purpose,
                organisation=c.organisation.name if c.organisation else None,
                given_at=c.given_at,
                withdrawn_at=c.withdrawn_at,
            )
            for c in record.consents
        ],
    )


def worker_input(payload: WorkerIn) -> services.WorkerProfileInput:
    return services.WorkerProfileInput(
        sex=payload.sex,
        nationality=payload.nationality,
        residence=payload.residence,
        date_of_birth=payload.date_of_birth,
        education=payload.education,
        available_from=payload.available_from,
        available_to=payload.available_to,
        is_available=payload.is_available,
        preferred_destinations=payload.preferred_destinations,
        preferred_schemes=payload.preferred_schemes,
        sending_agency=payload.sending_agency,
        languages=[(lang.language, _cefr(lang.level, "languages")) for lang in payload.languages],
        occupations=[(o.esco, o.years_experience) for o in payload.occupations],
        skills=payload.skills,
    )


def vacancy_out(vacancy: Vacancy) -> VacancyOut:
    return VacancyOut(
        id=vacancy.pk,
        state=vacancy.state,
        employer=vacancy.employer_id,
        employer_name=vacancy.employer.name,
        title=vacancy.title,
        occupation=vacancy.occupation.uri,
        occupation_label=vacancy.occupation.preferred_label,
        isco=vacancy.isco_group_id,
        destination=vacancy.destination_id,
        place=vacancy.place,
        positions=vacancy.positions,
        wage_amount=vacancy.wage_amount,
        wage_currency=vacancy.wage_currency_id,
        wage_period=vacancy.wage_period,
        weekly_hours=vacancy.weekly_hours,
        rest_days_per_week=vacancy.rest_days_per_week,
        contract_months=vacancy.contract_months,
        start_date=vacancy.start_date,
        scheme=vacancy.scheme.code if vacancy.scheme else None,
        recruiter=vacancy.recruiter_id,
        min_education=vacancy.min_education,
        min_experience_years=vacancy.min_experience_years,
        contract_languages=sorted(lang.pk for lang in vacancy.contract_languages.all()),
        written_contract=vacancy.written_contract,
        retains_documents=vacancy.retains_documents,
        housing_terms=vacancy.housing_terms,
        travel_terms=vacancy.travel_terms,
        skills=[SkillIO(esco=s.skill.uri, essential=s.essential) for s in vacancy.skills.all()],
        languages=[
            LanguageLevelIO(language=lang.language_id, level=Cefr(lang.min_level).label)
            for lang in vacancy.languages.all()
        ],
        cost_terms=[
            CostTermIO(category=t.category, payer=t.payer, amount=t.amount, currency=t.currency_id)
            for t in vacancy.cost_terms.all()
        ],
    )


def vacancy_input(payload: VacancyIn) -> services.VacancyInput:
    return services.VacancyInput(
        title=payload.title,
        occupation=payload.occupation,
        destination=payload.destination,
        place=payload.place,
        positions=payload.positions,
        wage_amount=payload.wage_amount,
        wage_currency=payload.wage_currency,
        wage_period=payload.wage_period,
        weekly_hours=payload.weekly_hours,
        contract_months=payload.contract_months,
        start_date=payload.start_date,
        rest_days_per_week=payload.rest_days_per_week,
        scheme=payload.scheme,
        recruiter=payload.recruiter,
        min_education=payload.min_education,
        min_experience_years=payload.min_experience_years,
        contract_languages=payload.contract_languages,
        written_contract=payload.written_contract,
        retains_documents=payload.retains_documents,
        housing_terms=payload.housing_terms,
        travel_terms=payload.travel_terms,
        skills=[(s.esco, s.essential) for s in payload.skills] if payload.skills is not None else None,
        languages=[(lang.language, _cefr(lang.level, "languages")) for lang in payload.languages],
        cost_terms=(
            [services.CostTermInput(t.category, t.payer, t.amount, t.currency) for t in payload.cost_terms]
            if payload.cost_terms is not None
            else None
        ),
    )


def eligibility_out(result: Eligibility) -> EligibilityOut:
    return EligibilityOut(
        eligible=result.eligible, reasons=[ReasonOut(code=r.code, message=r.message) for r in result.reasons]
    )


def invitation_out(invitation: Invitation) -> InvitationOut:
    return InvitationOut(
        id=invitation.pk,
        vacancy=invitation.vacancy_id,
        vacancy_title=invitation.vacancy.title,
        employer_name=invitation.vacancy.employer.name,
        worker=invitation.worker.pseudonym,
        status=invitation.status,
        message=invitation.message,
        created_at=invitation.created_at,
        answered_at=invitation.answered_at,
    )


def scheme_out(scheme: Scheme) -> SchemeOut:
    return SchemeOut(
        id=scheme.pk,
        code=scheme.code,
        name=scheme.name,
        kind=scheme.kind,
        destination=scheme.destination_id,
        eligible_origins=sorted(c.pk for c in scheme.eligible_origins.all()),
        description=scheme.description,
        agreement=scheme.agreement_id,
        eligible_occupations=sorted(g.code for g in scheme.eligible_occupations.all()),
        season_start_month=scheme.season_start_month,
        season_end_month=scheme.season_end_month,
        max_stay_months=scheme.max_stay_months,
        max_stay_window_months=scheme.max_stay_window_months,
        min_weekly_hours=scheme.min_weekly_hours,
        cap_per_season=scheme.cap_per_season,
        origin_caps={cap.origin_id: cap.cap for cap in scheme.origin_caps.all()},
        cooling_off_days=scheme.cooling_off_days,
        named_returning_allowed=scheme.named_returning_allowed,
        employer_pays_travel=scheme.employer_pays_travel,
        cost_sharing_notes=scheme.cost_sharing_notes,
        source_url=scheme.source_url,
        is_active=scheme.is_active,
    )


def scheme_input(payload: SchemeIn) -> services.SchemeInput:
    data = payload.dict(exclude={"destination"})
    return services.SchemeInput(**data)


def _own_profile(request: HttpRequest) -> WorkerProfile:
    worker = selectors.worker_profile_of(signed_in(request))
    if worker is None:
        raise NotFound(_("You have no worker profile yet."), field="worker")
    return worker


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


# --- schemes -------------------------------------------------------------------------------------------------------


@router.get("/schemes", response=list[SchemeOut], summary="Schemes (public)")
def list_schemes(request: HttpRequest, destination: str = "") -> list[SchemeOut]:
    return [scheme_out(s) for s in selectors.schemes(destination=destination)]


@router.post("/schemes", response={201: SchemeOut}, auth=AUTH, summary="Create a scheme (destination officials)")
def create_scheme(request: HttpRequest, payload: SchemeIn) -> Status[SchemeOut]:
    destination = selectors.country_by_code(payload.destination, field="destination")
    scheme = services.create_scheme(signed_in(request), destination, scheme_input(payload))
    return Status(201, scheme_out(selectors.scheme_by_id(scheme.pk)))


@router.get("/schemes/{scheme_id}", response=SchemeOut, summary="A scheme (public)")
def scheme_detail(request: HttpRequest, scheme_id: int) -> SchemeOut:
    return scheme_out(selectors.scheme_by_id(scheme_id))


@router.put("/schemes/{scheme_id}", response=SchemeOut, auth=AUTH, summary="Change a scheme's rules")
def update_scheme(request: HttpRequest, scheme_id: int, payload: SchemeIn) -> SchemeOut:
    scheme = selectors.scheme_by_id(scheme_id)
    if payload.destination.upper() != scheme.destination_id:
        raise DomainError(_("A scheme's destination cannot change."), field="destination")
    services.update_scheme(signed_in(request), scheme, scheme_input(payload))
    return scheme_out(selectors.scheme_by_id(scheme_id))


@router.delete("/schemes/{scheme_id}", response=Done, auth=AUTH, summary="Delete a scheme no vacancy uses")
def delete_scheme(request: HttpRequest, scheme_id: int) -> Done:
    services.delete_scheme(signed_in(request), selectors.scheme_by_id(scheme_id))
    return Done(done=True)


@router.get(
    "/schemes/{scheme_id}/eligibility",
    response=EligibilityOut,
    auth=AUTH,
    summary="Whether a worker (pseudonym) may take a vacancy of the scheme, with every reason of refusal",
)
def scheme_eligibility(request: HttpRequest, scheme_id: int, worker: str, vacancy: int) -> EligibilityOut:
    user = signed_in(request)
    scheme = selectors.scheme_by_id(scheme_id)
    found = selectors.vacancy_by_id(user, vacancy)
    if found.scheme_id != scheme.pk:
        raise DomainError(_("The vacancy is not under this scheme."), field="vacancy")
    try:
        profile = selectors.worker_by_pseudonym(worker)
    except NotFound as error:
        raise DomainError(error.message, field="worker") from error
    return eligibility_out(selectors.eligibility_for(user, profile, found))


# --- recruiters ----------------------------------------------------------------------------------------------------


def recruiter_out(organisation_id: int) -> RecruiterOut:
    organisation = selectors.organisation_by_id(organisation_id)
    reasons = compliance.recruiter_may_place(organisation, timezone.localdate())
    return RecruiterOut(
        organisation=organisation.pk,
        may_place=not reasons,
        reasons=reasons,
        licences=[licence_out(lic) for lic in selectors.licences_of(organisation)],
    )


def licence_out(licence: RecruiterLicence) -> LicenceOut:
    return LicenceOut(
        number=licence.number,
        issuing_country=licence.issuing_country_id,
        valid_from=licence.valid_from,
        valid_to=licence.valid_to,
        certification=licence.certification,
        certification_expires=licence.certification_expires,
    )


@router.get("/recruiters/{organisation_id}", response=RecruiterOut, summary="A recruiter's licences (public)")
def recruiter_detail(request: HttpRequest, organisation_id: int) -> RecruiterOut:
    return recruiter_out(organisation_id)


@router.post(
    "/recruiters/{organisation_id}/licences",
    response={201: RecruiterOut},
    auth=AUTH,
    summary="Record a recruitment licence (officials of the issuing country)",
)
def record_licence(request: HttpRequest, organisation_id: int, payload: LicenceIn) -> Status[RecruiterOut]:
    organisation = selectors.organisation_by_id(organisation_id)
    issuing = selectors.country_by_code(payload.issuing_country, field="issuing_country")
    services.record_recruiter_licence(
        signed_in(request),
        issuing,
        organisation,
        number=payload.number,
        valid_from=payload.valid_from,
        valid_to=payload.valid_to,
        certification=payload.certification,
        certification_expires=payload.certification_expires,
    )
    return Status(201, recruiter_out(organisation_id))


# --- labour standards ----------------------------------------------------------------------------------------------


def standard_out(standard: LabourStandard, in_force: bool) -> StandardOut:
    return StandardOut(
        id=standard.pk,
        country=standard.country_id,
        country_name=standard.country.name,
        valid_from=standard.valid_from,
        source=standard.source,
        minimum_wage=standard.minimum_wage,
        currency=standard.currency_id,
        wage_period=standard.wage_period,
        max_weekly_hours=standard.max_weekly_hours,
        source_url=standard.source_url,
        verified=standard.verified,
        in_force=in_force,
    )


@router.get(
    "/standards",
    response=list[StandardOut],
    url_name="labour_standards",
    summary="Minimum wages and legal weekly hours per country, with source and whether verified (public)",
)
def list_standards(request: HttpRequest, country: str = "") -> list[StandardOut]:
    """`in_force` marks each country's standard vacancies are checked against today."""
    return [standard_out(row.standard, row.in_force) for row in reference.labour_standard_rows(country)]


@router.post(
    "/standards",
    response={201: StandardOut},
    auth=AUTH,
    summary="Record a country's labour standard (stewards); the same country and date replaces it",
)
def record_standard(request: HttpRequest, payload: StandardIn) -> Status[StandardOut]:
    standard = services.record_labour_standard(
        signed_in(request),
        payload.country,
        valid_from=payload.valid_from,
        source=payload.source,
        minimum_wage=payload.minimum_wage,
        currency_code=payload.currency,
        wage_period=payload.wage_period,
        max_weekly_hours=payload.max_weekly_hours,
        source_url=payload.source_url,
        verified=payload.verified,
    )
    rows = reference.labour_standard_rows(standard.country_id)
    return Status(201, next(standard_out(r.standard, r.in_force) for r in rows if r.standard.pk == standard.pk))
