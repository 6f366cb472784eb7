"""Akoma Ntoso to PDF (fpdf2): title page facts, a table of contents with page numbers, PDF outline (bookmarks) and
the text by heading and article.

The page and its font are core's (`core/pdf.py`).
"""

import hashlib

from fpdf import FPDF
from fpdf.outline import OutlineSection
from lxml import etree

from migdev.core.caching import cached
from migdev.core.pdf import FONT, PdfDocument
from migdev.law.akn import AKN_NS, parse_xml
from migdev.law.akn_html import HIERARCHICAL, LABELS, TOC_LEVELS, WORD_NUM

HEADINGS = {"Contents": {"spa": "Índice", "fra": "Sommaire"}}


def _local(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _text(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def _toc(pdf: FPDF, outline: list[OutlineSection]) -> None:
    """The table of contents, written on the pages reserved by insert_toc_placeholder."""
    pdf.set_font(FONT, "B", 13)
    pdf.cell(0, 9, pdf.toc_heading, new_x="LMARGIN", new_y="NEXT")  # type: ignore[attr-defined]
    for section in outline:
        pdf.set_font(FONT, "B" if section.level == 0 else "", 8.5)
        indent = 4 * section.level
        pdf.set_x(pdf.l_margin + indent)
        width = pdf.epw - indent - 12
        label = section.name if pdf.get_string_width(section.name) < width else section.name[:90] + "…"
        pdf.cell(width, 4.6, label, link=pdf.add_link(page=section.page_number))
        pdf.cell(12, 4.6, str(section.page_number), align="R", new_x="LMARGIN", new_y="NEXT")


def render_pdf(root: etree._Element, title: str, facts: list[tuple[str, str]]) -> bytes:
    """The document as PDF bytes: title, `facts` (label, value) such as the version date and source, contents, text."""
    language_node = root.find(f".//{{{AKN_NS}}}FRBRExpression/{{{AKN_NS}}}FRBRlanguage")
    language = language_node.get("language", "eng") if language_node is not None else "eng"
    labels = LABELS.get(language, {})
    pdf = PdfDocument(title)
    pdf.set_title(title)
    pdf.set_lang({"spa": "es", "fra": "fr"}.get(language, "en"))
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for label, value in facts:
        pdf.set_font(FONT, "B", 9)
        pdf.multi_cell(0, 5, label, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 9)
        pdf.multi_cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.toc_heading = HEADINGS["Contents"].get(language, "Contents")  # type: ignore[attr-defined]
    document = next(child for child in root if isinstance(child.tag, str))
    entries = sum(1 for n in document.iter() if _local(n) in TOC_LEVELS)
    pdf.insert_toc_placeholder(_toc, pages=max(1, entries // 56), allow_extra_pages=True)

    def heading(node: etree._Element, name: str, depth: int) -> None:
        num_node = node.find(f"{{{AKN_NS}}}num")
        num = _text(num_node) if num_node is not None else ""
        head_node = node.find(f"{{{AKN_NS}}}heading")
        head = _text(head_node) if head_node is not None else ""
        word = "" if WORD_NUM.match(num) else labels.get(name, HIERARCHICAL.get(name, ""))
        label = " — ".join(p for p in (" ".join(p for p in (word, num) if p), head) if p)
        if not label:
            return
        if name in TOC_LEVELS:
            pdf.start_section(label[:200], level=min(depth, 5))
        pdf.set_font(FONT, "B", 12 if name != "article" else 10)
        pdf.ln(2)
        pdf.multi_cell(0, 5.5, label, new_x="LMARGIN", new_y="NEXT")

    pending: list[str] = []  # the number of a paragraph or point, printed before its first line of text

    def walk(node: etree._Element, depth: int) -> None:
        name = _local(node)
        if name in ("meta", "num", "heading", "subheading", ""):
            return
        if name in ("p", "crossHeading", "listIntroduction", "listWrapUp"):
            text = " ".join([*pending, _text(node)]).strip()
            pending.clear()
            if text:
                pdf.set_font(FONT, "B" if name == "crossHeading" else "", 9.5)
                pdf.multi_cell(0, 4.8, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            return
        if name in TOC_LEVELS:
            heading(node, name, depth)
        elif name in HIERARCHICAL:
            num = node.find(f"{{{AKN_NS}}}num")
            if num is not None and _text(num):
                pending.append(_text(num))
        for child in node:
            walk(child, depth + 1 if name in TOC_LEVELS else depth)

    for child in document:
        walk(child, 0)
    return bytes(pdf.output())


def document_pdf(xml: str, title: str, facts: list[tuple[str, str]]) -> bytes:
    """`render_pdf` of a document's XML, cached under a digest of all it is made of (text, title, facts in the
    reader's language), so it is never stale. A version's text does not change once stored, and fpdf2 takes seconds
    to lay out a long law (its line breaking measures the line again for each letter): 3 s for Spain's LO 4/2000,
    each time it was asked for."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (xml, title, *(text for fact in facts for text in fact)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return cached(
        f"law-pdf:{digest.hexdigest()}",
        lambda: render_pdf(parse_xml(xml.encode("utf-8")), title, facts),
        per_language=False,  # the facts carry the language
    )
