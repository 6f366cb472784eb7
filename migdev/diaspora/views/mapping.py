"""The diaspora map pages: pick an origin country; its emigrants by destination and sex on a map, charts, table."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from migdev.core.errors import NotFound
from migdev.diaspora.selectors import mapping


def _sex_labels() -> dict[str, str]:
    return {"_T": _("Both sexes"), "M": _("Male"), "F": _("Female")}


def _m49(code: int) -> str:
    return f"{code:03d}"  # the world map's feature ids are zero-padded M49 codes


def map_index(request: HttpRequest) -> HttpResponse:
    """Pick an origin country (the form sends ?origin=ISO3)."""
    origin = request.GET.get("origin", "").strip()[:10]
    if origin:
        return redirect("diaspora:map", code=origin)
    return render(request, "diaspora/map_index.html", {"origins": mapping.origins()})


def diaspora_map(request: HttpRequest, code: str) -> HttpResponse:
    """Where the emigrants of one origin live: by sex, female share, growth, remittances (2017) where known."""
    try:
        data = mapping.diaspora_map(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    origin = data.origin
    year = request.GET.get("year", "")
    year = year if year in data.years else (data.latest_year or "")
    sex = request.GET.get("sex", "_T")
    sex = sex if sex in mapping.SEXES else "_T"
    first = data.first_year
    rows = [
        {
            "destination": d,
            "total": d.value(year),
            "male": d.value(year, "M"),
            "female": d.value(year, "F"),
            "female_share": d.female_share(year),
            "growth": mapping.growth(d.value(first or ""), d.value(year)) if first and first != year else None,
            "remittances": d.remittances,
        }
        for d in data.destinations
        if d.value(year) is not None or d.remittances is not None
    ]
    values = {_m49(d.m49): v for d in data.destinations if (v := d.value(year, sex)) is not None}
    title = _("Where the emigrants from %(area)s live, %(year)s") % {"area": origin.name, "year": year}
    profile_url = reverse("stats:profile", args=["CODE"])
    map_data = {
        "topology": static("vendor/world-countries-110m.json"),
        "values": values,
        "names": {_m49(d.m49): d.name for d in data.destinations},
        "links": {_m49(d.m49): profile_url.replace("CODE", d.iso3 or str(d.m49)) for d in data.destinations},
        "decimals": 0,
        "labels": {"title": title, "noData": _("No data"), "legend": _("Legend")},
    }
    chart_data = {
        "stock": [
            {"year": y, "sex": s, "value": data.totals[(y, s)]}
            for y in data.years
            for s in mapping.SEXES
            if (y, s) in data.totals
        ],
        "femaleShare": [
            {"year": y, "sex": "F", "value": share} for y in data.years if (share := data.female_share(y)) is not None
        ],
        "share": [],
        "labels": {"sexes": _sex_labels(), "year": _("Year"), "persons": _("persons"), "percent": _("per cent")},
    }
    code_used = origin.iso3 or str(origin.m49)
    context = {
        "origin": origin,
        "data": data,
        "year": year,
        "sex": sex,
        "sex_labels": _sex_labels(),
        "sex_label": _sex_labels()[sex],
        "rows": rows,
        "map_title": title,
        "map_data": map_data if values else None,
        "chart_data": chart_data,
        "totals": [
            {
                "year": y,
                "total": data.total(y),
                "male": data.total(y, "M"),
                "female": data.total(y, "F"),
                "female_share": data.female_share(y),
            }
            for y in data.years
        ],
        "csv_url": f"/api/v1/diaspora/map/{code_used}.csv",
        "api_url": f"/api/v1/diaspora/map/{code_used}",
        "growth_all": data.growth(),
        "growth_last": data.growth(data.years[-2]) if len(data.years) > 1 else None,
        "previous_year": data.years[-2] if len(data.years) > 1 else None,
    }
    return render(request, "diaspora/map.html", context)
