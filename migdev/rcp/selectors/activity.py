"""Reads of meetings, outcome documents and good practices."""

from datetime import date

from django.db.models import Q, QuerySet

from migdev.core.errors import NotFound
from migdev.rcp.models import Document, GoodPractice, Meeting


def meetings(process: str = "", level: str = "", upcoming: bool = False) -> QuerySet[Meeting]:
    found = Meeting.objects.select_related("process").prefetch_related("documents").order_by("start_date", "pk")
    if process:
        found = found.filter(process__rcp_id=process)
    if level:
        found = found.filter(level=level)
    if upcoming:
        found = found.filter(start_date__gte=date.today())
    return found


def meeting(meeting_id: int) -> Meeting:
    found = Meeting.objects.select_related("process").filter(pk=meeting_id).first()
    if found is None:
        raise NotFound("No such meeting", field="meeting_id")
    return found


def document(document_id: int) -> Document:
    found = Document.objects.select_related("meeting__process").filter(pk=document_id).first()
    if found is None:
        raise NotFound("No such document", field="document_id")
    return found


def recent_documents(limit: int = 30) -> QuerySet[Document]:
    return (
        Document.objects.select_related("meeting__process")
        .filter(meeting__isnull=False)
        .order_by("-uploaded_at", "-pk")[:limit]
    )


def practices(
    process: str = "", theme: str = "", country: str = "", year: int | None = None, query: str = ""
) -> QuerySet[GoodPractice]:
    found = GoodPractice.objects.select_related("process").prefetch_related("countries").order_by("-year", "title")
    if process:
        found = found.filter(process__rcp_id=process)
    if theme:
        clean = "".join(c for c in theme if c.isalnum() or c == "_")
        found = found.filter(themes__regex=rf"(^|;){clean}(;|$)")
    if country:
        found = found.filter(countries__iso3=country.upper()[:3])
    if year:
        found = found.filter(year=year)
    if query:
        found = found.filter(Q(title__icontains=query) | Q(summary__icontains=query) | Q(outcome__icontains=query))
    return found.distinct()


def practice(practice_id: int) -> GoodPractice:
    found = GoodPractice.objects.select_related("process").filter(pk=practice_id).first()
    if found is None:
        raise NotFound("No such good practice", field="practice_id")
    return found


def facets(found: QuerySet[GoodPractice]) -> dict[str, dict[str, int]]:
    """Counts by process, theme, country and year of the practices found (for the faceted search)."""
    out: dict[str, dict[str, int]] = {"process": {}, "theme": {}, "country": {}, "year": {}}
    for item in found:
        out["process"][item.process.rcp_id] = out["process"].get(item.process.rcp_id, 0) + 1
        for tag in item.theme_list:
            out["theme"][tag] = out["theme"].get(tag, 0) + 1
        for country in item.countries.all():
            out["country"][country.iso3] = out["country"].get(country.iso3, 0) + 1
        if item.year:
            out["year"][str(item.year)] = out["year"].get(str(item.year), 0) + 1
    return out
