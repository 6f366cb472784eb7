"""Glossary over Akoma Ntoso: the words of a definition quoted from its article, and the articles that use a term.

Pure functions over parsed AKN (lxml) and plain text: no database. The loader (services/glossary.py) calls them on
each stored expression, so a quote is always the instrument's own text, in the language of that expression.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from migdev.law.akn import AKN_NS
from migdev.law.akn_html import render

_ARTICLE = f"{{{AKN_NS}}}article"
_P = f"{{{AKN_NS}}}p"
_PARAGRAPHS = re.compile(r"^\s*\d+(\s*-\s*\d+)?(\s+\d+(\s*-\s*\d+)?)*\s*$")


class GlossaryError(ValueError):
    """A definition cannot be quoted: its article or paragraphs are not in the text, or the term is not in them."""


@dataclass(frozen=True)
class ArticlePlace:
    """Where an article is on the document page: its anchor (#art_3) and label (Article 3 — Use of terms)."""

    eid: str
    anchor: str
    label: str
    position: int


@dataclass(frozen=True)
class Use:
    place: ArticlePlace
    count: int


def clean(text: str) -> str:
    """Whitespace collapsed, as a reader sees the text on the page."""
    return " ".join(text.split())


def parse_paragraphs(spec: str) -> list[int]:
    """'1', '2 3', '1-5' or '2-4 6' to paragraph numbers; empty for the whole article."""
    if not spec.strip():
        return []
    if not _PARAGRAPHS.match(spec):
        raise GlossaryError(f"paragraphs must be numbers or ranges such as 1, 2 3 or 1-5, not {spec!r}")
    numbers: list[int] = []
    for part in spec.split():
        first, _sep, last = part.partition("-")
        low, high = int(first), int(last or first)
        if high < low or high - low > 200:
            raise GlossaryError(f"the range {part} is not a range of paragraphs")
        numbers.extend(range(low, high + 1))
    return numbers


def find_article(root: etree._Element, eid: str) -> etree._Element | None:
    """The article with this eId."""
    return next((a for a in root.iter(_ARTICLE) if a.get("eId") == eid), None)


def article_places(root: etree._Element) -> dict[str, ArticlePlace]:
    """Each article's eId to its anchor and label on the document page (as akn_html renders it)."""
    places: dict[str, ArticlePlace] = {}
    for section in render(root).element.iter("section"):
        if section.get("class") != "akn-article" or not section.get("data-eid"):
            continue
        heading = next((child for child in section if child.tag in ("h2", "h3", "h4", "h5", "h6")), None)
        label = clean("".join(heading.itertext())) if heading is not None else section.get("data-eid", "")
        eid = section.get("data-eid", "")
        places.setdefault(eid, ArticlePlace(eid, section.get("id", ""), label, len(places)))
    return places


def quote(article: etree._Element, paragraphs: Iterable[int]) -> str:
    """The text of the article's paragraphs (all of them when none are given), one paragraph a line."""
    wanted = list(paragraphs)
    blocks = list(article.iter(_P))
    eid = article.get("eId") or ""
    if wanted:
        by_number = {p.get("eId"): p for p in blocks}
        missing = [n for n in wanted if f"{eid}__p_{n}" not in by_number]
        if missing:
            raise GlossaryError(
                f"the article {eid} has no paragraph {', '.join(map(str, missing))} (it has {len(blocks)})"
            )
        blocks = [by_number[f"{eid}__p_{n}"] for n in wanted]
    return "\n".join(text for text in (clean("".join(p.itertext())) for p in blocks) if text)


def term_pattern(forms: Iterable[str]) -> re.Pattern[str]:
    """Any of the forms, case-insensitive, as whole words, with a simple plural (-s, -es); spaces match any space."""
    alternatives = sorted({clean(f) for f in forms if f.strip()}, key=len, reverse=True)
    if not alternatives:
        raise GlossaryError("a term needs at least one form")
    words = [r"\s+".join(re.escape(w) for w in form.split()) for form in alternatives]
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?:e?s)?(?!\w)", re.IGNORECASE)


def uses(root: etree._Element, pattern: re.Pattern[str], places: dict[str, ArticlePlace]) -> list[Use]:
    """The articles of a document whose text matches the pattern, in document order, with how often."""
    found: list[Use] = []
    for article in root.iter(_ARTICLE):
        place = places.get(article.get("eId") or "")
        if place is None:
            continue
        count = len(pattern.findall(clean("".join(article.itertext()))))
        if count:
            found.append(Use(place, count))
    return found
