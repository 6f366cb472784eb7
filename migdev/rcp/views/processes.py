"""Process pages: the list grouped by type, one process's facts, a country's processes on a map, the overlaps."""

from itertools import groupby
from typing import Any

import rules
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language

from migdev.accounts.views import domain_errors_as_http
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.core.models import Country
from migdev.rcp.models import FactChange, Member, Process
from migdev.rcp.selectors import activity
from migdev.rcp.selectors import processes as selectors
from migdev.rcp.services import facts
from migdev.rcp.themes import THEMES, theme_label

# The facts of the fact sheet, in order, with the stored facts whose history each shows.
FACTS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "acronyms": ("acronyms",),
    "kind": ("kind", "kind_note"),
    "region": ("region",),
    "formal_association": ("formal_association",),
    "established_year": ("established_year", "established_note"),
    "status": ("status",),
    "objectives": ("objectives",),
    "thematic_focus": ("thematic_focus",),
    "theme_tags": ("theme_tags",),
    "chair_history": ("chair_history",),
    "secretariat": ("secretariat",),
    "member_count_reported": ("member_count_reported", "member_count_as_of"),
    "observers_summary": ("observers_summary",),
    "official_site": ("official_site",),
    "iom_page": ("iom_page",),
    "uncertain": ("uncertain",),
}
NOT_TEXT = {"kind", "established_year", "theme_tags", "official_site", "iom_page"}


def _param(request: HttpRequest, name: str) -> str:
    return request.GET.get(name, "")[:MAX_FILTER_LENGTH].strip()


def index(request: HttpRequest) -> HttpResponse:
    kind, theme, country, query = (_param(request, n) for n in ("type", "theme", "country", "q"))
    if country and len(country) == 3 and request.GET.get("go") == "country":
        return redirect("rcp:country", iso3=country.upper())
    found = list(selectors.processes(kind=kind, theme=theme, country=country, query=query))
    labels = dict(Process.Kind.choices)
    groups = [(labels.get(k, k), list(items)) for k, items in groupby(found, key=lambda p: p.kind)]
    context = {
        "groups": groups,
        "count": len(found),
        "kinds": Process.Kind.choices,
        "themes": sorted(THEMES.items(), key=lambda item: str(item[1])),
        "countries": Country.objects.filter(iso3__in=Member.objects.values("country_id")).order_by("name"),
        "kind": kind,
        "theme": theme,
        "country": country.upper(),
        "q": query,
    }
    return render(request, "rcp/index.html", context)


def _facts(process: Process, history: list[FactChange]) -> list[dict[str, Any]]:
    """Each fact with its label, value, doubt, latest correction (its source and date) and history."""
    language = (get_language() or "en").split("-")[0]
    by_field: dict[str, list[FactChange]] = {}
    for change in history:
        by_field.setdefault(change.field, []).append(change)
    out = []
    for fact, fields in FACTS.items():
        changes = sorted((c for f in fields for c in by_field.get(f, [])), key=lambda c: (c.changed_at, c.pk))[::-1]
        value: Any = getattr(process, fact)
        if fact == "kind":
            value = process.get_kind_display()  # type: ignore[attr-defined]
        translated = fact in facts.TRANSLATED
        out.append(
            {
                "field": fact,
                "label": facts.CORRECTABLE[fact],
                "value": value,
                "english": fact not in NOT_TEXT
                and (not translated or (language != "en" and not getattr(process, f"{fact}_{language}", None))),
                "uncertain": process.is_uncertain(fact),
                "correction": next((c for c in changes if c.kind == FactChange.Kind.CORRECTION), None),
                "history": changes,
                "also": [(f, facts.CORRECTABLE[f]) for f in fields[1:] if f in facts.CORRECTABLE],
            }
        )
    return out


@domain_errors_as_http
def process_detail(request: HttpRequest, rcp_id: str) -> HttpResponse:
    process = selectors.process(rcp_id)
    members = list(process.members.all())
    role_labels = dict(Member.Role.choices)
    by_role = [(role_labels.get(r, r), list(items)) for r, items in groupby(members, key=lambda m: m.role)]
    history = list(selectors.history(process))
    context = {
        "process": process,
        "facts": _facts(process, history),
        "can_correct": rules.has_perm("rcp.correct_fact", request.user, process),
        "themes": [(t, theme_label(t)) for t in process.themes],
        "by_role": by_role,
        "members_uncertain": process.is_uncertain("members"),
        "past_only": bool(members)
        and all(m.role.endswith("_2002") for m in members if m.entity_type != "organization"),
        "sources": selectors.sources(sorted(set(process.sources) | {c for m in members for c in m.sources})),
        "history": history[:50],
        "similar": selectors.similar_to(process),
        "meetings": activity.meetings(process=process.rcp_id),
        "practices": activity.practices(process=process.rcp_id),
        "map_data": _map_data({m.country.m49 for m in members if m.country}, members),
        "can_add": rules.has_perm("rcp.add_meeting", request.user, process),
    }
    return render(request, "rcp/process_detail.html", context)


def _map_data(highlighted: set[int], members: list[Member]) -> dict[str, Any]:
    """What rcp/map.js needs: the highlighted countries by zero-padded M49, their names and pages."""
    names = {f"{m.country.m49:03d}": m.country.name for m in members if m.country}
    link = reverse("rcp:country", args=["CODE"])
    links = {f"{m.country.m49:03d}": link.replace("CODE", m.country.iso3) for m in members if m.country}
    return {
        "topology": static("vendor/world-countries-110m.json"),
        "highlighted": sorted(f"{code:03d}" for code in highlighted),
        "names": names,
        "links": links,
    }


@domain_errors_as_http
def country(request: HttpRequest, iso3: str) -> HttpResponse:
    place = selectors.country(iso3)
    memberships = list(selectors.memberships_of(place.iso3))
    chosen = _param(request, "process")
    shown = next((m.process for m in memberships if m.process.rcp_id == chosen), None)
    if shown is not None:
        members = list(shown.members.select_related("country"))
    else:
        members = list(Member.objects.filter(process__in=[m.process for m in memberships]).select_related("country"))
    map_data = _map_data({m.country.m49 for m in members if m.country}, members)
    map_data["selected"] = f"{place.m49:03d}"
    context = {
        "country": place,
        "memberships": memberships,
        "role_labels": dict(Member.Role.choices),
        "chosen": shown,
        "map_data": map_data,
        "practices": activity.practices(country=place.iso3)[:50],
    }
    return render(request, "rcp/country.html", context)


def countries(request: HttpRequest) -> HttpResponse:
    """Every country with the number of processes it takes part in, on a world map shaded by that number."""
    rows = selectors.country_counts()
    link = reverse("rcp:country", args=["CODE"])
    taking_part = [r for r in rows if r.processes]
    map_data = {
        "topology": static("vendor/world-countries-110m.json"),
        "highlighted": [],
        "values": {f"{r.country.m49:03d}": r.processes for r in taking_part},
        "names": {f"{r.country.m49:03d}": r.country.name for r in rows},
        "links": {f"{r.country.m49:03d}": link.replace("CODE", r.country.iso3) for r in rows},
    }
    context = {
        "rows": rows,
        "taking_part": len(taking_part),
        "most": max((r.processes for r in rows), default=0),
        "map_data": map_data,
    }
    return render(request, "rcp/countries.html", context)


def overlaps(request: HttpRequest) -> HttpResponse:
    found = selectors.all_overlaps()
    names = selectors.names()
    network = {
        "nodes": [{"id": rcp_id, "name": name} for rcp_id, name in sorted(names.items())],
        "links": [{"source": o.first, "target": o.second, "weight": round(o.jaccard, 4)} for o in found],
        "urls": {rcp_id: reverse("rcp:process", args=[rcp_id]) for rcp_id in names},
    }
    rows = [
        {**o.__dict__, "first_name": names.get(o.first, o.first), "second_name": names.get(o.second, o.second)}
        for o in found[:200]
    ]
    context = {"overlaps": rows, "network": network, "total": len(found)}
    return render(request, "rcp/overlaps.html", context)
