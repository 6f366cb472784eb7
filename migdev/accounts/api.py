"""Accounts API: who am I, and API tokens."""

import hashlib

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from ninja.security import HttpBearer

from migdev.accounts.models import ApiToken, User


def hash_token(key: str) -> str:
    """Tokens are stored as SHA-256 hashes; the clear key is shown once, at creation."""
    return hashlib.sha256(key.encode()).hexdigest()


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


router = Router(tags=["accounts"])


class MeOut(Schema):
    username: str
    is_steward: bool
    is_worker: bool
    official_countries: list[str]
    organisations: list[str]


@router.get("/me", response=MeOut, auth=[ApiTokenAuth()], summary="The signed-in user and their roles")
def me(request: HttpRequest) -> MeOut:
    user = request.user
    assert isinstance(user, User)
    return MeOut(
        username=user.username,
        is_steward=user.is_steward,
        is_worker=user.is_worker,
        official_countries=[c.iso3 for c in user.official_countries.all()],
        organisations=[o.name for o in user.organisations.all()],
    )
