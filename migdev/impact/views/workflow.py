"""Workflow pages: each drafted stage's form (every save a new version), moving on, review, decision, monitoring,
and the Migration Impact Statement as HTML and PDF."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.impact import screening, services, statement_pdf
from migdev.impact.dimensions import (
    DIMENSION_CHOICES,
    DRAFT_STAGES,
    LEVEL_LABELS,
    RATING_LABELS,
    STAGE_LABELS,
    band_labels,
)
from migdev.impact.forms import DecisionForm, MonitoringForm, ReviewForm
from migdev.impact.models import Project
from migdev.impact.selectors import projects as selectors
from migdev.impact.statement import build
from migdev.impact.views.access import sign_in_when_hidden

BLANK_ROWS = 3
MAX_FORM_ROWS = 60


def _rows(post: QueryDict, prefix: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows posted as `<prefix>-<n>-<field>`, in order, up to MAX_FORM_ROWS."""
    rows = []
    for n in range(MAX_FORM_ROWS):
        if not any(f"{prefix}-{n}-{name}" in post for name in fields):
            continue
        rows.append({name: post.get(f"{prefix}-{n}-{name}", "") for name in fields})
    return rows


def _posted(stage: str, post: QueryDict, items: list[str]) -> dict[str, Any]:
    """The posted form as the service's raw output of the stage."""
    if stage == "screening":
        return {
            "answers": {
                code: {"answer": post.get(f"answer-{code}", ""), "evidence": post.get(f"evidence-{code}", "")}
                for code in items
            }
        }
    if stage == "scoping":
        stakeholders = _rows(post, "stakeholder", ("name", "group", "consulted"))
        return {
            "dimensions": post.getlist("dimensions"),
            "origins": post.get("origins", ""),
            "destinations": post.get("destinations", ""),
            "places": post.get("places", ""),
            "stakeholders": [{**s, "consulted": bool(s["consulted"])} for s in stakeholders],
            "consultations": _rows(post, "consultation", ("date", "participants", "method", "summary")),
        }
    if stage == "prediction":
        fields = ("dimension", "direction", "description", "magnitude", "likelihood", "sensitivity")
        return {"impacts": _rows(post, "impact", fields)}
    if stage == "mitigation":
        return {
            "measures": _rows(post, "measure", ("impact", "measure", "text", "responsible")),
            "indicators": _rows(post, "indicator", ("indicator", "frequency", "responsible", "target")),
        }
    if stage == "statement":
        return {"summary": post.get("summary", "")}
    return {"notes": post.get("notes", "")}


def _padded(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list(rows) + [{} for _n in range(BLANK_ROWS)]


def _stage_context(project: Project, stage: str, data: dict[str, Any]) -> dict[str, Any]:
    latest = selectors.latest_versions(project)
    context: dict[str, Any] = {"data": data}
    if stage == "screening":
        answers = data.get("answers", {})
        context["items"] = [(item, answers.get(item.code, {})) for item in selectors.screening_items()]
        context["rules"] = {"high_risk": screening.HIGH_RISK, "process": screening.PROCESS_ITEMS}
        context["full_at"] = screening.FULL_AT
    elif stage == "scoping":
        context["dimensions"] = DIMENSION_CHOICES
        context["chosen"] = set(data.get("dimensions", []))
        context["stakeholders"] = _padded(data.get("stakeholders", []))
        context["consultations"] = _padded(data.get("consultations", []))
        for side in ("origins", "destinations"):
            value = data.get(side, [])
            context[side] = value if isinstance(value, str) else ", ".join(value)
    elif stage == "prediction":
        scope = latest["scoping"].data.get("dimensions", []) if "scoping" in latest else []
        context["dimensions"] = [(c, label) for c, label in DIMENSION_CHOICES if c in scope] or DIMENSION_CHOICES
        context["impacts"] = _padded(data.get("impacts", []))
        context["ratings"] = RATING_LABELS
    elif stage == "significance":
        rated = latest["significance"].data.get("impacts", []) if "significance" in latest else []
        context["rated"] = [{**i, "level_label": LEVEL_LABELS.get(i["level"], "")} for i in rated]
        context["bands"] = band_labels()
    elif stage == "mitigation":
        context["rated"] = latest["significance"].data.get("impacts", []) if "significance" in latest else []
        context["library"] = selectors.measures()
        context["indicator_library"] = selectors.monitoring_indicators()
        measures = [{**m, "impact_key": str(m.get("impact", ""))} for m in data.get("measures", [])]
        context["measures"] = _padded(measures)
        context["indicators"] = _padded(data.get("indicators", []))
    elif stage == "baseline":
        context["baseline"] = build(project)
    return context


@login_required
@domain_errors_as_http
def stage_form(request: HttpRequest, project_id: int, stage: str) -> HttpResponse:
    if stage not in DRAFT_STAGES:
        raise Http404(_("No such stage."))
    project = selectors.project(project_id, request.user)
    require_permission(services.save_stage, request.user, project)
    latest = selectors.latest_versions(project).get(stage)
    data: dict[str, Any] = dict(latest.data) if latest else {}
    error: DomainError | None = None
    if request.method == "POST":
        items = [i.code for i in selectors.screening_items()] if stage == "screening" else []
        raw = _posted(stage, request.POST, items)
        try:
            services.save_stage(signed_in(request), project, stage, raw)
        except DomainError as failure:
            error, data = failure, raw
        else:
            messages.success(request, _("Saved as a new version."))
            return redirect("impact:project", project_id=project.pk)
    context = {
        "project": project,
        "stage": stage,
        "stage_label": STAGE_LABELS[stage],
        "version": latest,
        "error": error,
        **_stage_context(project, stage, data),
    }
    return render(request, f"impact/stages/{stage}.html", context, status=400 if error else 200)


@login_required
@require_POST
@domain_errors_as_http
def advance(request: HttpRequest, project_id: int) -> HttpResponse:
    project = selectors.project(project_id, request.user)
    try:
        services.advance(signed_in(request), project)
    except DomainError as error:
        if error.status in (403, 404):
            raise
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The project moved on to: %(stage)s.") % {"stage": STAGE_LABELS[project.stage]})
    return redirect("impact:project", project_id=project.pk)


STEPS = {
    "review": (
        gettext_lazy("Review the statement"),
        gettext_lazy(
            "Read the whole statement below. Adequate sends it to the country official for decision; a revision "
            "request sends it back to the proponent (say what to change)."
        ),
    ),
    "decision": (
        gettext_lazy("Decide on the statement"),
        gettext_lazy(
            "The reviewer found this statement adequate. Approve it, approve it with conditions (one a line), or "
            "refuse it, with your reasons."
        ),
    ),
    "monitoring": (
        gettext_lazy("Add a monitoring update"),
        gettext_lazy(
            "A dated value of one indicator of the monitoring plan. Every update is kept, so the project is followed "
            "over time."
        ),
    ),
}


def _step(request: HttpRequest, project: Project, form: Any, step: str, run: Any) -> HttpResponse:
    """A step after the statement (review, decision, monitoring): its form above the whole statement."""
    if request.method == "POST" and form.is_valid():
        try:
            run(form)
        except DomainError as error:
            if error.status in (403, 404):
                raise
            add_domain_error(form, error)
        else:
            messages.success(request, _("Recorded."))
            return redirect("impact:project", project_id=project.pk)
    heading, intro = STEPS[step]
    context = {"project": project, "form": form, "statement": build(project), "step": step}
    return render(request, "impact/step.html", context | {"heading": heading, "intro": intro})


@login_required
@domain_errors_as_http
def review(request: HttpRequest, project_id: int) -> HttpResponse:
    project = selectors.project(project_id, request.user)
    require_permission(services.record_review, request.user, project)

    def run(form: ReviewForm) -> None:
        data = form.cleaned_data
        services.record_review(signed_in(request), project, data["verdict"], data["comments"])

    return _step(request, project, ReviewForm(request.POST or None), "review", run)


@login_required
@domain_errors_as_http
def decision(request: HttpRequest, project_id: int) -> HttpResponse:
    project = selectors.project(project_id, request.user)
    require_permission(services.record_decision, request.user, project)

    def run(form: DecisionForm) -> None:
        data = form.cleaned_data
        services.record_decision(signed_in(request), project, data["outcome"], data["reasons"], form.condition_list())

    return _step(request, project, DecisionForm(request.POST or None), "decision", run)


@login_required
@domain_errors_as_http
def monitoring(request: HttpRequest, project_id: int) -> HttpResponse:
    project = selectors.project(project_id, request.user)
    require_permission(services.add_monitoring_update, request.user, project)
    plan = selectors.latest_versions(project).get("mitigation")
    names = {i.code: i.name for i in selectors.monitoring_indicators()}
    planned = [row["indicator"] for row in plan.data.get("indicators", [])] if plan else []
    form = MonitoringForm(request.POST or None, indicators=[(c, names.get(c, c)) for c in planned])

    def run(form: MonitoringForm) -> None:
        data = form.cleaned_data
        services.add_monitoring_update(
            signed_in(request), project, data["indicator"], data["date"], data["value"], data["note"]
        )

    return _step(request, project, form, "monitoring", run)


@sign_in_when_hidden
@domain_errors_as_http
def statement(request: HttpRequest, project_id: int) -> HttpResponse:
    project = selectors.project(project_id, request.user)
    built = build(project)
    return render(request, "impact/statement.html", {"project": project, "statement": built, "bands": band_labels()})


@sign_in_when_hidden
@domain_errors_as_http
def statement_pdf_view(request: HttpRequest, project_id: int) -> HttpResponse:
    project = selectors.project(project_id, request.user)
    data = statement_pdf.render(build(project))
    response = HttpResponse(data, content_type="application/pdf")
    language = (get_language() or "en")[:2]
    response["Content-Disposition"] = f'inline; filename="migration-impact-statement-{project.pk}-{language}.pdf"'
    return response
