"""Migration law API: the glossary (terms, definitions quoted from the instruments, where terms are used)."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema

from migdev.core.input_limits import text_filter
from migdev.law.models import GlossaryTerm
from migdev.law.selectors import glossary as selectors

router = Router()


class QuoteOut(Schema):
    language: str
    text: str
    url: str
    source: str


class DefinitionOut(Schema):
    instrument: str
    eid: str
    article: str
    paragraphs: str
    text_available: bool
    quotes: list[QuoteOut]


class UseOut(Schema):
    work_id: int
    language: str
    eid: str
    article: str
    count: int
    url: str


class TermOut(Schema):
    id: str
    term: str
    term_en: str
    term_fr: str
    term_es: str
    label_source: str
    labels_translated_by_migdev: bool


class TermDetailOut(TermOut):
    definitions: list[DefinitionOut]
    used_in: list[UseOut]


def _term(item: GlossaryTerm) -> dict[str, object]:
    return {
        "id": item.pk,
        "term": item.term,
        "term_en": item.term_en or "",
        "term_fr": item.term_fr or "",
        "term_es": item.term_es or "",
        "label_source": item.label_source,
        "labels_translated_by_migdev": not item.label_source,
    }


@router.get("/glossary", response=list[TermOut], summary="Glossary terms (search within labels, filter by instrument)")
def list_terms(
    request: HttpRequest, q: str = text_filter(), instrument: str = text_filter()
) -> list[dict[str, object]]:
    return [_term(t) for t in selectors.terms(q, instrument)]


@router.get("/glossary/{term_id}", response=TermDetailOut, summary="A term: quoted definitions and where it is used")
def get_term(request: HttpRequest, term_id: str) -> dict[str, object]:
    item = selectors.term(term_id)
    definitions = []
    for d in item.definitions.select_related("instrument").prefetch_related("quotes__expression"):
        quotes = [
            {
                "language": q.language,
                "text": q.text,
                "url": reverse("law:document", args=[q.expression.work_id]) + f"#{q.anchor}",
                "source": q.expression.source,
            }
            for q in d.quotes.all()
        ]
        definitions.append(
            {
                "instrument": d.instrument_id,
                "eid": d.eid,
                "article": d.article_label,
                "paragraphs": d.paragraphs,
                "text_available": bool(quotes),
                "quotes": quotes,
            }
        )
    uses = [
        {
            "work_id": group.work.pk,
            "language": group.language,
            "eid": u.eid,
            "article": u.label,
            "count": u.count,
            "url": reverse("law:document", args=[group.work.pk]) + f"#{u.anchor}",
        }
        for group in selectors.used_in(item)
        for u in group.usages
    ]
    return {**_term(item), "definitions": definitions, "used_in": uses}
