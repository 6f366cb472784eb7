"""Codes the services check (countries), each refused with the field it came in."""

from django.utils.translation import gettext as _

from migdev.core.errors import DomainError
from migdev.core.models import Country


def country_by_code(code: str, field_name: str) -> Country:
    """The country of an ISO 3166-1 alpha-3 code; an unknown code is refused naming the field."""
    found = Country.objects.filter(pk=(code or "").upper()[:3]).first()
    if found is None:
        raise DomainError(
            _("Unknown country code %(code)s (ISO 3166-1 alpha-3 expected).") % {"code": code[:10]}, field_name
        )
    return found
