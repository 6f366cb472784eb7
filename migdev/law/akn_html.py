"""Akoma Ntoso to readable HTML: sections with stable anchors (#art_3, #chp_II) and a table of contents.

The HTML is built element by element with lxml, so document text is always escaped; links are kept only when they
are http(s) addresses. Labels (Article, Chapter) are in the language of the expression (English, French or
Spanish); a number that is already a label ("Disposición adicional primera") is shown as it is.
"""

import copy
import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import builder as E  # noqa: N812  (the lxml convention)
from lxml.html import tostring

from migdev.law.akn import AKN_NS

HIERARCHICAL = {
    "part": "Part",
    "chapter": "Chapter",
    "section": "Section",
    "article": "Article",
    "paragraph": "Paragraph",
    "division": "Division",
    "title": "Title",
    "book": "Book",
    "subpart": "Subpart",
    "subchapter": "Subchapter",
    "subsection": "Subsection",
    "subparagraph": "Subparagraph",
    "hcontainer": "",
    "point": "",
    "item": "",
    "list": "",
    "level": "",
}
# Labels in the languages of national law (ISO 639-2); English (above) otherwise.
LABELS = {
    "spa": {
        "part": "Parte",
        "chapter": "Capítulo",
        "section": "Sección",
        "article": "Artículo",
        "title": "Título",
        "book": "Libro",
        "subsection": "Subsección",
        "paragraph": "Apartado",
        "division": "",
    },
    "fra": {
        "part": "Partie",
        "chapter": "Chapitre",
        "section": "Section",
        "article": "Article",
        "title": "Titre",
        "book": "Livre",
        "subsection": "Sous-section",
        "paragraph": "Paragraphe",
        "division": "",
    },
}
TOC_LEVELS = ("part", "book", "title", "division", "chapter", "article", "section", "subsection", "attachment")
WORD_NUM = re.compile(r"^[^\W\d]{4,}\s")
CONTAINERS = {"body", "mainBody", "content", "intro", "wrapUp", "blockList", "doc", "attachments", "judgmentBody"}
INLINE = {"i": "em", "b": "strong", "u": "u", "sup": "sup", "sub": "sub"}
_SAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    label: str
    depth: int


@dataclass(frozen=True)
class Rendered:
    element: etree._Element  # the HTML <article>
    toc: list[TocEntry]

    @property
    def html(self) -> str:
        return tostring(self.element, encoding="unicode")


def _local(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


class _Renderer:
    def __init__(self, root: etree._Element) -> None:
        self.toc: list[TocEntry] = []
        self.used: set[str] = set()
        language = root.find(f".//{{{AKN_NS}}}FRBRExpression/{{{AKN_NS}}}FRBRlanguage")
        self.labels = LABELS.get(language.get("language", "") if language is not None else "", {})
        body_articles = [a for a in root.iterfind(f".//{{{AKN_NS}}}body//{{{AKN_NS}}}article")]
        nums = [self._num(a) for a in body_articles]
        # #art_3 where the article numbers of the body are unique; the eId otherwise.
        self.short_ids = {a: f"art_{_SAFE_ID.sub('', n)}" for a, n in zip(body_articles, nums, strict=True)}
        if len(set(nums)) != len(nums) or "" in nums:
            self.short_ids = {}

    @staticmethod
    def _num(node: etree._Element) -> str:
        found = node.find(f"{{{AKN_NS}}}num")
        return "".join(found.itertext()).strip() if found is not None else ""

    def anchor(self, node: etree._Element) -> str:
        wanted = self.short_ids.get(node) or _SAFE_ID.sub("_", node.get("eId") or "") or f"n{len(self.used)}"
        anchor, n = wanted, 1
        while anchor in self.used:
            n += 1
            anchor = f"{wanted}_{n}"
        self.used.add(anchor)
        return anchor

    def inline(self, node: etree._Element, into: etree._Element) -> None:
        """Copy the text and inline children of `node` into the HTML element `into`."""
        _append_text(into, node.text)
        for child in node:
            name = _local(child)
            if name in INLINE:
                element = etree.SubElement(into, INLINE[name])
                self.inline(child, element)
            elif name == "ref" and (child.get("href") or "").startswith(("http://", "https://")):
                element = etree.SubElement(into, "a", href=child.get("href") or "", rel="nofollow")
                self.inline(child, element)
            elif name == "eol":
                etree.SubElement(into, "br")
            elif name == "img":
                element = etree.SubElement(into, "span", {"class": "akn-img"})
                element.text = f"[{child.get('alt') or child.get('src') or 'image'}]"
            elif name:
                element = etree.SubElement(into, "span", {"class": f"akn-{name}"})
                self.inline(child, element)
            _append_text(into, child.tail)

    def block(self, node: etree._Element, depth: int) -> list[etree._Element]:
        name = _local(node)
        if name in ("meta", "num", "heading", "subheading", ""):
            return []
        if name == "p":
            element = E.P()
            self.inline(node, element)
            return [element]
        if name == "crossHeading":
            element = E.H4({"class": "akn-crossheading"})
            self.inline(node, element)
            return [element]
        if name in ("preface", "preamble", "conclusions"):
            section = E.SECTION({"class": f"akn-{name}", "id": name})
            for child in node:
                section.extend(self.block(child, depth))
            return [section]
        if name in HIERARCHICAL or name == "attachment":
            return [self.hierarchical(node, name, depth)]
        if name in CONTAINERS:
            return [e for child in node for e in self.block(child, depth)]
        element = E.DIV({"class": f"akn-{name}"})
        for child in node:
            element.extend(self.block(child, depth))
        return [element]

    def hierarchical(self, node: etree._Element, name: str, depth: int) -> etree._Element:
        anchor = self.anchor(node)
        num = self._num(node)
        heading_node = node.find(f"{{{AKN_NS}}}heading")
        heading = " ".join("".join(heading_node.itertext()).split()) if heading_node is not None else ""
        word = "" if WORD_NUM.match(num) else self.labels.get(name, HIERARCHICAL.get(name, ""))
        label = " ".join(part for part in (word, num) if part)
        title = " — ".join(part for part in (label, heading) if part)
        section = E.SECTION({"class": f"akn-{name}", "id": anchor, "data-eid": node.get("eId") or ""})
        if title:
            level = min(2 + depth, 6)
            section.append(getattr(E, f"H{level}")(title))
            if name in TOC_LEVELS:
                self.toc.append(TocEntry(anchor, title, depth))
        for child in node:
            section.extend(self.block(child, depth + 1))
        return section


def _append_text(element: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def render(root: etree._Element) -> Rendered:
    """The document of an akomaNtoso element as an HTML <article>, with its table of contents."""
    renderer = _Renderer(root)
    document = next(child for child in root if isinstance(child.tag, str))
    article = E.ARTICLE({"class": "akn"})
    for child in document:
        article.extend(renderer.block(child, 0))
    return Rendered(article, renderer.toc)


def standalone_html(title: str, rendered: Rendered, language: str) -> str:
    """A complete HTML page for export (no scripts, no external resources)."""
    toc = E.NAV(E.H2("Contents"), E.UL(*[E.LI(E.A(t.label, href=f"#{t.anchor}")) for t in rendered.toc]))
    head = E.HEAD(E.META(charset="utf-8"), E.TITLE(title))
    page = E.HTML(head, E.BODY(E.H1(title), toc), lang=language)
    page.find("body").append(copy.deepcopy(rendered.element))
    return "<!DOCTYPE html>\n" + tostring(page, encoding="unicode")
