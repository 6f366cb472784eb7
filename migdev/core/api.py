"""Reference data API: countries and the code lists every room uses."""

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from migdev.core import selectors

router = Router(tags=["reference data"])


class CountryOut(Schema):
    iso3: str
    iso2: str
    m49: int
    name: str
    subregion: str | None


@router.get("/countries", response=list[CountryOut], summary="Countries and territories (ISO 3166-1, M49)")
@paginate(PageNumberPagination, page_size=50)
def list_countries(request: HttpRequest) -> list[CountryOut]:
    return [
        CountryOut(iso3=c.iso3, iso2=c.iso2, m49=c.m49, name=c.name, subregion=c.subregion.name if c.subregion else None)
        for c in selectors.countries()
    ]
