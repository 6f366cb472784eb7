"""SDG 10.7.2 pages: the list, the form (30 answers with evidence), a self-assessment with its score, band, chart by
domain and gaps, publishing, and the comparison of published self-assessments."""

from typing import Any

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.policy import frameworks
from migdev.policy.forms import SelfAssessmentForm
from migdev.policy.selectors import assessments as selectors
from migdev.policy.services import assessments as services
from migdev.policy.views.common import kept_countries, require_country_keeper


def _answers(form: SelfAssessmentForm) -> dict[str, services.Answer]:
    data = form.cleaned_data
    return {
        s.sub_id: services.Answer(float(data[f"code_{s.sub_id}"]), data[f"evidence_{s.sub_id}"])
        for s in frameworks.subcategories()
    }


def _show_error(form: SelfAssessmentForm, error: DomainError) -> None:
    if error.field and f"code_{error.field}" in form.fields:
        form.add_error(f"code_{error.field}", str(error.message))
    else:
        add_domain_error(form, error)


def assessment_list(request: HttpRequest) -> HttpResponse:
    found = selectors.visible_to(request.user).order_by("country__name", "-year")
    rows = [(a, selectors.score_of(a)) for a in found[:500]]
    context = {"rows": rows, "bands": frameworks.BAND_LABELS, "can_add": kept_countries(request.user) != []}
    return render(request, "policy/assessment_list.html", context)


@login_required
@domain_errors_as_http
def assessment_new(request: HttpRequest) -> HttpResponse:
    countries = require_country_keeper(request)
    form = SelfAssessmentForm(request.POST or None, countries=countries)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.create_assessment(
                signed_in(request),
                form.cleaned_data["country"],
                form.cleaned_data["year"],
                _answers(form),
                form.cleaned_data["note"],
            )
        except DomainError as error:
            _show_error(form, error)
        else:
            messages.success(
                request, _("The self-assessment is saved. Only your country's officials see it until you publish it.")
            )
            return redirect("policy:assessment", self_assessment_id=item.pk)
    return render(request, "policy/assessment_form.html", {"form": form, "item": None})


@login_required
@domain_errors_as_http
def assessment_edit(request: HttpRequest, self_assessment_id: int) -> HttpResponse:
    item = selectors.assessment(request.user, self_assessment_id)
    require_permission(services.update_assessment, request.user, item)
    initial: dict[str, Any] = {"note": item.note}
    for answer in item.answers.all():
        initial[f"code_{answer.sub_id}"] = format(answer.code.normalize(), "f")
        initial[f"evidence_{answer.sub_id}"] = answer.evidence
    form = SelfAssessmentForm(request.POST or None, initial=initial, new=False)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_assessment(signed_in(request), item, _answers(form), form.cleaned_data["note"])
        except DomainError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("policy:assessment", self_assessment_id=item.pk)
    return render(request, "policy/assessment_form.html", {"form": form, "item": item})


@domain_errors_as_http
def assessment(request: HttpRequest, self_assessment_id: int) -> HttpResponse:
    item = selectors.assessment(request.user, self_assessment_id)
    score = selectors.score_of(item)
    answers = {a.sub_id: a for a in item.answers.all()}
    domains = [
        (d, score.domains[d.number] if score else None, [(s, answers.get(s.sub_id)) for s in d.subcategories])
        for d in frameworks.domains()
    ]
    chart = (
        [{"label": f"{d.number}. {d.name}", "value": score.domains[d.number]} for d in frameworks.domains()]
        if score
        else []
    )
    context = {
        "item": item,
        "score": score,
        "band": frameworks.BAND_LABELS.get(score.band) if score else None,
        "domains": domains,
        "chart": chart,
        "gaps": selectors.gaps(item),
        "history": selectors.history(request.user, item.country_id),
        "bands": frameworks.BAND_LABELS,
        "can_edit": rules.has_perm("policy.change_selfassessment", request.user, item),
        "source": frameworks.SOURCE_10_7_2,
    }
    return render(request, "policy/assessment_detail.html", context)


@login_required
@require_POST
@domain_errors_as_http
def assessment_publish(request: HttpRequest, self_assessment_id: int) -> HttpResponse:
    item = selectors.assessment(request.user, self_assessment_id)
    published = request.POST.get("published", "1") == "1"
    services.set_published(signed_in(request), item, published)
    messages.success(request, _("Published.") if published else _("Withdrawn from publication."))
    return redirect("policy:assessment", self_assessment_id=item.pk)


def comparison(request: HttpRequest) -> HttpResponse:
    asked = [c.strip() for c in request.GET.get("countries", "")[:MAX_FILTER_LENGTH].split(",") if c.strip()]
    found = selectors.comparison(asked[:60])
    chart = [{"label": c.assessment.country.name, "value": c.score.overall} for c in found]
    context = {"rows": found, "chart": chart, "bands": frameworks.BAND_LABELS, "domains": frameworks.domains()}
    return render(request, "policy/comparison.html", context)
