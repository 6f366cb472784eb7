"""Reads of the law room's documents in Akoma Ntoso: works, expressions and their rendering."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from migdev.core.errors import NotFound
from migdev.law.akn import parse_xml
from migdev.law.akn_html import Rendered, render
from migdev.law.models import Expression, Instrument, Work


def works() -> QuerySet[Work]:
    return Work.objects.select_related("instrument").prefetch_related("expressions").order_by("title")


def work(pk: int) -> Work:
    try:
        return Work.objects.select_related("instrument").get(pk=pk)
    except Work.DoesNotExist:
        raise NotFound(_("No document %(id)s.") % {"id": pk}, "work_id") from None


def instrument_work(item: Instrument) -> Work | None:
    return item.works.order_by("pk").first()


def expression(item: Work, language: str = "eng") -> Expression:
    """The latest expression of a work in a language (else in any language)."""
    found = item.expressions.filter(language=language).order_by("-date").first() or item.expressions.first()
    if found is None:
        raise NotFound(_("The document %(id)s has no text.") % {"id": item.pk}, "work_id")
    return found


def rendered(found: Expression) -> Rendered:
    """The expression as HTML with its table of contents (its XML was validated when it was stored)."""
    return render(parse_xml(found.xml.encode("utf-8")))
