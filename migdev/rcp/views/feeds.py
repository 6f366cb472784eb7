"""Subscriptions: the iCalendar feeds of meetings (all, or one process's) and Atom/RSS of new meetings and documents;
the outcome documents themselves."""

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from migdev.accounts.views import domain_errors_as_http
from migdev.rcp import ical
from migdev.rcp.models import Document, Meeting
from migdev.rcp.selectors import activity as selectors
from migdev.rcp.selectors import processes as process_selectors


def _ical_response(meetings: Any, name: str, request: HttpRequest, filename: str) -> HttpResponse:
    levels = {k: str(v) for k, v in Meeting.Level.choices}
    body = ical.calendar(meetings, name, request.build_absolute_uri(reverse("rcp:meetings")), levels)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def meetings_ical(request: HttpRequest) -> HttpResponse:
    return _ical_response(selectors.meetings(), _("Meetings of the consultative processes"), request, "rcp.ics")


@domain_errors_as_http
def process_ical(request: HttpRequest, rcp_id: str) -> HttpResponse:
    process = process_selectors.process(rcp_id)
    return _ical_response(
        selectors.meetings(process=process.rcp_id), process.name, request, f"rcp-{process.rcp_id}.ics"
    )


@domain_errors_as_http
def document(request: HttpRequest, document_id: int) -> HttpResponse:
    found = selectors.document(document_id)
    response = HttpResponse(bytes(found.content), content_type=found.content_type)
    response["Content-Disposition"] = f'attachment; filename="{found.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class NewsFeed(Feed):  # type: ignore[type-arg]
    """New meetings and outcome documents, newest first."""

    def title(self) -> str:
        return _("Consultative processes: new meetings and documents")

    def link(self) -> str:
        return reverse("rcp:meetings")

    def description(self) -> str:
        return _("Meetings added to MigDev's calendar of the consultative processes, and their outcome documents.")

    def items(self) -> list[Meeting | Document]:
        meetings = list(Meeting.objects.select_related("process").order_by("-created_at", "-pk")[:30])
        documents = list(selectors.recent_documents(30))
        found: list[Meeting | Document] = [*meetings, *documents]
        return sorted(found, key=self.item_pubdate, reverse=True)[:40]

    def item_title(self, item: Meeting | Document) -> str:
        if isinstance(item, Document):
            assert item.meeting is not None
            return _("Document: %(title)s (%(meeting)s)") % {"title": item.title, "meeting": item.meeting.title}
        demo = _(" (demo example)") if item.is_demo else ""
        return f"{item.process.name}: {item.title}{demo}"

    def item_description(self, item: Meeting | Document) -> str:
        if isinstance(item, Document):
            return _("%(type)s, %(size)s bytes") % {"type": item.content_type, "size": item.size}
        return f"{item.start_date:%Y-%m-%d} {item.place} — {item.summary}"

    def item_link(self, item: Meeting | Document) -> str:
        if isinstance(item, Document):
            return reverse("rcp:document", args=[item.pk])
        return reverse("rcp:process_meetings", args=[item.process.rcp_id]) + f"#meeting-{item.pk}"

    def item_guid(self, item: Meeting | Document) -> str:
        return f"rcp-{'document' if isinstance(item, Document) else 'meeting'}-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Meeting | Document) -> Any:
        return item.uploaded_at if isinstance(item, Document) else item.created_at


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
