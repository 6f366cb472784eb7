"""What the index holds: the articles of an expression, a glossary term, a lesson, each as unsaved SearchEntry rows.

Articles are cut from the HTML rendering of the AKN (akn_html), so every anchor is the one the document page uses.
"""

import re
from collections.abc import Iterator

from lxml import etree

from migdev.law.akn import parse_xml
from migdev.law.akn_html import render
from migdev.law.glossary import clean
from migdev.law.models import Expression, GlossaryTerm, Lesson, Work
from migdev.law.search import analysis
from migdev.law.search.models import SearchEntry

# The units a document is cut into, by the class akn_html gives them: articles where a document has them, else
# sections, else the whole body; the preamble is a unit of its own.
UNIT_CLASSES = ("akn-article", "akn-section")
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
LANGUAGE_NAMES = {"eng": "en", "fra": "fr", "spa": "es"}
# The date in an AKN work IRI: /akn/es/act/2000-01-11/4 (a year alone, /akn/za/act/1998/84, counts too).
_WORK_DATE = re.compile(r"^/akn/[^/]+/[^/]+/(?:[^/]+/)*?(\d{4})(?:-\d{2}-\d{2})?/")


def _entry(kind: str, language: str, text: str, **fields: object) -> SearchEntry:
    stems, words = analysis.analyse(f"{fields.get('label', '')} {text}", language)
    return SearchEntry(kind=kind, language=language, text=text, stems=stems, words=words, **fields)  # type: ignore[misc]


def _units(article: etree._Element) -> Iterator[tuple[str, str, str]]:
    """(anchor, label, text) of each unit of a rendered document, in document order."""
    for block in article.iter("p", "div", "br", "li", "section", *HEADINGS):
        block.tail = " " + (block.tail or "")  # blocks end with a space, so their words do not run together
    sections = list(article.iter("section"))
    for unit_class in UNIT_CLASSES:
        units = [s for s in sections if s.get("class") == unit_class]
        if units:
            break
    preamble = [s for s in sections if s.get("class") == "akn-preamble"]
    if not units and not preamble:
        yield "", "", clean("".join(article.itertext()))
        return
    for section in preamble + units:
        heading = next((child for child in section if child.tag in HEADINGS), None)
        label = clean("".join(heading.itertext())) if heading is not None else ""
        if section.get("class") == "akn-preamble":
            label = "Preamble"
        label = " — ".join([*_attachment_headings(section), label]) if label else label
        # Nested units (an article inside a section) are indexed once, in the innermost unit.
        text = clean(" ".join(_own_text(section, heading)))
        if text:
            yield section.get("id", ""), label, text


def _attachment_headings(section: etree._Element) -> list[str]:
    """The heading of the annex a unit is in ("Annex I"), so annexes' articles are told from the body's."""
    found: list[str] = []
    for ancestor in section.iterancestors("section"):
        if ancestor.get("class") == "akn-attachment":
            heading = next((child for child in ancestor if child.tag in HEADINGS), None)
            if heading is not None:
                found.insert(0, clean("".join(heading.itertext())).split(" — ")[0])  # "Annex I", not its title
    return found


def _own_text(section: etree._Element, heading: etree._Element | None) -> Iterator[str]:
    if section.text:
        yield section.text
    for child in section:
        if child is heading or (child.tag == "section" and child.get("class") in UNIT_CLASSES):
            if child.tail:
                yield child.tail
            continue
        yield "".join(child.itertext())
        if child.tail:
            yield child.tail


def facets_of(work: Work, date: str) -> dict[str, object]:
    """The facet columns of a work's entries: its instrument's type and themes (a national law's own subjects), its
    country, its year (of adoption, else the date of its FRBR work IRI, else of the expression)."""
    instrument = work.instrument
    year = instrument.adopted.year if instrument is not None and instrument.adopted else None
    dated = _WORK_DATE.search(work.frbr_uri)
    if year is None and dated is not None:
        year = int(dated.group(1))
    if year is None and date[:4].isdigit():
        year = int(date[:4])
    kind = instrument.kind if instrument is not None else ("national" if work.country_id else "other")
    # National laws (the NationalLaw of law/models.py, where present) carry their own subjects.
    national = getattr(work, "national_law", None)
    subjects = instrument.themes.all() if instrument is not None else national.themes.all() if national else []
    return {
        "instrument_id": instrument.pk if instrument is not None else "",
        "instrument_type": kind,
        "themes": " ".join(sorted(t.code for t in subjects)),
        "country": work.country_id or "",
        "year": year,
    }


def expression_entries(expression: Expression, latest: bool) -> list[SearchEntry]:
    """One entry per article (or section) of an expression, with its work's facets."""
    work = expression.work
    rendered = render(parse_xml(expression.xml.encode("utf-8")))
    common = {
        "expression_id": expression.pk,
        "work_id": work.pk,
        "title": work.title[:300],
        "date": expression.date,
        "latest": latest,
        **facets_of(work, expression.date),
    }
    return [
        _entry("section", expression.language, text, anchor=anchor[:120], label=label[:300], position=n, **common)
        for n, (anchor, label, text) in enumerate(_units(rendered.element))
    ]


def term_entries(term: GlossaryTerm) -> list[SearchEntry]:
    """A term in each language it has a label in; the quoted definitions of that language are its text."""
    quotes: dict[str, list[str]] = {}
    for definition in term.definitions.all():
        for quote in definition.quotes.all():
            quotes.setdefault(quote.language, []).append(quote.text)
    entries = []
    for language, code in LANGUAGE_NAMES.items():
        label = getattr(term, f"term_{code}", "") or ""
        if not label:
            continue
        text = " ".join([label, *quotes.get(language, [])])
        entries.append(_entry("term", language, text, key=term.pk, title=label[:300]))
    return entries


def lesson_entries(lesson: Lesson) -> list[SearchEntry]:
    """A lesson in each language it is written in."""
    entries = []
    for language, code in LANGUAGE_NAMES.items():
        title = getattr(lesson, f"title_{code}", "") or ""
        body = getattr(lesson, f"body_{code}", "") or ""
        if not body:
            continue
        entries.append(
            _entry(
                "lesson",
                language,
                clean(body),
                lesson_id=lesson.pk,
                key=f"{lesson.module_id}/{lesson.slug}",
                title=title[:300],
                label=title[:300],
            )
        )
    return entries
