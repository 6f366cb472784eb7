"""Writes of the law room's glossary: the curated list of defined terms, quoted from the stored AKN expressions.

glossary.csv names each term, its labels and where an instrument defines it (instrument, article eId, paragraphs);
the quoted words are taken from every stored expression of that instrument when the glossary is loaded, so a quote
is exactly the instrument's text. Instruments whose text MigDev does not hold yet (the ICRMW) keep their reference
and are shown as such. The loader also records which articles of every stored expression use each term.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from lxml import etree

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import read_rows
from migdev.core.progress import ProgressReporter
from migdev.law import glossary
from migdev.law.akn import parse_xml
from migdev.law.models import Definition, DefinitionQuote, Expression, GlossaryTerm, Instrument, TermUsage
from migdev.law.search.indexing import index_terms

COLUMNS = ("term", "term_en", "term_fr", "term_es", "label_source", "other_forms", "instrument", "eid", "paragraphs")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# The label of a term in the language of an expression (ISO 639-2), used to find where the term is used.
LABEL_OF_LANGUAGE = {"eng": "term_en", "fra": "term_fr", "spa": "term_es"}


@dataclass
class _Row:
    row: int
    values: dict[str, str]
    paragraphs: list[int]


@dataclass
class _Parsed:
    root: etree._Element
    places: dict[str, glossary.ArticlePlace]


class _Texts:
    """The stored expressions parsed once each, with the places of their articles on the document page."""

    def __init__(self) -> None:
        self._cache: dict[int, _Parsed] = {}

    def get(self, expression: Expression) -> _Parsed:
        if expression.pk not in self._cache:
            root = parse_xml(expression.xml.encode("utf-8"))
            self._cache[expression.pk] = _Parsed(root, glossary.article_places(root))
        return self._cache[expression.pk]


@transaction.atomic
def load_glossary(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Load glossary.csv: check every row against the stored texts, then replace the glossary in one transaction."""
    where = str(path)
    rows = _read(path)
    if not rows:
        raise ImportFileError(where, None, None, "the file holds no term")
    stored = GlossaryTerm.objects.count()
    terms = {r.values["term"] for r in rows}
    if not allow_shrink and stored and len(terms) < stored // 2:
        raise ImportFileError(
            where, None, None, f"{len(terms)} terms where {stored} are stored (truncated file? --allow-shrink)"
        )
    instruments = {i.pk: i for i in Instrument.objects.prefetch_related("works__expressions")}
    texts = _Texts()
    quotes: list[tuple[_Row, list[DefinitionQuote], str]] = []
    with progress.task("Migration law: glossary definitions", total=len(rows)) as task:
        for row in rows:
            quotes.append(_quotes(where, row, instruments, texts))
            task.advance()

    GlossaryTerm.objects.exclude(pk__in=terms).delete()
    Definition.objects.all().delete()
    order: dict[str, int] = defaultdict(int)
    for row, found, label in quotes:
        v = row.values
        term, _created = GlossaryTerm.objects.update_or_create(
            pk=v["term"],
            defaults={
                "term_en": v["term_en"],
                "term_fr": v["term_fr"],
                "term_es": v["term_es"],
                "term": v["term_en"],
                "label_source": v["label_source"],
                "other_forms": "\n".join(f.strip() for f in v["other_forms"].split("|") if f.strip()),
            },
        )
        definition = Definition.objects.create(
            term=term,
            instrument_id=v["instrument"],
            eid=v["eid"],
            paragraphs=v["paragraphs"],
            article_label=label,
            order=order[term.pk],
        )
        order[term.pk] += 1
        for item in found:
            item.definition = definition
        DefinitionQuote.objects.bulk_create(found)
    used = _record_uses(texts, progress)
    index_terms()  # the quotes were bulk-created after their terms were saved (and indexed by a signal)
    return f"{len(terms)} glossary terms, {len(rows)} definitions, {used} articles using them"


def _read(path: Path) -> list[_Row]:
    where = str(path)
    rows: list[_Row] = []
    labels: dict[str, tuple[str, ...]] = {}
    for number, values in read_rows(path, COLUMNS):
        values = {k: (values.get(k) or "").strip() for k in COLUMNS}
        if not SLUG.match(values["term"]):
            raise ImportFileError(where, number, "term", "an identifier of lower-case letters, digits and hyphens")
        for column in ("term_en", "term_fr", "term_es", "instrument", "eid"):
            if not values[column]:
                raise ImportFileError(where, number, column, "empty")
        same = tuple(values[c] for c in ("term_en", "term_fr", "term_es", "label_source", "other_forms"))
        if labels.setdefault(values["term"], same) != same:
            raise ImportFileError(where, number, "term", "its labels differ from an earlier row of the same term")
        try:
            paragraphs = glossary.parse_paragraphs(values["paragraphs"])
        except glossary.GlossaryError as exc:
            raise ImportFileError(where, number, "paragraphs", str(exc)) from None
        rows.append(_Row(number, values, paragraphs))
    return rows


def _quotes(
    where: str, row: _Row, instruments: dict[str, Instrument], texts: _Texts
) -> tuple[_Row, list[DefinitionQuote], str]:
    """The definition's words in each stored expression of its instrument, and the article's label."""
    v = row.values
    instrument = instruments.get(v["instrument"])
    if instrument is None:
        raise ImportFileError(where, row.row, "instrument", f"unknown instrument {v['instrument']!r}")
    expressions = [e for w in instrument.works.all() for e in w.expressions.all()]
    if not expressions:
        if instrument.text_slug:
            raise ImportFileError(where, row.row, "instrument", f"the text of {instrument.pk} is not loaded yet")
        return row, [], ""  # MigDev does not hold this text yet: the reference is kept and shown as such
    found: list[DefinitionQuote] = []
    label = ""
    pattern = glossary.term_pattern([v["term_en"], *v["other_forms"].split("|")])
    for expression in expressions:
        parsed = texts.get(expression)
        article = glossary.find_article(parsed.root, v["eid"])
        place = parsed.places.get(v["eid"])
        if article is None or place is None:
            continue
        try:
            text = glossary.quote(article, row.paragraphs)
        except glossary.GlossaryError as exc:
            raise ImportFileError(where, row.row, "paragraphs", str(exc)) from None
        if expression.language == "eng" and not pattern.search(text):
            raise ImportFileError(where, row.row, "term_en", f"{v['term_en']!r} is not in the text of {v['eid']}")
        label = label or place.label
        found.append(
            DefinitionQuote(expression=expression, language=expression.language, anchor=place.anchor, text=text)
        )
    if not found:
        raise ImportFileError(where, row.row, "eid", f"no article {v['eid']!r} in the text of {instrument.pk}")
    return row, found, label


def _record_uses(texts: _Texts, progress: ProgressReporter) -> int:
    """Replace the record of which articles use which term, over every stored expression."""
    TermUsage.objects.all().delete()
    terms = list(GlossaryTerm.objects.all())
    expressions = list(Expression.objects.all())
    usages: list[TermUsage] = []
    with progress.task("Migration law: where glossary terms are used", total=len(expressions)) as task:
        for expression in expressions:
            label_field = LABEL_OF_LANGUAGE.get(expression.language)
            if label_field is None:
                task.advance()
                continue
            parsed = texts.get(expression)
            for term in terms:
                forms = [getattr(term, label_field) or ""]
                if label_field == "term_en":
                    forms += term.other_forms.splitlines()
                if not any(f.strip() for f in forms):
                    continue
                for use in glossary.uses(parsed.root, glossary.term_pattern(forms), parsed.places):
                    usages.append(
                        TermUsage(
                            term=term,
                            expression=expression,
                            eid=use.place.eid,
                            anchor=use.place.anchor,
                            label=use.place.label,
                            count=use.count,
                            position=use.place.position,
                        )
                    )
            task.advance()
    TermUsage.objects.bulk_create(usages, batch_size=500)
    return len(usages)
