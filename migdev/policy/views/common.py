"""What the room's pages share: which countries a user keeps (officials: theirs; stewards: all)."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from migdev.core.errors import PermissionDenied


def kept_countries(user: Any) -> list[str] | None:
    """The ISO3 codes of the countries the user may write for; None means every country (stewards)."""
    if not getattr(user, "is_authenticated", False):
        return []
    if user.is_steward or user.is_superuser:
        return None
    return list(user.official_countries.values_list("pk", flat=True))


def require_country_keeper(request: HttpRequest) -> list[str] | None:
    """Refuse (403) a user who keeps no country: the page's form would be refused anyway."""
    codes = kept_countries(request.user)
    if codes is not None and not codes:
        raise PermissionDenied(_("You are not an official of any country."))
    return codes
