"""Pages of the diaspora room, by part: mapping, registry, experts, survey; and the room's front page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from migdev.diaspora.selectors import experts as expert_selectors
from migdev.diaspora.selectors import mapping as map_selectors


def index(request: HttpRequest) -> HttpResponse:
    """The room's front page: the map, the registries, the expert exchange and the survey."""
    context = {
        "origins": map_selectors.origins(),
        "expert": expert_selectors.expert_of(request.user),
        "institutions": expert_selectors.institutions_of(request.user),
    }
    return render(request, "diaspora/index.html", context)
