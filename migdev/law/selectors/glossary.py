"""Reads of the law room's glossary: terms, their quoted definitions in the reader's language, where they are used."""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from migdev.core.errors import NotFound
from migdev.law.models import Definition, DefinitionQuote, Expression, GlossaryTerm, TermUsage, Work

# Django language code to the ISO 639-2 code of AKN expressions.
EXPRESSION_LANGUAGE = {"en": "eng", "fr": "fra", "es": "spa"}


def printable(text: str, limit: int = 100) -> str:
    """User input as it may be searched for: bounded, without control characters (PostgreSQL refuses NUL)."""
    return "".join(ch for ch in text[: limit * 2] if ch.isprintable())[:limit].strip()


def reader_language() -> str:
    return EXPRESSION_LANGUAGE.get((get_language() or "en")[:2], "eng")


def terms(q: str = "", instrument: str = "") -> QuerySet[GlossaryTerm]:
    """Terms in alphabetical order (of the active language), matching a search within the labels and filtered by the
    instrument that defines them."""
    # Definitions come in their Meta order (term, order), with their instruments.
    found = GlossaryTerm.objects.prefetch_related("definitions__instrument").annotate(
        uses=Count("usages", distinct=True)
    )
    q, instrument = printable(q), printable(instrument)
    if q:
        found = found.filter(Q(term_en__icontains=q) | Q(term_fr__icontains=q) | Q(term_es__icontains=q))
    if instrument:
        found = found.filter(definitions__instrument_id=instrument).distinct()
    return found.order_by("term")


def term(term_id: str) -> GlossaryTerm:
    try:
        return GlossaryTerm.objects.get(pk=printable(term_id))
    except GlossaryTerm.DoesNotExist:
        raise NotFound(_("No glossary term %(id)s.") % {"id": term_id}, "term") from None


@dataclass(frozen=True)
class ShownDefinition:
    """A definition as a reader sees it: the quote in their language, else the English authentic text."""

    definition: Definition
    quote: DefinitionQuote | None  # None: MigDev does not hold the instrument's text yet
    work_id: int | None
    in_reader_language: bool


def definitions(item: GlossaryTerm, language: str | None = None) -> list[ShownDefinition]:
    language = language or reader_language()
    shown: list[ShownDefinition] = []
    quotes = DefinitionQuote.objects.select_related("expression")
    for definition in item.definitions.select_related("instrument").prefetch_related(
        Prefetch("quotes", queryset=quotes)
    ):
        by_language = {q.language: q for q in definition.quotes.all()}
        chosen = by_language.get(language) or by_language.get("eng") or next(iter(by_language.values()), None)
        shown.append(
            ShownDefinition(
                definition=definition,
                quote=chosen,
                work_id=chosen.expression.work_id if chosen else None,
                in_reader_language=chosen is not None and chosen.language == language,
            )
        )
    return shown


@dataclass(frozen=True)
class UsedIn:
    """The articles of one document that use a term."""

    work: Work
    language: str
    usages: list[TermUsage]


def used_in(item: GlossaryTerm) -> list[UsedIn]:
    """Where the term is used, document by document (documents in title order, articles in document order)."""
    grouped: dict[tuple[int, str], list[TermUsage]] = defaultdict(list)
    works: dict[int, Work] = {}
    for usage in item.usages.select_related("expression__work").order_by("expression__work__title", "position"):
        work = usage.expression.work
        works[work.pk] = work
        grouped[(work.pk, usage.expression.language)].append(usage)
    return [UsedIn(works[w], language, usages) for (w, language), usages in grouped.items()]


def terms_used_in(expression: Expression) -> list[tuple[GlossaryTerm, list[TermUsage]]]:
    """The glossary terms an expression uses, each with the articles that use it (for the document page)."""
    grouped: dict[str, list[TermUsage]] = defaultdict(list)
    for usage in TermUsage.objects.filter(expression=expression).order_by("position"):
        grouped[usage.term_id].append(usage)
    found = GlossaryTerm.objects.filter(pk__in=grouped).order_by("term")
    return [(t, grouped[t.pk]) for t in found]


CSV_COLUMNS = (
    *("term", "term_en", "term_fr", "term_es", "instrument", "article", "eid", "paragraphs", "language"),
    *("definition", "source"),
)


def as_csv() -> str:
    """The glossary with its quoted definitions (one row per definition and language) as CSV."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    definitions_ = Definition.objects.select_related("term", "instrument").prefetch_related("quotes__expression")
    for d in definitions_.order_by("term__term_en", "order"):
        base = [d.term_id, d.term.term_en, d.term.term_fr, d.term.term_es, d.instrument_id, d.article_label, d.eid]
        base.append(d.paragraphs)
        quotes = list(d.quotes.all())
        if not quotes:
            writer.writerow([*base, "", "", "text not yet available in MigDev"])
        for quote in quotes:
            writer.writerow([*base, quote.language, quote.text, quote.expression.source])
    return out.getvalue()
