"""Navigation to every room that exists, for the base layout."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

ROOMS = [
    ("stats:index", _("Statistics")),
    ("labour:index", _("Labour mobility")),
    ("law:index", _("Migration law")),
    ("remittances:index", _("Remittance costs")),
    ("diaspora:index", _("Diaspora")),
    ("rcp:index", _("Consultative processes")),
    ("partnerships:index", _("Partnerships")),
    ("policy:index", _("Migration policy")),
    ("impact:index", _("Impact assessment")),
    ("corridors:index", _("Corridors")),
]


def navigation(request: HttpRequest) -> dict[str, object]:
    """The rooms in the main navigation, with the one being shown marked current."""
    items = []
    for url_name, label in ROOMS:
        url = reverse(url_name)
        items.append({"url": url, "label": label, "current": request.path.startswith(url)})
    return {"nav_rooms": items}
