"""A corridor is an ordered pair of countries, origin then destination, named by ISO3 codes ("PHL-CAN")."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from migdev.core.errors import DomainError, NotFound
from migdev.core.models import Country

ISO3 = re.compile(r"^[A-Za-z]{3}$")


class MalformedCorridor(DomainError):
    """The codes are not two different ISO 3166-1 alpha-3 codes: answered 422 by the API, 404 by pages."""

    status = 422


@dataclass(frozen=True)
class Pair:
    origin: Country
    destination: Country

    @property
    def slug(self) -> str:
        return f"{self.origin.iso3}-{self.destination.iso3}"


def check_codes(origin: str, destination: str) -> tuple[str, str]:
    """The two codes in capitals, or MalformedCorridor naming the field at fault."""
    for name, code in (("origin", origin), ("destination", destination)):
        if not ISO3.match(code or ""):
            raise MalformedCorridor(
                _("Give the %(field)s as an ISO 3166-1 alpha-3 code, e.g. PHL.") % {"field": name}, name
            )
    if origin.upper() == destination.upper():
        raise MalformedCorridor(_("The origin and the destination must be two different countries."), "destination")
    return origin.upper(), destination.upper()


def pair(origin: str, destination: str) -> Pair:
    """The corridor from `origin` to `destination` (two reads at most), or NotFound naming the unknown code."""
    origin, destination = check_codes(origin, destination)
    found = Country.objects.in_bulk([origin, destination])
    for name, code in (("origin", origin), ("destination", destination)):
        if code not in found:
            raise NotFound(_("No country with the ISO3 code %(code)s.") % {"code": code}, name)
    return Pair(found[origin], found[destination])
