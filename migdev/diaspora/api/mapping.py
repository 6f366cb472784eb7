"""Diaspora map API: an origin's emigrants by destination, year and sex, with remittances (JSON and CSV)."""

import csv
import io

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema

from migdev.diaspora.selectors import mapping

router = Router()

ATTRIBUTION = (
    "Emigrant stocks: United Nations, Department of Economic and Social Affairs, Population Division (2020). "
    "International Migrant Stock 2020. Remittance flows (where given): World Bank/KNOMAD Bilateral Remittance "
    "Matrix 2017 (CC BY 4.0)."
)


class DiasporaDestinationOut(Schema):
    m49: int
    iso3: str
    name: str
    stock: dict[str, dict[str, float]]  # year -> sex (_T, M, F) -> persons
    female_share_latest: float | None
    growth_since_first: float | None
    remittances_2017_usd_millions: float | None


class DiasporaMapOut(Schema):
    origin_iso3: str
    origin_m49: int
    origin_name: str
    years: list[str]
    totals: dict[str, dict[str, float]]
    female_share: dict[str, float | None]
    growth_since_first: float | None
    remittances_loaded: bool
    destinations: list[DiasporaDestinationOut]
    sources: list[str]


def _stock(pairs: dict[tuple[str, str], float]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for (year, sex), value in sorted(pairs.items()):
        out.setdefault(year, {})[sex] = value
    return out


@router.get("/map/{code}.csv", summary="The diaspora map as CSV (one row per destination, year and sex)")
def diaspora_map_csv(request: HttpRequest, code: str) -> HttpResponse:
    data = mapping.diaspora_map(code[:10])
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "origin_iso3",
            "destination_iso3",
            "destination_m49",
            "destination_name",
            "year",
            "sex",
            "emigrants",
            "remittances_2017_usd_millions",
        ]
    )
    for d in data.destinations:
        for (year, sex), value in sorted(d.stock.items()):
            writer.writerow(
                [
                    data.origin.iso3,
                    d.iso3,
                    d.m49,
                    d.name,
                    year,
                    sex,
                    f"{value:.0f}",
                    "" if d.remittances is None else d.remittances,
                ]
            )
        if not d.stock and d.remittances is not None:
            writer.writerow([data.origin.iso3, d.iso3, d.m49, d.name, "", "", "", d.remittances])
    writer.writerow([])
    writer.writerow([f"# {ATTRIBUTION}"])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="diaspora-{data.origin.iso3 or data.origin.m49}.csv"'
    return response


@router.get("/map/{code}", response=DiasporaMapOut, summary="Where an origin country's emigrants live (by sex)")
def diaspora_map(request: HttpRequest, code: str) -> DiasporaMapOut:
    data = mapping.diaspora_map(code[:10])
    first, latest = data.first_year or "", data.latest_year or ""
    return DiasporaMapOut(
        origin_iso3=data.origin.iso3,
        origin_m49=data.origin.m49,
        origin_name=data.origin.name,
        years=data.years,
        totals=_stock(data.totals),
        female_share={y: data.female_share(y) for y in data.years},
        growth_since_first=data.growth(),
        remittances_loaded=data.remittances_loaded,
        destinations=[
            DiasporaDestinationOut(
                m49=d.m49,
                iso3=d.iso3,
                name=d.name,
                stock=_stock(d.stock),
                female_share_latest=d.female_share(latest),
                growth_since_first=mapping.growth(d.value(first), d.value(latest)),
                remittances_2017_usd_millions=d.remittances,
            )
            for d in data.destinations
        ],
        sources=[s.code for s in data.sources],
    )
