"""Reads of the organisations and initiatives registry (public)."""

from django.db.models import Count, Prefetch, Q, QuerySet

from migdev.core.errors import NotFound
from migdev.core.models import GcmObjective
from migdev.diaspora.models import DiasporaOrganisation, Initiative


def _initiatives() -> QuerySet[Initiative]:
    return Initiative.objects.select_related("country", "diaspora_organisation__organisation").prefetch_related(
        "gcm_objectives"
    )


def organisations(origin: str = "", residence: str = "", query: str = "") -> QuerySet[DiasporaOrganisation]:
    """Diaspora organisations of approved account organisations, with their initiatives, by name."""
    found = (
        DiasporaOrganisation.objects.filter(organisation__status="approved")
        .select_related("organisation", "origin", "residence")
        .prefetch_related(Prefetch("initiatives", queryset=_initiatives()))
        .annotate(n_initiatives=Count("initiatives"))
    )
    if origin:
        found = found.filter(origin_id=origin.upper()[:3])
    if residence:
        found = found.filter(residence_id=residence.upper()[:3])
    if query:
        found = found.filter(Q(organisation__name__icontains=query[:100]) | Q(focus__icontains=query[:100]))
    return found.order_by("organisation__name")


def organisation_entry(entry_id: int) -> DiasporaOrganisation:
    found = organisations().filter(pk=entry_id).first() if 0 < entry_id < 2**31 else None
    if found is None:
        raise NotFound(f"No diaspora organisation {entry_id}", field="entry_id")
    return found


def initiatives(kind: str = "", objective: int | None = None, country: str = "") -> QuerySet[Initiative]:
    found = _initiatives().filter(diaspora_organisation__organisation__status="approved")
    if kind:
        found = found.filter(kind=kind[:20])
    if objective is not None:
        found = found.filter(gcm_objectives__number=objective)
    if country:
        found = found.filter(country_id=country.upper()[:3])
    return found.distinct().order_by("title", "pk")


def initiative_by_id(initiative_id: int) -> Initiative:
    found = initiatives().filter(pk=initiative_id).first() if 0 < initiative_id < 2**31 else None
    if found is None:
        raise NotFound(f"No initiative {initiative_id}", field="initiative_id")
    return found


def gcm_objectives() -> QuerySet[GcmObjective]:
    """The 23 GCM objectives, with how many initiatives serve each."""
    return GcmObjective.objects.annotate(n_initiatives=Count("diaspora_initiatives")).order_by("number")
