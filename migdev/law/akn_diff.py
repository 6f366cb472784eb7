"""What changed between two versions of a law, article by article (matched by number, so an article that moved to
another chapter is still the same article), with the changed words marked inside each article."""

import difflib
import re
from dataclasses import dataclass

from lxml import etree

from migdev.law.akn import AKN_NS

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Article:
    num: str
    heading: str
    text: str  # paragraphs joined by newlines


@dataclass(frozen=True)
class Piece:
    kind: str  # "same", "ins" or "del"
    text: str


@dataclass(frozen=True)
class ArticleChange:
    num: str
    heading: str
    change: str  # "added", "removed" or "changed"
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Diff:
    changes: tuple[ArticleChange, ...]
    unchanged: int

    @property
    def count_added(self) -> int:
        return sum(c.change == "added" for c in self.changes)

    @property
    def count_changed(self) -> int:
        return sum(c.change == "changed" for c in self.changes)

    @property
    def count_removed(self) -> int:
        return sum(c.change == "removed" for c in self.changes)


def _words(node: etree._Element) -> str:
    return _SPACE.sub(" ", "".join(node.itertext())).strip()


def articles(root: etree._Element) -> list[Article]:
    """The articles of a document's body in order, with their text (paragraph by paragraph)."""
    found = []
    for node in root.iterfind(f".//{{{AKN_NS}}}body//{{{AKN_NS}}}article"):
        num = node.find(f"{{{AKN_NS}}}num")
        heading = node.find(f"{{{AKN_NS}}}heading")
        paragraphs = [_words(p) for p in node.iter(f"{{{AKN_NS}}}p")]
        found.append(
            Article(
                num=_words(num) if num is not None else node.get("eId", ""),
                heading=_words(heading) if heading is not None else "",
                text="\n".join(p for p in paragraphs if p),
            )
        )
    return found


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """The new text with the words removed from and added to the old one marked (line breaks are kept)."""
    a, b = re.findall(r"\S+|\n", old), re.findall(r"\S+|\n", new)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(Piece("same", " ".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            pieces.append(Piece("del", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            pieces.append(Piece("ins", " ".join(b[j1:j2])))
    return tuple(p for p in pieces if p.text.strip(" "))


def diff(old_root: etree._Element, new_root: etree._Element) -> Diff:
    """Articles added, removed and changed (heading or text) from the old version to the new, in the new order,
    removed ones last."""
    old = {a.num: a for a in articles(old_root)}
    new = articles(new_root)
    new_nums = {a.num for a in new}
    changes: list[ArticleChange] = []
    unchanged = 0
    removed = [a for a in old.values() if a.num not in new_nums]
    for article in new:
        before = old.get(article.num)
        if before is None:
            changes.append(ArticleChange(article.num, article.heading, "added", (Piece("ins", article.text),)))
        elif (before.heading, before.text) != (article.heading, article.text):
            heading = word_diff(before.heading, article.heading) if before.heading != article.heading else ()
            body = word_diff(before.text, article.text)
            pieces = (*heading, Piece("same", "\n"), *body) if heading else body
            changes.append(ArticleChange(article.num, article.heading, "changed", pieces))
        else:
            unchanged += 1
    for article in removed:
        changes.append(ArticleChange(article.num, article.heading, "removed", (Piece("del", article.text),)))
    return Diff(tuple(changes), unchanged)
