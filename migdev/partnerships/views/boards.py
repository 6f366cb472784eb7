"""Advisory board pages: the public list and a board with its members, meetings and recommendations; stewards create
boards; stewards and the board's secretaries edit it, seat and unseat members, record meetings with their minutes,
and recommendations with their follow-up."""

from typing import Any

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from migdev.accounts.models import User
from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.partnerships.forms import BoardForm, MeetingForm, MemberForm, RecommendationForm
from migdev.partnerships.models import AdvisoryBoard, BoardMeeting, Recommendation
from migdev.partnerships.selectors import registry as selectors
from migdev.partnerships.services import boards as services
from migdev.partnerships.services.documents import MAX_DOCUMENT_BYTES, Document


def _is_steward(user: Any) -> bool:
    return isinstance(user, User) and (user.is_steward or user.is_superuser)


def board_list(request: HttpRequest) -> HttpResponse:
    context = {
        "boards": list(selectors.boards()),
        "can_create": rules.has_perm("partnerships.add_advisoryboard", request.user),
    }
    return render(request, "partnerships/board_list.html", context)


@domain_errors_as_http
def board_detail(request: HttpRequest, board_id: int) -> HttpResponse:
    board = selectors.board_by_id(board_id)
    context = {"board": board, "can_edit": rules.has_perm("partnerships.change_advisoryboard", request.user, board)}
    return render(request, "partnerships/board_detail.html", context)


def _board_input(data: dict[str, Any]) -> services.BoardInput:
    """A secretary's form has no secretariat field: the board keeps its secretariat."""
    secretariat = data["secretariat"].pk if data.get("secretariat") else None
    return services.BoardInput(
        data["name"],
        data["mandate"],
        data["established"],
        data["website"],
        secretariat,
        keep_secretariat="secretariat" not in data,
    )


@login_required
@domain_errors_as_http
def board_create(request: HttpRequest) -> HttpResponse:
    require_permission(services.create_board, request.user)
    form = BoardForm(request.POST or None, steward=True)
    if request.method == "POST" and form.is_valid():
        try:
            board = services.create_board(signed_in(request), _board_input(form.cleaned_data))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The board is created."))
            return redirect("partnerships:board_detail", board_id=board.pk)
    return render(request, "partnerships/board_form.html", {"form": form, "board": None})


@login_required
@domain_errors_as_http
def board_edit(request: HttpRequest, board_id: int) -> HttpResponse:
    board = selectors.board_by_id(board_id)
    require_permission(services.update_board, request.user, board)
    initial = {
        "name": board.name,
        "mandate": board.mandate,
        "established": board.established,
        "website": board.website,
        "secretariat": board.secretariat_id,
    }
    form = BoardForm(request.POST or None, initial=initial, steward=_is_steward(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_board(signed_in(request), board, _board_input(form.cleaned_data))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("partnerships:board_detail", board_id=board.pk)
    return render(request, "partnerships/board_form.html", {"form": form, "board": board})


@login_required
@domain_errors_as_http
def member_add(request: HttpRequest, board_id: int) -> HttpResponse:
    board = selectors.board_by_id(board_id)
    require_permission(services.add_member, request.user, board)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        partner = data["partner"].pk if data["partner"] else None
        try:
            services.add_member(
                signed_in(request),
                board,
                services.MemberInput(data["role"], partner, data["person_name"], data["since"], data["until"]),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The member is added."))
            return redirect("partnerships:board_detail", board_id=board.pk)
    return render(request, "partnerships/board_part_form.html", _part(form, board, _("Add a board member")))


@login_required
@require_POST
@domain_errors_as_http
def member_remove(request: HttpRequest, board_id: int, board_member_id: int) -> HttpResponse:
    board = selectors.board_by_id(board_id)
    services.remove_member(signed_in(request), board, board_member_id)
    messages.success(request, _("The member is removed."))
    return redirect("partnerships:board_detail", board_id=board.pk)


def _part(form: Any, board: AdvisoryBoard, title: str, upload: bool = False) -> dict[str, Any]:
    return {"form": form, "board": board, "title": title, "upload": upload}


def _meeting_input(form: MeetingForm) -> services.MeetingInput:
    data = form.cleaned_data
    upload = data["minutes"]
    minutes = Document(str(upload.name), upload.read(MAX_DOCUMENT_BYTES + 1)) if upload else None
    return services.MeetingInput(data["date"], data["place"], data["agenda"], data["summary"], minutes)


def _save_meeting(request: HttpRequest, board: AdvisoryBoard, meeting: BoardMeeting | None) -> HttpResponse:
    initial = {}
    if meeting is not None:
        initial = {"date": meeting.date, "place": meeting.place, "agenda": meeting.agenda, "summary": meeting.summary}
    form = MeetingForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if meeting is None:
                services.record_meeting(signed_in(request), board, _meeting_input(form))
            else:
                services.update_meeting(signed_in(request), board, meeting, _meeting_input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The meeting is recorded."))
            return redirect("partnerships:board_detail", board_id=board.pk)
    title = _("Record a meeting") if meeting is None else _("Change the meeting")
    return render(request, "partnerships/board_part_form.html", _part(form, board, title, upload=True))


@login_required
@domain_errors_as_http
def meeting_create(request: HttpRequest, board_id: int) -> HttpResponse:
    board = selectors.board_by_id(board_id)
    require_permission(services.record_meeting, request.user, board)
    return _save_meeting(request, board, None)


@login_required
@domain_errors_as_http
def meeting_edit(request: HttpRequest, board_id: int, board_meeting_id: int) -> HttpResponse:
    board = selectors.board_by_id(board_id)
    require_permission(services.update_meeting, request.user, board)
    return _save_meeting(request, board, selectors.meeting_of(board, board_meeting_id))


def _save_recommendation(
    request: HttpRequest, board: AdvisoryBoard, recommendation: Recommendation | None
) -> HttpResponse:
    initial: dict[str, Any] = {"follow_up": Recommendation.FollowUp.OPEN}
    if recommendation is not None:
        initial = {
            "title": recommendation.title,
            "text": recommendation.text,
            "meeting": recommendation.meeting_id,
            "adopted": recommendation.adopted,
            "follow_up": recommendation.follow_up,
            "commitments": list(recommendation.commitments.all()),
        }
    form = RecommendationForm(request.POST or None, initial=initial, board=board)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = services.RecommendationInput(
            data["title"],
            data["text"],
            data["adopted"],
            [c.pk for c in data["commitments"]],
            data["meeting"].pk if data["meeting"] else None,
            data["follow_up"],
        )
        try:
            if recommendation is None:
                services.add_recommendation(signed_in(request), board, values)
            else:
                services.update_recommendation(signed_in(request), board, recommendation, values)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The recommendation is recorded."))
            return redirect("partnerships:board_detail", board_id=board.pk)
    title = _("Record a recommendation") if recommendation is None else _("Follow up the recommendation")
    return render(request, "partnerships/board_part_form.html", _part(form, board, title))


@login_required
@domain_errors_as_http
def recommendation_create(request: HttpRequest, board_id: int) -> HttpResponse:
    board = selectors.board_by_id(board_id)
    require_permission(services.add_recommendation, request.user, board)
    return _save_recommendation(request, board, None)


@login_required
@domain_errors_as_http
def recommendation_edit(request: HttpRequest, board_id: int, recommendation_id: int) -> HttpResponse:
    board = selectors.board_by_id(board_id)
    require_permission(services.update_recommendation, request.user, board)
    return _save_recommendation(request, board, selectors.recommendation_of(board, recommendation_id))
