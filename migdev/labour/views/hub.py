"""The labour exchange's front page: what the exchange offers, and each signed-in role's own entry points."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, URLResolver, path

from migdev.accounts.models import Organisation
from migdev.labour.selectors.hub import exchange_summary


def hub(request: HttpRequest) -> HttpResponse:
    """Public figures of the exchange, then the sections for the roles the visitor holds."""
    user = request.user
    organisations = (
        list(user.organisations.filter(status=Organisation.Status.APPROVED).order_by("name"))
        if user.is_authenticated
        else []
    )
    context = {
        "summary": exchange_summary(),
        "is_worker": bool(getattr(user, "is_worker", False)),
        "is_official": bool(user.is_authenticated and user.official_countries.exists()),
        "is_steward": bool(getattr(user, "is_steward", False)),
        "employers": [o for o in organisations if o.kind == Organisation.Kind.EMPLOYER],
        "agencies": [
            o
            for o in organisations
            if o.kind in (Organisation.Kind.RECRUITMENT_AGENCY, Organisation.Kind.SENDING_AGENCY)
        ],
    }
    return render(request, "labour/hub.html", context)


urlpatterns: list[URLPattern | URLResolver] = [path("", hub, name="index")]
