"""The engagement survey: the form (any language) and the aggregated results (groups under 5 withheld)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from migdev.accounts.views import add_domain_error
from migdev.core.errors import DomainError
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.diaspora import survey
from migdev.diaspora.forms import SurveyForm
from migdev.diaspora.selectors import survey as selectors
from migdev.diaspora.services import survey as services


def survey_form(request: HttpRequest) -> HttpResponse:
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        answer = services.SurveyAnswer(
            origin=data["origin"].pk,
            residence=data["residence"].pk,
            sex=data["sex"],
            attachment=data["attachment"],
            contribute_time=data["contribute_time"],
            contribute_money=data["contribute_money"],
            channels=data["channels"],
            barriers=data["barriers"],
            motives=data["motives"],
            language=(get_language() or "en").split("-")[0],
        )
        try:
            services.answer_survey(request.user, answer)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Thank you: your answers have been recorded anonymously."))
            return redirect("diaspora:survey_results")
    return render(request, "diaspora/survey_form.html", {"form": form, "min_cell": survey.MIN_CELL})


def survey_results(request: HttpRequest) -> HttpResponse:
    breakdown = request.GET.get("breakdown", "origin")[:MAX_FILTER_LENGTH]
    origin = request.GET.get("origin", "")[:MAX_FILTER_LENGTH]
    found = selectors.results(breakdown, origin=origin)
    questions = [
        ("contribute_time", _("Willing to contribute time"), survey.WILLINGNESS),
        ("contribute_money", _("Willing to contribute money"), survey.WILLINGNESS),
        ("channels", _("Preferred channels"), survey.CHANNELS),
        ("barriers", _("Barriers"), survey.BARRIERS),
        ("motives", _("Motives"), survey.MOTIVES),
    ]
    tables = [
        {
            "code": code,
            "title": title,
            "answers": [(key, label) for key, label in choices.items()],
            "rows": [(g, [getattr(g, code)[key] for key in choices]) for g in found.groups],
        }
        for code, title, choices in questions
    ]
    chart = {
        "groups": [g.name for g in found.groups],
        "series": [
            {"label": str(label), "values": [g.motives[key] for g in found.groups]}
            for key, label in survey.MOTIVES.items()
        ],
        "labels": {"percent": _("% of respondents")},
    }
    query = f"breakdown={found.breakdown}" + (f"&origin={origin}" if origin else "")
    context = {
        "results": found,
        "breakdowns": survey.BREAKDOWNS,
        "tables": tables,
        "chart": chart,
        "csv_url": f"/api/v1/diaspora/survey/results.csv?{query}",
        "origin": origin,
    }
    return render(request, "diaspora/survey_results.html", context)
