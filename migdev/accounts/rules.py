"""Object-level permissions (django-rules): the predicates every room reuses, and the accounts permissions.

Rooms import the predicates (`is_steward`, `is_official_for_country`, `is_member_of_org`, `is_self`) to build their
own rules, and `checks_permission` to declare, on each write service, the permission it checks first.
"""

import functools
import inspect
from collections.abc import Callable
from types import ModuleType
from typing import Any, ParamSpec, TypeVar

import rules
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from migdev.core.errors import PermissionDenied
from migdev.core.models import Country


def _is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


@rules.predicate
def is_signed_in(user: Any) -> bool:
    """An authenticated, active account."""
    return _is_signed_in(user)


@rules.predicate
def is_steward(user: Any) -> bool:
    """A platform steward: may do everything."""
    return _is_signed_in(user) and bool(user.is_steward)


@rules.predicate
def is_official_for_country(user: Any, obj: Any) -> bool:
    """A country official for the country `obj` is (a Country) or belongs to (`obj.country`)."""
    if obj is None or not _is_signed_in(user):
        return False
    iso3 = obj.pk if isinstance(obj, Country) else getattr(obj, "country_id", None)
    if iso3 is None:
        return False
    return bool(user.official_countries.filter(pk=iso3).exists())


def _organisation_id(obj: Any) -> int | None:
    from migdev.accounts.models import Organisation

    if isinstance(obj, Organisation):
        return obj.pk
    return getattr(obj, "organisation_id", None)


@rules.predicate
def is_member_of_org(user: Any, obj: Any) -> bool:
    """A member of the approved organisation `obj` is or belongs to (`obj.organisation`).

    Members of an organisation awaiting approval have no organisation rights.
    """
    if obj is None or not _is_signed_in(user):
        return False
    org_id = _organisation_id(obj)
    if org_id is None:
        return False
    return bool(user.memberships.filter(organisation_id=org_id, organisation__status="approved").exists())


@rules.predicate
def is_org_admin(user: Any, obj: Any) -> bool:
    """An administrator of the approved organisation `obj` is or belongs to."""
    if obj is None or not _is_signed_in(user):
        return False
    org_id = _organisation_id(obj)
    if org_id is None:
        return False
    return bool(
        user.memberships.filter(organisation_id=org_id, organisation__status="approved", is_admin=True).exists()
    )


@rules.predicate
def is_self(user: Any, obj: Any) -> bool:
    """`obj` is the user, or belongs to the user (`obj.user`)."""
    if obj is None or not _is_signed_in(user):
        return False
    from migdev.accounts.models import User

    if isinstance(obj, User):
        return bool(obj.pk == user.pk)
    return bool(getattr(obj, "user_id", None) == user.pk)


# --- accounts permissions -------------------------------------------------------------------------------------

# Self-registration is open to everyone; the services validate the input.
rules.add_perm("accounts.register_worker", rules.always_allow)
rules.add_perm("accounts.register_organisation", rules.always_allow)
# Every actor's actions on personal data are audited, whoever they are.
rules.add_perm("accounts.add_auditevent", rules.always_allow)

rules.add_perm("accounts.view_person_record", is_self | is_steward | is_official_for_country)
rules.add_perm("accounts.change_user", is_self | is_steward)
rules.add_perm("accounts.export_user", is_self)
rules.add_perm("accounts.erase_user", is_self | is_steward)
rules.add_perm("accounts.grant_country_official", is_steward)

rules.add_perm("accounts.change_organisation", is_steward | is_org_admin)
rules.add_perm("accounts.approve_organisation", is_steward)
rules.add_perm("accounts.add_member", is_steward | is_org_admin)

rules.add_perm("accounts.add_apitoken", is_signed_in)
rules.add_perm("accounts.delete_apitoken", is_self | is_steward)

# The Django admin: stewards see and manage the accounts app.
rules.add_perm("accounts", is_steward)
for _model in ("user", "organisation", "membership", "apitoken", "auditevent"):
    rules.add_perm(f"accounts.view_{_model}", is_steward)
for _model in ("organisation", "membership"):
    rules.add_perm(f"accounts.add_{_model}", is_steward)
    rules.add_perm(f"accounts.delete_{_model}", is_steward)
rules.add_perm("accounts.add_user", is_steward)
rules.add_perm("accounts.change_membership", is_steward)


# --- declaring the permission of each write service -----------------------------------------------------------

P = ParamSpec("P")
R = TypeVar("R")

PERMISSION_DENIED_MESSAGE = _("You do not have permission to do this.")


def checks_permission(permission: str, obj: str | None = None) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare the permission a write service checks; check it on the first argument (the actor), then run atomically.

    `obj` names the argument the object-level rule is checked against. The declared permission is kept on the
    function as `__permission__`, so a test can assert that every service's permission exists in the rules.
    """

    def decorate(service: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(service)
        actor_name = next(iter(signature.parameters))

        @functools.wraps(service)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            bound = signature.bind(*args, **kwargs)
            actor = bound.arguments[actor_name]
            target = bound.arguments.get(obj) if obj else None
            if not rules.has_perm(permission, actor, target) and not _is_superuser(actor):
                raise PermissionDenied(PERMISSION_DENIED_MESSAGE, field=obj)
            with transaction.atomic():
                return service(*args, **kwargs)

        run.__permission__ = permission  # type: ignore[attr-defined]
        return run

    return decorate


def require_permission(service: Callable[..., Any], actor: Any, target: Any = None) -> None:
    """Refuse (PermissionDenied) an actor the write service would refuse, e.g. before a page shows its form.

    The permission is the one the service declares with @checks_permission, so page and service cannot disagree.
    """
    permission: str = service.__permission__  # type: ignore[attr-defined]
    if not rules.has_perm(permission, actor, target) and not _is_superuser(actor):
        raise PermissionDenied(PERMISSION_DENIED_MESSAGE)


def _is_superuser(actor: Any) -> bool:
    return _is_signed_in(actor) and bool(getattr(actor, "is_superuser", False))


def service_permissions(module: ModuleType) -> dict[str, str | None]:
    """Each public function defined in a services module (or in the parts of a services package), with the
    permission it declares (None if it declares none)."""
    found: dict[str, str | None] = {}
    for name, member in inspect.getmembers(module, inspect.isfunction):
        defined_here = member.__module__ == module.__name__ or member.__module__.startswith(module.__name__ + ".")
        if name.startswith("_") or not defined_here:
            continue
        found[name] = getattr(member, "__permission__", None)
    return found
