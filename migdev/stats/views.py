"""Statistics pages: the world map with its data table, area search, and country profiles."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from migdev.core.caching import cached
from migdev.core.errors import NotFound
from migdev.stats import selectors
from migdev.stats.exports import m49_code
from migdev.stats.models import Area


def _sex_labels() -> dict[str, str]:
    return {"_T": _("Both sexes"), "M": _("Male"), "F": _("Female")}


def _country_names_and_links() -> tuple[dict[str, str], dict[str, str]]:
    """Every country's name (in the active language) and profile link, keyed by zero-padded M49."""
    profile_url = reverse("stats:profile", args=["CODE"])
    countries = list(selectors.areas(Area.Kind.COUNTRY))
    names = {m49_code(a.m49): a.name for a in countries}
    links = {m49_code(a.m49): profile_url.replace("CODE", a.iso3 or str(a.m49)) for a in countries}
    return names, links


def _map_data(values: dict[int, float], decimals: int, title: str) -> dict[str, object]:
    """What map.js needs: values, names and profile links keyed by zero-padded M49, translated labels."""
    names, links = cached("stats:country-names-links", _country_names_and_links)
    return {
        "topology": static("vendor/world-countries-110m.json"),
        "values": {m49_code(m49): value for m49, value in values.items()},
        "names": names,
        "links": links,
        "decimals": decimals,
        "labels": {"title": title, "noData": _("No data"), "legend": _("Legend")},
    }


def index(request: HttpRequest) -> HttpResponse:
    """World map of one indicator in one year, the same figures as a table, and every area."""
    choices = [i for i in selectors.indicators() if not i.bilateral]
    by_code = {i.code: i for i in choices}
    indicator = by_code.get(request.GET.get("indicator", ""), by_code.get(selectors.STOCK))
    if indicator is None:  # nothing loaded yet
        return render(request, "stats/index.html", {"indicators": []})
    years = selectors.periods(indicator)
    year = request.GET.get("year", "")
    year = year if year in years else (years[-1] if years else "")
    sex = request.GET.get("sex", "_T")
    sex = sex if sex in ("_T", "M", "F") else "_T"
    values = selectors.map_values(indicator.code, year, sex)
    all_areas = list(selectors.areas())
    countries = [a for a in all_areas if a.kind == "country"]
    aggregates = [a for a in all_areas if a.kind == "aggregate"]
    rows = [{"area": a, "value": values[a.m49]} for a in sorted(countries, key=lambda a: a.name) if a.m49 in values]
    map_data = _map_data(values, indicator.decimals, f"{indicator.name}, {year}")
    context = {
        "indicators": choices,
        "indicator": indicator,
        "years": years,
        "year": year,
        "sex": sex,
        "sex_labels": _sex_labels(),
        "sex_label": _sex_labels()[sex],
        "rows": rows,
        "countries": sorted(countries, key=lambda a: a.name),
        "aggregates": aggregates,
        "map_data": map_data,
    }
    return render(request, "stats/index.html", context)


def search(request: HttpRequest) -> HttpResponse:
    """Go to the profile of the area named or coded in `q` (name, ISO3 or M49)."""
    query = request.GET.get("q", "").strip()
    if query:
        for area in selectors.areas():
            if query.casefold() in (area.name.casefold(), area.iso3.casefold(), str(area.m49)):
                return redirect("stats:profile", code=area.iso3 or str(area.m49))
        messages.error(request, _("No country or area matches “%(query)s”.") % {"query": query})
    return redirect("stats:index")


def profile(request: HttpRequest, code: str) -> HttpResponse:
    """Migration profile: immigrant stock by sex, shares, population, top origins and destinations."""
    try:
        data = selectors.country_profile(code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    area = data.area
    area_code = area.iso3 or str(area.m49)
    years = sorted({p.year for p in data.immigrant_stock})
    stock = {(p.year, p.sex): p.value for p in data.immigrant_stock}
    share = {(p.year, p.sex): p.value for p in data.share_of_population}
    female = {p.year: p.value for p in data.female_share}
    population = {(p.year, p.sex): p.value for p in data.population}
    table = [
        {
            "year": year,
            "total": stock.get((year, "_T")),
            "male": stock.get((year, "M")),
            "female": stock.get((year, "F")),
            "female_share": female.get(year),
            "share": share.get((year, "_T")),
            "population": population.get((year, "_T")),
        }
        for year in years
    ]
    sex_labels = _sex_labels()
    chart_data = {
        "stock": [{"year": p.year, "sex": p.sex, "value": p.value} for p in data.immigrant_stock],
        "femaleShare": [{"year": p.year, "sex": p.sex, "value": p.value} for p in data.female_share],
        "share": [{"year": p.year, "sex": p.sex, "value": p.value} for p in data.share_of_population],
        "labels": {
            "sexes": sex_labels,
            "year": _("Year"),
            "persons": _("persons"),
            "percent": _("per cent"),
        },
    }
    api = "/api/v1/stats/series/"
    downloads = [
        {
            "label": label,
            "csv": f"{api}{indicator}.csv?{filt}",
            "sdmx": f"{api}{indicator}.sdmx.csv?{filt}",
        }
        for label, indicator, filt in (
            (_("Immigrant stock by sex"), selectors.STOCK, f"area={area_code}"),
            (_("Female share of immigrants"), selectors.FEMALE_SHARE, f"area={area_code}"),
            (_("Immigrants as a share of the population"), selectors.STOCK_SHARE, f"area={area_code}"),
            (_("Population"), selectors.POPULATION, f"area={area_code}"),
            (_("Immigrants by country of origin"), selectors.BILATERAL, f"area={area_code}"),
            (_("Emigrants by country of destination"), selectors.BILATERAL, f"counterpart={area_code}"),
        )
    ]
    map_kind = "origins" if request.GET.get("map") == "origins" else "diaspora"
    map_year, partner_values = selectors.partner_map_values(area, origins=map_kind == "origins")
    map_title = (
        _("Where the immigrants in %(area)s were born, %(year)s")
        if map_kind == "origins"
        else _("Where the emigrants from %(area)s live, %(year)s")
    ) % {"area": area.name, "year": map_year}
    context = {
        "map_kind": map_kind,
        "map_title": map_title,
        "map_data": _map_data(partner_values, 0, map_title) if partner_values else None,
        "profile": data,
        "area": area,
        "latest": table[-1] if table else None,
        "table": table,
        "chart_data": chart_data,
        "downloads": downloads,
        "sources": {s.code: s for s in data.sources},
    }
    return render(request, "stats/profile.html", context)
