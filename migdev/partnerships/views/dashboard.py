"""The room's front page: the dashboards of commitments, with charts drawn from the same counts as the tables."""

import rules
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from migdev.partnerships.selectors import dashboard as selectors
from migdev.partnerships.selectors import registry


def _chart(bars: list[selectors.Bar], limit: int = 30) -> list[dict[str, object]]:
    return [{"label": b.label, "value": b.total} for b in bars if b.total][:limit]


def index(request: HttpRequest) -> HttpResponse:
    board = selectors.dashboard()
    charts = {
        "labels": {"value": _("commitments")},
        "objective": _chart(board.by_objective),
        "kind": _chart(board.by_partner_kind),
        "country": _chart(board.by_country, 20),
        "rcp": _chart(board.by_rcp, 20),
    }
    context = {
        "board": board,
        "charts": charts,
        "can_pledge": bool(registry.pledgers_of(request.user)),
        "can_import": rules.has_perm("partnerships.import_commitments", request.user),
    }
    return render(request, "partnerships/index.html", context)
