"""Accounts API: who am I, API tokens, organisations, a person's record, export and erasure of one's own data."""

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.security import HttpBearer, django_auth

from migdev.accounts import selectors, services
from migdev.accounts.models import ApiToken, Organisation, User
from migdev.accounts.views import signed_in
from migdev.core.errors import DomainError
from migdev.core.input_limits import column
from migdev.core.models import Country


def hash_token(key: str) -> str:
    """Tokens are stored as SHA-256 hashes; the clear key is shown once, at creation."""
    return ApiToken.hash_key(key)


class ApiTokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; sets request.user to the token's owner."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_token(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


# Session cookie or bearer token (the same list as migdev.config.api.AUTH, defined here to avoid a circular import).
AUTH = [ApiTokenAuth(), django_auth]


def _anyone(request: HttpRequest) -> bool:
    """Lets anonymous visitors through after the signed-in methods were tried (public reads)."""
    return True


# Public operations that show more to a signed-in user: AUTH is tried, then anyone is let through.
PUBLIC_OR_AUTH = [*AUTH, _anyone]
# Their OpenAPI security: django-ninja lists AUTH's schemes, and the empty requirement added here says that no
# credentials are needed (any one entry of the list suffices).
OPTIONAL_AUTH_DOCS: dict[str, Any] = {"security": [{}]}

router = Router(tags=["accounts"])


class MeOut(Schema):
    username: str
    is_steward: bool
    is_worker: bool
    official_countries: list[str]
    organisations: list[str]


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenIn(Schema):
    name: Annotated[str, column(ApiToken, "name")]


class TokenCreatedOut(TokenOut):
    key: str


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    country: str
    website: str
    status: str


class OrganisationIn(Schema):
    name: Annotated[str, column(Organisation, "name")]
    kind: str
    country: str
    website: Annotated[str, column(Organisation, "website")] = ""


class MembershipOut(Schema):
    organisation_id: int
    organisation: str
    is_admin: bool


class PersonOut(Schema):
    id: int
    username: str
    first_name: str
    last_name: str
    email: str
    country: str | None
    is_active: bool
    is_steward: bool
    is_worker: bool
    official_countries: list[str]
    memberships: list[MembershipOut]


class ErasedOut(Schema):
    erased: bool


def token_out(token: ApiToken) -> TokenOut:
    return TokenOut(
        id=token.pk,
        name=token.name,
        prefix=token.prefix,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
    )


def organisation_out(organisation: Organisation) -> OrganisationOut:
    return OrganisationOut(
        id=organisation.pk,
        name=organisation.name,
        kind=organisation.kind,
        country=organisation.country_id,
        website=organisation.website,
        status=organisation.status,
    )


@router.get("/me", response=MeOut, auth=AUTH, summary="The signed-in user and their roles")
def me(request: HttpRequest) -> MeOut:
    user = signed_in(request)
    return MeOut(
        username=user.username,
        is_steward=user.is_steward,
        is_worker=user.is_worker,
        official_countries=[c.iso3 for c in user.official_countries.all()],
        organisations=[o.name for o in user.organisations.all()],
    )


@router.get("/me/export", auth=AUTH, summary="Everything MigDev holds about me, as JSON (audited)")
def export_me(request: HttpRequest) -> dict[str, Any]:
    user = signed_in(request)
    return services.export_personal_data(user, user)


@router.post("/me/erase", response=ErasedOut, auth=AUTH, summary="Erase my personal data and close my account")
def erase_me(request: HttpRequest) -> ErasedOut:
    user = signed_in(request)
    services.erase_person(user, user)
    return ErasedOut(erased=True)


@router.get("/tokens", response=list[TokenOut], auth=AUTH, summary="My API tokens")
def list_tokens(request: HttpRequest) -> list[TokenOut]:
    return [token_out(t) for t in selectors.api_tokens_of(signed_in(request))]


@router.post("/tokens", response={201: TokenCreatedOut}, auth=AUTH, summary="Create an API token (key shown once)")
def create_token(request: HttpRequest, payload: TokenIn) -> Status[TokenCreatedOut]:
    token, key = services.create_api_token(signed_in(request), payload.name)
    return Status(201, TokenCreatedOut(**token_out(token).dict(), key=key))


@router.post("/tokens/{token_id}/revoke", response=TokenOut, auth=AUTH, summary="Revoke one of my API tokens")
def revoke_token(request: HttpRequest, token_id: int) -> TokenOut:
    user = signed_in(request)
    token = services.revoke_api_token(user, selectors.api_token_of(user, token_id))
    return token_out(token)


@router.get("/organisations", response=list[OrganisationOut], summary="Approved organisations (public)")
def list_organisations(request: HttpRequest) -> list[OrganisationOut]:
    return [organisation_out(o) for o in selectors.approved_organisations()]


@router.post(
    "/organisations",
    response={201: OrganisationOut},
    auth=AUTH,
    summary="Register an organisation (awaits a steward's approval)",
)
def register_organisation(request: HttpRequest, payload: OrganisationIn) -> Status[OrganisationOut]:
    country = Country.objects.filter(pk=payload.country.upper()).first()
    if country is None:
        raise DomainError(_("Unknown country code: %(code)s") % {"code": payload.country}, field="country")
    organisation = services.register_organisation(
        signed_in(request), name=payload.name, kind=payload.kind, country=country, website=payload.website
    )
    return Status(201, organisation_out(organisation))


@router.post(
    "/organisations/{organisation_id}/approve", response=OrganisationOut, auth=AUTH, summary="Approve (stewards)"
)
def approve_organisation(request: HttpRequest, organisation_id: int) -> OrganisationOut:
    organisation = selectors.organisation_by_id(organisation_id)
    return organisation_out(services.approve_organisation(signed_in(request), organisation))


@router.post(
    "/organisations/{organisation_id}/reject", response=OrganisationOut, auth=AUTH, summary="Reject (stewards)"
)
def reject_organisation(request: HttpRequest, organisation_id: int) -> OrganisationOut:
    organisation = selectors.organisation_by_id(organisation_id)
    return organisation_out(services.reject_organisation(signed_in(request), organisation))


@router.get("/persons/{person_id}", response=PersonOut, auth=AUTH, summary="A person's full record (audited)")
def person(request: HttpRequest, person_id: int) -> PersonOut:
    subject = selectors.user_by_id(person_id)
    record = selectors.person_record(signed_in(request), subject)
    return PersonOut(
        id=subject.pk,
        username=subject.username,
        first_name=subject.first_name,
        last_name=subject.last_name,
        email=subject.email,
        country=subject.country_id,
        is_active=subject.is_active,
        is_steward=subject.is_steward,
        is_worker=subject.is_worker,
        official_countries=record.official_countries,
        memberships=[
            MembershipOut(organisation_id=m.organisation_id, organisation=m.organisation.name, is_admin=m.is_admin)
            for m in record.memberships
        ],
    )
