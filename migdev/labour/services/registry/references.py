"""Resolving and checking the codes that registry inputs carry (countries, currencies, languages, ISCO, ESCO)."""

from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from migdev.accounts.models import User
from migdev.accounts.services import Actor
from migdev.core.errors import DomainError
from migdev.core.models import (
    Country,
    Currency,
    EscoOccupation,
    EscoSkill,
    IscoGroup,
    Language,
)
from migdev.labour.models import (
    Cefr,
)

# Adults only: labour migration schemes recruit workers of 18 or more.
MINIMUM_AGE = 18
PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MAX_WEEKLY_HOURS = 168
MAX_CONTRACT_MONTHS = 120


# --- resolving codes -----------------------------------------------------------------------------------------------


def _get(model: type[Model], value: Any, field_name: str, label: str, lookup: str = "pk") -> Any:
    found = model._default_manager.filter(**{lookup: value}).first() if value not in (None, "") else None
    if found is None:
        raise DomainError(
            _("Unknown %(what)s: %(value)s") % {"what": label, "value": value if value not in (None, "") else "—"},
            field=field_name,
        )
    return found


def _country(code: str, field_name: str = "country") -> Country:
    return _get(Country, (code or "").upper(), field_name, _("country code (ISO 3166-1 alpha-3)"))  # type: ignore[no-any-return]


def _currency(code: str, field_name: str = "currency") -> Currency:
    return _get(Currency, (code or "").upper(), field_name, _("currency code (ISO 4217)"))  # type: ignore[no-any-return]


def _language(code: str, field_name: str = "language") -> Language:
    return _get(Language, (code or "").lower(), field_name, _("language code (ISO 639-3)"))  # type: ignore[no-any-return]


def _occupation(uri: str, field_name: str = "occupation") -> EscoOccupation:
    return _get(EscoOccupation, uri, field_name, _("ESCO occupation"), "uri")  # type: ignore[no-any-return]


def _skill(uri: str, field_name: str = "skills") -> EscoSkill:
    return _get(EscoSkill, uri, field_name, _("ESCO skill"), "uri")  # type: ignore[no-any-return]


def _isco_group(code: str, field_name: str = "eligible_occupations") -> IscoGroup:
    return _get(IscoGroup, code, field_name, _("ISCO-08 code"))  # type: ignore[no-any-return]


def _unique(values: list[Any], field_name: str) -> None:
    if len(set(values)) != len(values):
        raise DomainError(_("A value is given twice."), field=field_name)


def _in_range(value: int | None, low: int, high: int, field_name: str) -> None:
    if value is not None and not low <= value <= high:
        raise DomainError(_("Give a number from %(low)s to %(high)s.") % {"low": low, "high": high}, field=field_name)


def _cefr(level: int, field_name: str) -> int:
    if level not in Cefr.values:
        raise DomainError(_("Give a CEFR level from A1 to C2."), field=field_name)
    return level


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) and actor.pk is not None else None
