"""Development plan pages: the list, registering a plan, a plan with its checklist and results framework (filled from
the platform's data), and answering the checklist with evidence."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.policy import checklist
from migdev.policy.forms import PlanChecklistForm, PlanForm
from migdev.policy.selectors import plans as selectors
from migdev.policy.selectors import results_framework
from migdev.policy.services import plans as services
from migdev.policy.views.common import kept_countries, require_country_keeper


def plan_list(request: HttpRequest) -> HttpResponse:
    found = [(p, selectors.coverage(p)) for p in selectors.plans()[:500]]
    context = {"rows": found, "can_add": kept_countries(request.user) != [], "source": checklist.SOURCE}
    return render(request, "policy/plan_list.html", context)


@login_required
@domain_errors_as_http
def plan_new(request: HttpRequest) -> HttpResponse:
    form = PlanForm(request.POST or None, countries=require_country_keeper(request))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        country = data.pop("country")
        try:
            item = services.register_plan(signed_in(request), country, services.PlanInput(**data))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The plan is registered: assess its migration chapter."))
            return redirect("policy:plan_assess", plan_id=item.pk)
    return render(request, "policy/form.html", {"form": form, "title": _("Register a development plan")})


@domain_errors_as_http
def plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    item = selectors.plan(plan_id)
    framework = results_framework.results_framework(item.country_id)
    context = {
        "plan": item,
        "rows": selectors.checklist_rows(item),
        "coverage": selectors.coverage(item),
        "framework": framework,
        "framework_coverage": results_framework.coverage(framework),
        "context_figures": results_framework.context_figures(item.country_id),
        "can_edit": rules.has_perm("policy.change_developmentplan", request.user, item),
        "source": checklist.SOURCE,
    }
    return render(request, "policy/plan_detail.html", context)


@login_required
@domain_errors_as_http
def plan_assess(request: HttpRequest, plan_id: int) -> HttpResponse:
    item = selectors.plan(plan_id)
    require_permission(services.assess_plan, request.user, item)
    initial = {}
    for row in selectors.checklist_rows(item):
        if row.answer:
            initial[f"rating_{row.item.key}"] = row.answer.rating
            initial[f"evidence_{row.item.key}"] = row.answer.evidence
    form = PlanChecklistForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        answers = {
            i.key: services.ItemAnswer(data[f"rating_{i.key}"], data[f"evidence_{i.key}"])
            for i in checklist.ITEMS
            if data[f"rating_{i.key}"]
        }
        try:
            services.assess_plan(signed_in(request), item, answers)
        except DomainError as error:
            if error.field and f"evidence_{error.field}" in form.fields:
                form.add_error(f"evidence_{error.field}", str(error.message))
            else:
                add_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("policy:plan", plan_id=item.pk)
    return render(request, "policy/plan_assess.html", {"form": form, "plan": item, "source": checklist.SOURCE})
