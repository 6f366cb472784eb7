"""The room's front page, the crosswalk page and the CSV downloads."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from migdev.accounts.views import domain_errors_as_http
from migdev.core.models import Country, GcmObjective
from migdev.policy import exports, frameworks
from migdev.policy.selectors import assessments, capacity, coherence, plans
from migdev.policy.views.common import kept_countries


def index(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "").strip()[:3]
    if code:
        return redirect("policy:country", code=code.upper())
    kept = kept_countries(request.user)
    context = {
        "own": list(Country.objects.filter(pk__in=kept).order_by("name")) if kept else [],
        "countries": coherence.countries_with_records(),
        "published": assessments.comparison(),
        "plans": list(plans.plans()[:20]),
        "groups": list(coherence.working_groups()[:20]),
        "open_requests": capacity.requests(status="open").count(),
        "bands": frameworks.BAND_LABELS,
        "keeps": kept != [],
        "offers": bool(capacity.offering_organisations(request.user)),
    }
    return render(request, "policy/index.html", context)


def crosswalk(request: HttpRequest) -> HttpResponse:
    objectives = {o.number: o for o in GcmObjective.objects.all()}
    rows = [
        (
            row,
            [
                (sub, [objectives[n] for n in row.objectives[sub.sub_id] if n in objectives])
                for sub in row.domain.subcategories
            ],
        )
        for row in frameworks.crosswalk()
    ]
    return render(request, "policy/crosswalk.html", {"rows": rows, "migof": frameworks.migof()})


def download(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in exports.KINDS:
        raise Http404()
    response = HttpResponse(exports.as_csv(exports.KINDS[kind]()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="policy-{kind}.csv"'
    return response


@domain_errors_as_http
def results_framework_csv(request: HttpRequest, code: str) -> HttpResponse:
    country = coherence.country(code)
    response = HttpResponse(
        exports.as_csv(exports.results_framework_rows(country.pk)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="results-framework-{country.pk}.csv"'
    return response
