"""Project pages: the list (and its CSV), the library, a project with its stage progress, its facts, history and
evidence."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation
from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError, PermissionDenied
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.impact import screening, services
from migdev.impact.dimensions import DIMENSION_LABELS, STAGE_CHOICES, STAGE_LABELS, STAGES, band_labels
from migdev.impact.forms import EvidenceForm, ProjectForm
from migdev.impact.models import Project
from migdev.impact.selectors import projects as selectors
from migdev.impact.views.access import actions_for, sign_in_when_hidden

CSV_COLUMNS = [
    "id", "title", "sector", "country", "places", "budget", "currency", "start_date", "end_date", "proponent",
    "reviewer", "ministry", "stage", "status", "screening_outcome", "updated_at",
]  # fmt: skip


def _param(request: HttpRequest, name: str) -> str:
    return request.GET.get(name, "")[:MAX_FILTER_LENGTH].strip()


def _filtered(request: HttpRequest) -> tuple[dict[str, str], list[Project]]:
    filters = {name: _param(request, name) for name in ("stage", "status", "country", "q")}
    return filters, list(selectors.projects(request.user, **filters)[:500])


def _proponents(request: HttpRequest) -> object:
    user = request.user
    if not user.is_authenticated:
        return Organisation.objects.none()
    if getattr(user, "is_steward", False):
        return Organisation.objects.filter(status="approved").order_by("name")
    return Organisation.objects.filter(status="approved", memberships__user=user).order_by("name")


def index(request: HttpRequest) -> HttpResponse:
    filters, found = _filtered(request)
    context = {
        "projects": found,
        "filters": filters,
        "stages": STAGE_CHOICES,
        "statuses": Project.Status.choices,
        "can_create": _proponents(request).exists(),  # type: ignore[attr-defined]
    }
    return render(request, "impact/index.html", context)


def projects_csv(request: HttpRequest) -> HttpResponse:
    _filters, found = _filtered(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="impact-projects.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for p in found:
        row = [
            p.pk, p.title, p.sector, p.country_id, p.places, p.budget, p.currency_id, p.start_date, p.end_date,
            p.proponent.name, p.reviewer.name if p.reviewer else "", p.ministry, p.stage, p.status,
            p.screening_outcome, p.updated_at.isoformat(timespec="seconds"),
        ]  # fmt: skip
        writer.writerow([_cell(v) for v in row])
    return response


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # no formulas in spreadsheets


def library(request: HttpRequest) -> HttpResponse:
    context = {
        "items": selectors.screening_items(),
        "measures": selectors.measures(),
        "indicators": selectors.monitoring_indicators(),
        "dimensions": DIMENSION_LABELS,
        "high_risk": screening.HIGH_RISK,
        "process_items": screening.PROCESS_ITEMS,
        "full_at": screening.FULL_AT,
        "bands": band_labels(),
    }
    return render(request, "impact/library.html", context)


@login_required
@domain_errors_as_http
def project_new(request: HttpRequest) -> HttpResponse:
    proponents = _proponents(request)
    if not proponents.exists():  # type: ignore[attr-defined]
        raise PermissionDenied(_("Only members of an approved organisation may propose a project."))
    form = ProjectForm(request.POST or None, proponents=proponents)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(
                signed_in(request), form.cleaned_data["proponent"], services.ProjectInput(**form.values())
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Project created. Start with the screening."))
            return redirect("impact:project", project_id=project.pk)
    return render(request, "impact/project_form.html", {"form": form, "project": None})


@login_required
@domain_errors_as_http
def project_edit(request: HttpRequest, project_id: int) -> HttpResponse:
    project = selectors.project(project_id, request.user)
    require_permission(services.update_project, request.user, project)
    initial = {
        "title": project.title, "sector": project.sector, "country": project.country_id, "places": project.places,
        "description": project.description, "budget": project.budget, "currency": project.currency_id or "",
        "start_date": project.start_date, "end_date": project.end_date, "ministry": project.ministry,
        "reviewer": project.reviewer_id,
    }  # fmt: skip
    form = ProjectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_project(signed_in(request), project, services.ProjectInput(**form.values()))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Project saved."))
            return redirect("impact:project", project_id=project.pk)
    return render(request, "impact/project_form.html", {"form": form, "project": project})


@sign_in_when_hidden
@domain_errors_as_http
def project_detail(request: HttpRequest, project_id: int) -> HttpResponse:
    project = selectors.project(project_id, request.user)
    latest = selectors.latest_versions(project)
    current = STAGES.index(project.stage)
    progress = [
        {
            "code": code,
            "label": label,
            "state": "done" if i < current else ("current" if i == current else "todo"),
            "version": latest.get(code),
        }
        for i, (code, label) in enumerate(STAGE_CHOICES)
    ]
    actions = actions_for(request.user, project, latest)
    context = {
        "project": project,
        "progress": progress,
        "actions": actions,
        "evidence": list(selectors.evidence(project)),
        "evidence_form": EvidenceForm(initial={"stage": project.stage}) if actions.evidence else None,
        "stage_label": STAGE_LABELS[project.stage],
    }
    return render(request, "impact/project.html", context)


@sign_in_when_hidden
@domain_errors_as_http
def history(request: HttpRequest, project_id: int) -> HttpResponse:
    project = selectors.project(project_id, request.user)
    stage = _param(request, "stage")
    versions = list(selectors.history(project, stage if stage in STAGES else ""))
    context = {"project": project, "versions": versions, "stages": STAGE_CHOICES, "stage": stage}
    return render(request, "impact/history.html", context)


@login_required
@domain_errors_as_http
def evidence_add(request: HttpRequest, project_id: int) -> HttpResponse:
    project = selectors.project(project_id, request.user)
    require_permission(services.add_evidence, request.user, project)
    form = EvidenceForm(request.POST or None, request.FILES or None, initial={"stage": project.stage})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_evidence(
                signed_in(request),
                project,
                form.cleaned_data["stage"],
                form.cleaned_data["title"],
                form.upload(),
                form.cleaned_data["item"].strip().upper(),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Document attached."))
            return redirect("impact:project", project_id=project.pk)
    return render(request, "impact/evidence_form.html", {"form": form, "project": project})


@sign_in_when_hidden
@domain_errors_as_http
def evidence_document(request: HttpRequest, evidence_id: int) -> HttpResponse:
    found = selectors.evidence_document(evidence_id, request.user)
    response = HttpResponse(bytes(found.content), content_type=found.content_type)
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
