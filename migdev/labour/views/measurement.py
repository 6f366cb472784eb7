"""Labour exchange pages: measurement of supply and demand (map, tables, opportunities, country charts)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import URLPattern, URLResolver, path, reverse
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError, NotFound
from migdev.labour.selectors import measurement as selectors
from migdev.stats.exports import m49_code

OPPORTUNITIES_SHOWN = 50


def _labels() -> dict[str, dict[str, str]]:
    return {
        "classes": {"shortage": _("Shortage"), "balanced": _("Balanced"), "surplus": _("Surplus")},
        "bases": {"nationality": _("Nationality"), "residence": _("Country of residence")},
        "sexes": {"F": _("Women"), "M": _("Men"), "_T": _("Both sexes")},
    }


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _filters(request: HttpRequest) -> dict[str, str]:
    return {key: request.GET[key].strip() for key in ("level", "group", "month", "basis") if request.GET.get(key)}


def _downloads(query: dict[str, str]) -> dict[str, str]:
    encoded = urlencode(query)
    return {
        "json": f"/api/v1/labour/market/cells?{encoded}",
        "csv": f"/api/v1/labour/market/cells.csv?{encoded}",
        "sdmx": f"/api/v1/labour/market/cells.sdmx.csv?{encoded}",
    }


def market(request: HttpRequest) -> HttpResponse:
    """Map and table of one ISCO group in one month, the corridor opportunities, the definitions and thresholds."""
    filters = _filters(request)
    month = filters.get("month") or selectors.current_month()
    basis = filters.get("basis", "nationality")
    level = _int(filters.get("level"))
    group = filters.get("group") or None
    try:
        view = selectors.market_map(month=month, level=level, group=group, basis=basis)
        found = selectors.opportunity_matrix(month=month, level=view.level, basis=basis)
        months = selectors.measured_months()
    except DomainError as error:
        messages.error(request, str(error.message))
        view = selectors.market_map(month=selectors.current_month())
        found = []
        months = selectors.measured_months()
        month, basis = view.month, view.basis
    if month not in months:
        months = sorted({*months, month})
    country_url = reverse("labour:market_country", args=["CODE"])
    labels = _labels()
    map_data = {
        "topology": static("vendor/world-countries-110m.json"),
        "classification": {m49_code(c.country.m49): c.classification for c in view.cells},
        "tightness": {m49_code(c.country.m49): "inf" if c.no_supply else c.tightness for c in view.cells},
        "names": {m49_code(c.country.m49): c.country.name for c in view.cells},
        "links": {m49_code(c.country.m49): country_url.replace("CODE", c.country.iso3) for c in view.cells},
        "labels": {
            "classes": labels["classes"],
            "noData": _("No registered workers or open positions"),
            "tightness": _("Open positions per available worker"),
            "noSupply": _("no available worker"),
            "hidden": _("hidden (fewer than 3 workers)"),
        },
    }
    query = {"level": str(view.level), "start": month, "end": month, "basis": view.basis}
    if view.group:
        query["group"] = view.group.code
    context = {
        "view": view,
        "month": month,
        "months": months,
        "levels": [1, 2, 3, 4],
        "bases": labels["bases"],
        "class_labels": labels["classes"],
        "all_groups": selectors.isco_groups(view.level),
        "opportunities": found[:OPPORTUNITIES_SHOWN],
        "opportunities_more": max(len(found) - OPPORTUNITIES_SHOWN, 0),
        "thresholds": selectors.THRESHOLDS,
        "minimum_count": selectors.MINIMUM_COUNT,
        "map_data": map_data,
        "downloads": _downloads(query),
    }
    return render(request, "labour/measurement/market.html", context)


def market_country(request: HttpRequest, code: str) -> HttpResponse:
    """One country over time: supply by sex and open positions of a group (chart and table), every group in a month."""
    try:
        place = selectors.place(code)
    except NotFound as error:
        raise Http404(str(error.message)) from error
    filters = _filters(request)
    month = filters.get("month") or selectors.current_month()
    try:
        history = selectors.measure(
            level=_int(filters.get("level")),
            country=place.iso3,
            end=month,
            basis=filters.get("basis", "nationality"),
        )
    except DomainError as error:
        messages.error(request, str(error.message))
        history = selectors.measure(country=place.iso3)
        month = history.months[-1]
    activity: dict[str, int] = {}
    for cell in history.cells:
        activity[cell.occupation.code] = (
            activity.get(cell.occupation.code, 0) + cell.open_positions + (cell.supply.T or 0)
        )
    groups = sorted({c.occupation.code: c.occupation for c in history.cells}.values(), key=lambda g: g.code)
    wanted = filters.get("group")
    group = next((g for g in groups if g.code == wanted), None) or next(
        (g for g in groups if g.code == max(sorted(activity), key=lambda k: activity[k], default="")), None
    )
    series = [c for c in history.cells if group is not None and c.occupation.code == group.code]
    in_month = [c for c in history.cells if c.month == month]
    labels = _labels()
    chart_data = {
        "points": [
            {"month": c.month, "series": key, "value": value}
            for c in series
            for key, value in (("F", c.supply.F), ("M", c.supply.M), ("_T", c.supply.T), ("open", c.open_positions))
            if value is not None
        ],
        "labels": {
            "series": {**labels["sexes"], "open": _("Open positions")},
            "month": _("Month"),
        },
    }
    query = {"level": str(history.level), "country": place.iso3, "basis": history.basis}
    context = {
        "place": place,
        "history": history,
        "month": month,
        "months": history.months,
        "levels": [1, 2, 3, 4],
        "bases": labels["bases"],
        "class_labels": labels["classes"],
        "groups": groups,
        "group": group,
        "series": series,
        "in_month": in_month,
        "thresholds": selectors.THRESHOLDS,
        "minimum_count": selectors.MINIMUM_COUNT,
        "chart_data": chart_data,
        "downloads": _downloads(query),
    }
    return render(request, "labour/measurement/country.html", context)


urlpatterns: list[URLPattern | URLResolver] = [
    path("market/", market, name="market"),
    path("market/<str:code>/", market_country, name="market_country"),
]
