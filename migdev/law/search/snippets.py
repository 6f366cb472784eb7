"""Highlighted snippets: the best passage of a text around the query's words, HTML-escaped, words in <mark>.

Done in Python over the original text, with the analysis the index uses, so both backends highlight the same way
and the markup can hold nothing but escaped text and <mark> elements.
"""

import html
import itertools

from django.utils.safestring import SafeString, mark_safe

from migdev.law.search import analysis
from migdev.law.search.query import Query

WINDOW = 36  # words shown
# Words of a text looked at for the snippet: the best passage within them (long articles are cut, not scanned).
SCANNED = 300


def marked_words(text: str, language: str, query: Query) -> list[tuple[int, int, bool]]:
    """(start, end, matches) of every word of the text: a word of the query, or of a whole phrase of it."""
    found = list(itertools.islice(analysis.words(text), SCANNED))
    folded = [analysis.fold_word(m.group()) for m in found]
    stemmed = analysis.stems(folded, language)
    stems, prefixes = query.highlight_stems, query.highlight_prefixes
    hit = [s in stems or f in stems for f, s in zip(folded, stemmed, strict=True)]
    if prefixes:
        hit = [h or f.startswith(prefixes) for h, f in zip(hit, folded, strict=True)]
    for sequence in query.highlight_phrases:
        size = len(sequence)
        for i in range(len(stemmed) - size + 1):
            if stemmed[i] != sequence[0] and folded[i] != sequence[0]:
                continue
            if tuple(stemmed[i : i + size]) == sequence or tuple(folded[i : i + size]) == sequence:
                hit[i : i + size] = [True] * size
    return [(m.start(), m.end(), h) for m, h in zip(found, hit, strict=True)]


def snippet(text: str, language: str, query: Query) -> SafeString:
    """About WINDOW words of the text where most query words are, with those words in <mark>."""
    places = marked_words(text, language, query)
    if not places:
        return mark_safe("")
    hits = [i for i, (_s, _e, hit) in enumerate(places) if hit]
    start = 0
    if hits:
        # The window holding the most hits (two pointers over the hits), starting a few words before its first.
        best, most, last = hits[0], 0, 0
        for first, position in enumerate(hits):
            while last < len(hits) and hits[last] < position + WINDOW - 6:
                last += 1
            if last - first > most:
                best, most = position, last - first
        start = max(0, best - 6)
    end = min(len(places), start + WINDOW)
    start = max(0, min(start, end - WINDOW))
    parts = ["… " if start > 0 else ""]
    cursor = places[start][0] if start > 0 else 0
    for word_start, word_end, hit in places[start:end]:
        parts.append(html.escape(text[cursor:word_start]))
        word = html.escape(text[word_start:word_end])
        parts.append(f"<mark>{word}</mark>" if hit else word)
        cursor = word_end
    if end < len(places) or len(places) == SCANNED:
        parts.append(" …")
    else:
        parts.append(html.escape(text[cursor:]))
    return mark_safe("".join(parts))  # noqa: S308  (every piece of text above is escaped)
