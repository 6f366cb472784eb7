"""Labour exchange pages: matching. A vacancy's ranked candidates with explanations (and invitations), a worker's
recommended vacancies, and officials' allocation runs of a scheme's season (start, progress, review, adjust, confirm).

Thin: each view parses a form, calls one service or selector, and renders.
"""

import rules
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, URLResolver, path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from migdev.accounts.views import domain_errors_as_http, signed_in
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.labour.forms import add_domain_error
from migdev.labour.models import MatchRun
from migdev.labour.selectors import matching as selectors
from migdev.labour.selectors import registry as registry_selectors
from migdev.labour.services import matching as services
from migdev.labour.views.registry import invite_from_form


class RunForm(forms.Form):
    season = forms.IntegerField(label=gettext_lazy("Season (year)"), min_value=2000, max_value=2100)
    min_score = forms.FloatField(
        label=gettext_lazy("Minimum score of a pair"),
        min_value=0.0,
        max_value=2.0,
        initial=0.0,
        required=False,
        help_text=gettext_lazy("Pairs scoring less are not allocated (0 keeps every eligible pair)."),
    )
    min_female_share = forms.FloatField(
        label=gettext_lazy("Minimum share of women among placements (0 to 1)"),
        min_value=0.0,
        max_value=1.0,
        required=False,
    )

    def parameters(self) -> dict[str, float]:
        found = {"min_score": self.cleaned_data.get("min_score") or 0.0}
        if self.cleaned_data.get("min_female_share") is not None:
            found["min_female_share"] = self.cleaned_data["min_female_share"]
        return found


@login_required
@domain_errors_as_http
def vacancy_shortlist(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    """Ranked candidates with explanations; the employer invites one from here."""
    user = signed_in(request)
    vacancy = registry_selectors.vacancy_by_id(user, vacancy_id)
    form, invited = invite_from_form(request, user, vacancy)
    if invited:
        return redirect("labour:vacancy_shortlist", vacancy_id=vacancy.pk)
    return render(
        request,
        "labour/matching/shortlist.html",
        {"vacancy": vacancy, "shortlist": selectors.vacancy_shortlist(user, vacancy), "form": form},
    )


@login_required
@domain_errors_as_http
def my_recommendations(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    worker = registry_selectors.worker_profile_of(user)
    if worker is None:
        messages.info(request, _("Open your worker profile first."))
        return redirect("labour:my_profile")
    recommendations = selectors.worker_recommendations(user, worker)
    why_none = [] if recommendations else selectors.why_no_recommendation(user, worker)
    return render(
        request,
        "labour/matching/recommendations.html",
        {"worker": worker, "recommendations": recommendations, "why_none": why_none},
    )


@login_required
@domain_errors_as_http
def matching_home(request: HttpRequest) -> HttpResponse:
    """The schemes whose seasons the official may allocate."""
    return render(
        request,
        "labour/matching/home.html",
        {"schemes": registry_selectors.schemes_managed_by(signed_in(request))},
    )


@login_required
@domain_errors_as_http
def match_runs(request: HttpRequest, scheme_id: int) -> HttpResponse:
    """A scheme's runs, and the form that starts one."""
    user = signed_in(request)
    scheme = selectors.scheme_for_matching(user, scheme_id)
    form = RunForm(request.POST or None, initial={"season": timezone.localdate().year + 1})
    if request.method == "POST" and form.is_valid():
        try:
            run = services.start_match_run(user, scheme, form.cleaned_data["season"], form.parameters())
        except PermissionDenied:
            raise
        except DomainError as error:
            add_domain_error(form, error)
        else:
            return redirect("labour:match_run", run_id=run.pk)
    return render(
        request,
        "labour/matching/runs.html",
        {"scheme": scheme, "runs": selectors.runs_of_scheme(user, scheme), "form": form},
    )


@login_required
@domain_errors_as_http
def match_run(request: HttpRequest, run_id: int) -> HttpResponse:
    """Review a run: assignments with scores and explanations, greedy beside it, dual prices."""
    user = signed_in(request)
    review = selectors.run_review(user, selectors.run_by_id(user, run_id))
    can_rerun = review.run.status == MatchRun.Status.FAILED and (
        rules.has_perm("labour.run_matching", user, review.run) or user.is_superuser
    )
    context = {
        "review": review,
        "run": review.run,
        "can_rerun": can_rerun,
        "waiting_for_worker": selectors.waiting_for_a_worker(review.run),
    }
    return render(request, "labour/matching/run.html", context)


@login_required
@domain_errors_as_http
def match_run_status(request: HttpRequest, run_id: int) -> HttpResponse:
    """The progress fragment, polled by htmx while the run is queued or running."""
    run = selectors.run_by_id(signed_in(request), run_id)
    context = {"run": run, "waiting_for_worker": selectors.waiting_for_a_worker(run)}
    response = render(request, "labour/matching/_status.html", context)
    if run.status not in (MatchRun.Status.QUEUED, MatchRun.Status.RUNNING):
        response["HX-Refresh"] = "true"  # reload the page once, to show the result
    return response


@require_POST
@login_required
@domain_errors_as_http
def match_assignment(request: HttpRequest, run_id: int, assignment_id: int, action: str) -> HttpResponse:
    user = signed_in(request)
    run = selectors.run_by_id(user, run_id)
    assignment = selectors.assignment_of(user, run, assignment_id)
    try:
        if action == "remove":
            services.remove_assignment(user, assignment)
        elif action == "restore":
            services.restore_assignment(user, assignment)
        else:
            raise NotFound(_("Unknown action."), field="action")
    except (NotFound, PermissionDenied):
        raise
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("labour:match_run", run_id=run.pk)


@require_POST
@login_required
@domain_errors_as_http
def match_run_confirm(request: HttpRequest, run_id: int) -> HttpResponse:
    user = signed_in(request)
    run = selectors.run_by_id(user, run_id)
    try:
        done = services.confirm_match_run(user, run)
    except PermissionDenied:
        raise
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        offered = sum(1 for a in done if a.placement_id)
        refused = len(done) - offered
        messages.success(
            request, _("%(offered)s offers made, %(refused)s refused.") % {"offered": offered, "refused": refused}
        )
    return redirect("labour:match_run", run_id=run.pk)


@require_POST
@login_required
@domain_errors_as_http
def match_run_rerun(request: HttpRequest, run_id: int) -> HttpResponse:
    """Start a failed run again; the new run's page shows its progress."""
    user = signed_in(request)
    run = selectors.run_by_id(user, run_id)
    try:
        again = services.rerun_match_run(user, run)
    except PermissionDenied:
        raise
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("labour:match_run", run_id=run.pk)
    messages.success(request, _("Run #%(old)s is being re-run as run #%(new)s.") % {"old": run.pk, "new": again.pk})
    return redirect("labour:match_run", run_id=again.pk)


urlpatterns: list[URLPattern | URLResolver] = [
    path("vacancies/<int:vacancy_id>/candidates/ranked/", vacancy_shortlist, name="vacancy_shortlist"),
    path("worker/recommendations/", my_recommendations, name="my_recommendations"),
    path("official/matching/", matching_home, name="matching_home"),
    path("official/schemes/<int:scheme_id>/runs/", match_runs, name="match_runs"),
    path("official/runs/<int:run_id>/", match_run, name="match_run"),
    path("official/runs/<int:run_id>/status/", match_run_status, name="match_run_status"),
    path("official/runs/<int:run_id>/confirm/", match_run_confirm, name="match_run_confirm"),
    path("official/runs/<int:run_id>/rerun/", match_run_rerun, name="match_run_rerun"),
    path(
        "official/runs/<int:run_id>/assignments/<int:assignment_id>/<slug:action>/",
        match_assignment,
        name="match_assignment",
    ),
]
