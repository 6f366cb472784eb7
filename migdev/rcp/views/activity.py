"""Meeting calendars and the secretariat's forms; good practices with faceted search and their forms."""

from itertools import groupby

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.core.models import Country
from migdev.rcp.forms import DocumentForm, MeetingForm, PracticeForm, upload_of
from migdev.rcp.models import GoodPractice, Meeting, Process
from migdev.rcp.selectors import activity as selectors
from migdev.rcp.selectors import processes as process_selectors
from migdev.rcp.services import activity as services
from migdev.rcp.themes import theme_label


def _param(request: HttpRequest, name: str) -> str:
    return request.GET.get(name, "")[:MAX_FILTER_LENGTH].strip()


def _calendar(request: HttpRequest, process: Process | None) -> HttpResponse:
    level = _param(request, "level")
    found = list(selectors.meetings(process=process.rcp_id if process else "", level=level))
    months = [(key, list(items)) for key, items in groupby(found, key=lambda m: m.start_date.strftime("%Y-%m"))]
    context = {
        "process": process,
        "months": months,
        "levels": Meeting.Level.choices,
        "level": level,
        "processes": Process.objects.order_by("name"),
        "editable": {m.pk for m in found if rules.has_perm("rcp.change_meeting", request.user, m)},
    }
    return render(request, "rcp/meetings.html", context)


def meetings(request: HttpRequest) -> HttpResponse:
    return _calendar(request, None)


@domain_errors_as_http
def process_meetings(request: HttpRequest, rcp_id: str) -> HttpResponse:
    return _calendar(request, process_selectors.process(rcp_id))


def _meeting_input(form: MeetingForm) -> services.MeetingInput:
    return services.MeetingInput(**form.cleaned_data)


@login_required
@domain_errors_as_http
def meeting_new(request: HttpRequest, rcp_id: str) -> HttpResponse:
    process = process_selectors.process(rcp_id)
    require_permission(services.create_meeting, request.user, process)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(signed_in(request), process, _meeting_input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Meeting added. You can now attach its outcome documents."))
            return redirect("rcp:meeting_edit", meeting_id=meeting.pk)
    return render(request, "rcp/meeting_form.html", {"form": form, "process": process, "meeting": None})


@login_required
@domain_errors_as_http
def meeting_edit(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting(meeting_id)
    require_permission(services.update_meeting, request.user, meeting)
    initial = {
        "title": meeting.title,
        "level": meeting.level,
        "start_date": meeting.start_date,
        "end_date": meeting.end_date,
        "place": meeting.place,
        "summary": meeting.summary,
    }
    uploading = request.method == "POST" and "file" in request.FILES
    form = MeetingForm(None if uploading else (request.POST or None), initial=initial)
    document_form = DocumentForm(request.POST if uploading else None, request.FILES if uploading else None)
    if uploading and document_form.is_valid():
        try:
            services.add_document(
                signed_in(request), meeting, document_form.cleaned_data["title"], document_form.upload()
            )
        except DomainError as error:
            add_domain_error(document_form, error)
        else:
            messages.success(request, _("Document attached."))
            return redirect("rcp:meeting_edit", meeting_id=meeting.pk)
    elif request.method == "POST" and not uploading and form.is_valid():
        try:
            services.update_meeting(signed_in(request), meeting, _meeting_input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("rcp:process_meetings", rcp_id=meeting.process.rcp_id)
    context = {"form": form, "document_form": document_form, "process": meeting.process, "meeting": meeting}
    return render(request, "rcp/meeting_form.html", context)


def practices(request: HttpRequest) -> HttpResponse:
    process, theme, country, query = (_param(request, n) for n in ("process", "theme", "country", "q"))
    year_raw = _param(request, "year")[:4]
    year = int(year_raw) if year_raw.isdigit() else None
    found = selectors.practices(process=process, theme=theme, country=country, year=year, query=query)
    facets = selectors.facets(found)
    names = process_selectors.names()
    countries = dict(Country.objects.filter(pk__in=list(facets["country"])).values_list("iso3", "name"))
    context = {
        "practices": found[:200],
        "facets": {
            "process": [(k, names.get(k, k), n) for k, n in sorted(facets["process"].items())],
            "theme": [(k, theme_label(k), n) for k, n in sorted(facets["theme"].items())],
            "country": [(k, countries.get(k, k), n) for k, n in sorted(facets["country"].items())],
            "year": [(k, k, n) for k, n in sorted(facets["year"].items(), reverse=True)],
        },
        "selected": {"process": process, "theme": theme, "country": country.upper(), "year": year_raw, "q": query},
        "can_add": rules.has_perm("rcp.contribute", request.user),
        "processes": Process.objects.order_by("name"),
    }
    return render(request, "rcp/practices.html", context)


@domain_errors_as_http
def practice_detail(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice = selectors.practice(practice_id)
    context = {
        "practice": practice,
        "themes": [(t, theme_label(t)) for t in practice.theme_list],
        "can_edit": rules.has_perm("rcp.change_goodpractice", request.user, practice),
    }
    return render(request, "rcp/practice_detail.html", context)


def _practice_input(form: PracticeForm) -> services.PracticeInput:
    data = form.cleaned_data
    return services.PracticeInput(
        title=data["title"],
        summary=data["summary"],
        outcome=data["outcome"],
        themes=list(data["themes"]),
        countries=[c.iso3 for c in data["countries"]],
        year=data["year"],
        evidence_url=data["evidence_url"],
        source=data["source"],
    )


@login_required
@domain_errors_as_http
def practice_new(request: HttpRequest, rcp_id: str) -> HttpResponse:
    process = process_selectors.process(rcp_id)
    require_permission(services.create_practice, request.user, process)
    form = PracticeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        evidence = upload_of(form.cleaned_data["evidence"]) if form.cleaned_data.get("evidence") else None
        try:
            practice = services.create_practice(signed_in(request), process, _practice_input(form), evidence)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Good practice added."))
            return redirect("rcp:practice", practice_id=practice.pk)
    return render(request, "rcp/practice_form.html", {"form": form, "process": process, "practice": None})


@login_required
@domain_errors_as_http
def practice_edit(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice: GoodPractice = selectors.practice(practice_id)
    require_permission(services.update_practice, request.user, practice)
    initial = {
        "title": practice.title,
        "summary": practice.summary,
        "outcome": practice.outcome,
        "themes": practice.theme_list,
        "countries": list(practice.countries.all()),
        "year": practice.year,
        "evidence_url": practice.evidence_url,
        "source": practice.source,
    }
    form = PracticeForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        evidence = upload_of(form.cleaned_data["evidence"]) if form.cleaned_data.get("evidence") else None
        try:
            services.update_practice(signed_in(request), practice, _practice_input(form), evidence)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("rcp:practice", practice_id=practice.pk)
    context = {"form": form, "process": practice.process, "practice": practice}
    return render(request, "rcp/practice_form.html", context)
