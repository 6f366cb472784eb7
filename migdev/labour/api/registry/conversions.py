"""Labour registry API: conversions between rows and the schemas of registry_schemas.py."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from migdev.accounts.views import signed_in
from migdev.core.errors import DomainError, NotFound
from migdev.labour.api.registry_schemas import (
    ConsentOut,
    CostTermIO,
    EligibilityOut,
    InvitationOut,
    LanguageLevelIO,
    PseudonymousOut,
    ReasonOut,
    SchemeIn,
    SchemeOut,
    SkillIO,
    VacancyIn,
    VacancyOut,
    WorkerIn,
    WorkerOccupationOut,
    WorkerOut,
)
from migdev.labour.eligibility import Eligibility
from migdev.labour.models import Cefr, Invitation, Scheme, Vacancy, WorkerProfile
from migdev.labour.selectors import registry as selectors
from migdev.labour.services import registry as services


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
