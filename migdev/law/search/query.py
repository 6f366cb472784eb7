"""The search box's syntax, parsed into a small tree both backends compile; any input gives a tree or a QueryError.

Syntax: words (all must occur, stemmed), "a phrase" (the words in this order), migra* (a prefix of a word, not
stemmed), -word or -"a phrase" or NOT word (must not occur), a OR b (either). Any other character separates words,
so hyphens, brackets, colons, the backends' own operators and stray quotes are taken as text, never as syntax.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from migdev.core.errors import DomainError
from migdev.law.search import analysis

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MIN_PREFIX = 3

# A quoted phrase (the closing quote may be missing), or a run of anything but spaces and quotes; with a leading -.
_TOKEN = re.compile(r'(-?)(?:["“”«»](?P<phrase>[^"“”«»]*)["“”«»]?|(?P<word>[^\s"“”«»]+))')


class QueryError(DomainError):
    """The search cannot be run as typed; the message says why (field `q`)."""


@dataclass(frozen=True)
class Term:
    """A word: any of its stems (one per language searched)."""

    stems: tuple[str, ...]


@dataclass(frozen=True)
class Phrase:
    """Words in order: any of the stem sequences (one per language searched)."""

    sequences: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Prefix:
    """The start of a folded word (not stemmed): migra* finds migrant, migration, migración."""

    start: str


Part = Term | Phrase | Prefix


@dataclass(frozen=True)
class Clause:
    """Parts of which at least one must occur (a OR b); a plain word is a clause of one part."""

    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Query:
    text: str
    required: tuple[Clause, ...]
    excluded: tuple[Clause, ...]

    @property
    def highlight_stems(self) -> frozenset[str]:
        found: set[str] = set()
        for clause in self.required:
            for part in clause.parts:
                if isinstance(part, Term):
                    found.update(part.stems)
        return frozenset(found)

    @property
    def highlight_phrases(self) -> tuple[tuple[str, ...], ...]:
        return tuple(seq for c in self.required for p in c.parts if isinstance(p, Phrase) for seq in p.sequences)

    @property
    def highlight_prefixes(self) -> tuple[str, ...]:
        return tuple(p.start for c in self.required for p in c.parts if isinstance(p, Prefix))


def _phrase(text: str, languages: Iterable[str]) -> Part | None:
    folded = analysis.folded_words(text)
    if not folded:
        return None
    if len(folded) == 1:
        return Term(analysis.query_stems(folded[0], languages))
    sequences = dict.fromkeys(tuple(analysis.stems(folded, language)) for language in languages)
    return Phrase(tuple(sequences))


def _word(raw: str, languages: Iterable[str]) -> Part | None:
    if raw.endswith("*"):
        folded = analysis.folded_words(raw)
        if len(folded) == 1:
            if len(folded[0]) < MIN_PREFIX:
                raise QueryError(
                    _("A prefix search needs at least %(n)d letters before the *, as in migra*.") % {"n": MIN_PREFIX},
                    "q",
                )
            return Prefix(folded[0])
    # A hyphenated or otherwise joined word ("self-employed", "art.3") is the phrase of its parts.
    return _phrase(raw, languages)


def parse(text: str, languages: Iterable[str] = analysis.LANGUAGES) -> Query:
    """The query tree of what was typed; QueryError (naming `q`) when there is nothing to search for or too much."""
    languages = tuple(languages)
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(_("The search is too long: at most %(n)d characters.") % {"n": MAX_QUERY_LENGTH}, "q")
    if any(not ch.isprintable() and not ch.isspace() for ch in text):
        raise QueryError(_("The search contains control characters; type words only."), "q")
    required: list[Clause] = []
    excluded: list[Clause] = []
    pending: list[Part] = []  # the parts of the current OR group
    negate_next = joining = False
    for match in _TOKEN.finditer(text):
        negated, phrase, raw = match.group(1) == "-", match.group("phrase"), match.group("word")
        if raw in ("OR", "|") and pending:
            joining = True
            continue
        if raw in ("NOT",):
            negate_next = True
            continue
        if raw == "AND":
            continue
        part = _phrase(phrase, languages) if phrase is not None else _word(raw, languages)
        if part is None:
            continue
        if negated or negate_next:
            excluded.append(Clause((part,)))
            negate_next = joining = False
            pending = []
            continue
        if joining and required:
            required[-1] = Clause((*required[-1].parts, part))
        else:
            required.append(Clause((part,)))
        pending = [part]
        joining = False
    if not required:
        if excluded:
            raise QueryError(_("Say what to look for, not only what to leave out."), "q")
        raise QueryError(_("Type at least one word to search for."), "q")
    if sum(len(c.parts) for c in (*required, *excluded)) > MAX_TERMS:
        raise QueryError(_("The search has too many words: at most %(n)d.") % {"n": MAX_TERMS}, "q")
    return Query(text, tuple(required), tuple(excluded))
