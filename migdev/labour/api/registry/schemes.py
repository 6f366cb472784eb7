"""Labour registry API: schemes, recruiter licences and labour standards."""

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status

from migdev.accounts.api import AUTH
from migdev.accounts.models import Organisation
from migdev.accounts.views import signed_in
from migdev.core.errors import DomainError, NotFound
from migdev.labour import compliance
from migdev.labour.api.registry.conversions import (
    eligibility_out,
    scheme_input,
    scheme_out,
)
from migdev.labour.api.registry_schemas import (
    Done,
    EligibilityOut,
    LicenceIn,
    LicenceOut,
    RecruiterOut,
    SchemeIn,
    SchemeOut,
    StandardIn,
    StandardOut,
)
from migdev.labour.models import LabourStandard, RecruiterLicence
from migdev.labour.selectors import registry as selectors
from migdev.labour.selectors import registry_reference as reference
from migdev.labour.services import registry as services

router = Router()


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


def recruiter_out(organisation: Organisation) -> RecruiterOut:
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
    return recruiter_out(selectors.approved_organisation_by_id(organisation_id))


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
    return Status(201, recruiter_out(organisation))


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
