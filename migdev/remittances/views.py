"""Remittance cost pages: the global dashboard (SDG 10.c.1), corridor comparison, country pages, methodology,
and a steward's upload of a new quarter."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from migdev.accounts.rules import require_permission
from migdev.accounts.views import domain_errors_as_http, signed_in
from migdev.core.errors import NotFound
from migdev.core.models import Country
from migdev.remittances import selectors, services
from migdev.remittances.adapters import Value
from migdev.remittances.forms import CorridorForm, PriceUploadForm


def _downloads() -> list[tuple[str, str]]:
    """The indicator tables offered as CSV and SDMX-CSV (api/downloads.py), with their labels."""
    return [
        ("global-average", _("Global Average")),
        ("weighted-average", _("Weighted by 2017 flows")),
        ("regional-average", _("Average cost by receiving region")),
        ("provider-type", _("Average cost by provider type")),
        ("instrument", _("Average cost by product")),
        ("sending-country", _("Average cost by sending country")),
        ("receiving-country", _("Average cost by receiving country")),
        ("corridor-average", _("Corridor averages")),
        ("smart", _("SmaRT by corridor")),
    ]


def _labels() -> dict[str, str]:
    return {
        "percent": _("% of the amount sent"),
        "period": _("Quarter"),
        "target": _("SDG target: 3 %"),
        "noData": _("No data"),
        "legend": _("Legend"),
    }


def _series(key: str, label: str, rows: list) -> dict[str, object]:
    return {"key": key, "label": label, "points": [{"period": v.period, "value": round(v.value, 4)} for v in rows]}


def index(request: HttpRequest) -> HttpResponse:
    """Global dashboard: SDG 10.c.1 tracker, averages over time by region and provider type, corridors above 5 %."""
    periods = selectors.periods()
    if not periods:
        return render(request, "remittances/index.html", {"periods": []})
    period = request.GET.get("period", "")
    period = period if period in periods else periods[-1]
    sdg = selectors.sdg_series()
    status = next(s for s in sdg if s.period == period)
    regions = selectors.region_names()
    by_region: dict[str, list] = {}
    for value in selectors.regional_averages():
        by_region.setdefault(value.group[0], []).append(value)
    types = selectors.provider_type_labels()
    by_type: dict[str, list] = {}
    for value in selectors.category_averages("provider_type"):
        by_type.setdefault(value.group[0], []).append(value)
    names = selectors.country_names()
    above = sorted((s for s in selectors.smart_values(period) if s.above_limit), key=lambda s: -(s.value or 0))
    chart_data = {
        "sdg": [
            _series("global", _("Global Average"), selectors.global_series()),
            _series("weighted", _("Weighted by 2017 flows"), selectors.weighted_averages()),
        ],
        "regions": [_series(code, regions.get(code, code), rows) for code, rows in sorted(by_region.items())],
        "types": [_series(code, types.get(code, code), rows) for code, rows in sorted(by_type.items())],
        "target": 3.0,
        "labels": _labels(),
    }
    context = {
        "periods": periods,
        "period": period,
        "status": status,
        "sdg": sdg,
        "region_rows": [(regions.get(v.group[0], v.group[0]), v) for v in selectors.regional_averages(period)],
        "type_rows": [
            (types.get(v.group[0], v.group[0]), v) for v in selectors.category_averages("provider_type", period)
        ],
        "above": [(names.get(s.sending, s.sending), names.get(s.receiving, s.receiving), s) for s in above],
        "chart_data": chart_data,
        "map_data": _smart_map(above, period),
        "downloads": _downloads(),
        "senders": sorted({(names.get(c[0], c[0]), c[0]) for c in selectors.corridors()}),
        "receivers": sorted({(names.get(c[1], c[1]), c[1]) for c in selectors.corridors()}),
    }
    return render(request, "remittances/index.html", context)


def _smart_map(above: list[selectors.Smart], period: str) -> dict[str, object]:
    """Receiving countries coloured by how many of their corridors have a SmaRT above 5 % (stats/map.js)."""
    counts: dict[str, int] = {}
    for row in above:
        counts[row.receiving] = counts.get(row.receiving, 0) + 1
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=counts)}
    link = reverse("remittances:country", args=["CODE"])
    values = {f"{countries[c].m49:03d}": n for c, n in counts.items() if c in countries}
    title = _("Corridors with a SmaRT above 5 %%, by receiving country, %(period)s") % {"period": period}
    return {
        "topology": static("vendor/world-countries-110m.json"),
        "values": values,
        "names": {f"{c.m49:03d}": c.name for c in countries.values()},
        "links": {f"{c.m49:03d}": link.replace("CODE", c.iso3) for c in countries.values()},
        "decimals": 0,
        "labels": {"title": title, "noData": _("No corridor above 5 %"), "legend": _("Legend")},
    }


def corridor(request: HttpRequest) -> HttpResponse:
    """Compare every provider of a corridor for USD 200 and USD 500, cheapest first, and the corridor's trend."""
    names = selectors.country_names()
    corridors = selectors.corridors()
    senders = sorted({(s, names.get(s, s)) for s, _r, _n in corridors}, key=lambda c: c[1])
    receivers = sorted({(r, names.get(r, r)) for _s, r, _n in corridors}, key=lambda c: c[1])
    periods = selectors.periods()
    form = CorridorForm(request.GET or None, senders, receivers, periods)
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        sending, receiving = form.cleaned_data["sending"], form.cleaned_data["receiving"]
        series = selectors.corridor_series(sending, receiving)
        surveyed = [v.period for v in series] or [
            p for p in periods if selectors.quotes(p, sending, receiving).exists()
        ]
        period = form.cleaned_data["period"] or (surveyed[-1] if surveyed else "")
        published = list(selectors.published_series(sending, receiving))
        context |= {
            "sending": sending,
            "receiving": receiving,
            "sending_name": names.get(sending, sending),
            "receiving_name": names.get(receiving, receiving),
            "period": period,
            "surveyed": surveyed,
            "services": selectors.corridor_services(sending, receiving, period) if period else [],
            "average": next((v for v in series if v.period == period), None),
            "smart": next(iter(selectors.smart_values(period, sending, receiving)), None) if period else None,
            "chart_data": {
                "trend": [
                    _series("ours", _("Corridor average (MigDev, from the quotes)"), series),
                    {
                        "key": "published",
                        "label": _("Corridor average published by the World Bank"),
                        "points": [{"period": p.period, "value": p.value} for p in published],
                    },
                ],
                "target": 3.0,
                "labels": _labels(),
            },
        }
    return render(request, "remittances/corridor.html", context)


def country(request: HttpRequest, code: str) -> HttpResponse:
    """What it costs to send money from and to a country, corridor by corridor, in the latest quarter surveyed."""
    iso3 = code.upper()
    try:
        name = selectors.country_name(iso3)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    names = selectors.country_names()
    latest: dict[tuple[str, ...], Value] = {}
    for value in selectors.corridor_averages():
        if iso3 in value.group:
            latest[value.group] = value  # rows come oldest first, so the last one kept is the latest
    sending = sorted((v for k, v in latest.items() if k[0] == iso3), key=lambda v: v.value)
    receiving = sorted((v for k, v in latest.items() if k[1] == iso3), key=lambda v: v.value)
    send_series = selectors.sending_country_averages(country=iso3)
    receive_series = selectors.receiving_country_averages(country=iso3)
    context = {
        "iso3": iso3,
        "name": name,
        "from_rows": [(names.get(v.group[1], v.group[1]), v) for v in sending],
        "to_rows": [(names.get(v.group[0], v.group[0]), v) for v in receiving],
        "chart_data": {
            "trend": [
                _series("from", _("Sending from %(country)s") % {"country": name}, send_series),
                _series("to", _("Sending to %(country)s") % {"country": name}, receive_series),
            ],
            "target": 3.0,
            "labels": _labels(),
        },
        "has_data": bool(sending or receiving),
    }
    return render(request, "remittances/country.html", context)


def methodology(request: HttpRequest) -> HttpResponse:
    return render(request, "remittances/methodology.html", {"imports": selectors.price_imports()})


@login_required
@domain_errors_as_http
def upload(request: HttpRequest) -> HttpResponse:
    """A steward uploads a quarter of RPW prices; a job checks it whole and stores it whole or not at all, and this
    page shows how each upload went (it reloads itself while one is still being checked)."""
    require_permission(services.upload_prices, request.user)
    form = PriceUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        queued = services.upload_prices(signed_in(request), upload_file.chunks(), upload_file.name)
        messages.success(
            request,
            _("%(file)s is being checked: its rows are read in the background, and the result shows below.")
            % {"file": queued.file_name},
        )
        return redirect("remittances:upload")
    uploads = list(selectors.price_uploads()[:20])
    context = {
        "form": form,
        "uploads": uploads,
        "checking": any(u.unfinished for u in uploads),
        "imports": selectors.price_imports(),
    }
    return render(request, "remittances/upload.html", context)
