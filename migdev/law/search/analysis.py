"""Text analysis shared by both search backends: words folded (lower case, no accents) then stemmed (Snowball).

The analysed text is what the backends index (FTS5, or a PostgreSQL tsvector with the 'simple' configuration), so
SQLite and PostgreSQL see the same terms and give the same hits. Folding comes before stemming, so a word typed
without its accents ("refugies") stems as the accented one does ("réfugiés"): both give "refug".
"""

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

import Stemmer  # type: ignore[import-untyped]  # PyStemmer (C Snowball stemmers), no type stubs

# ISO 639-2 codes (as AKN expressions carry them) to Snowball stemmers; other languages are folded, not stemmed.
STEMMERS = {"eng": "english", "fra": "french", "spa": "spanish"}
LANGUAGES = tuple(STEMMERS)
# Django's language codes to the ISO 639-2 codes of the index.
FROM_DJANGO = {"en": "eng", "fr": "fra", "es": "spa"}
TO_DJANGO = {v: k for k, v in FROM_DJANGO.items()}

# Runs of letters and digits; apostrophes and hyphens split words ("l'étranger" -> l, étranger; "self-employed").
WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Longest word kept: anything longer is not a word of a legal text (and would bloat the index).
MAX_WORD = 40


@functools.lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """fold() of one word, remembered (the snippets fold the same words again and again)."""
    return fold(word)[:MAX_WORD]


def fold(word: str) -> str:
    """Lower case without accents or other marks: 'Réfugiés' -> 'refugies', 'œuvre' -> 'oeuvre'."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("œ", "oe").replace("æ", "ae")


@functools.cache
def _stemmer(language: str) -> "Stemmer.Stemmer | None":
    name = STEMMERS.get(language)
    return Stemmer.Stemmer(name) if name else None


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of a text with their places (for highlighting)."""
    return WORD.finditer(text)


def folded_words(text: str) -> list[str]:
    return [fold(m.group())[:MAX_WORD] for m in WORD.finditer(text)]


def stems(folded: Iterable[str], language: str) -> list[str]:
    """Stems of folded words in a language (the words themselves where MigDev has no stemmer for it)."""
    stemmer = _stemmer(language)
    items = list(folded)
    return stemmer.stemWords(items) if stemmer is not None else items


def analyse(text: str, language: str) -> tuple[str, str]:
    """(stems, folded words) of a text, each a space-separated string in text order: what the index holds."""
    folded = folded_words(text)
    return " ".join(stems(folded, language)), " ".join(folded)


def query_stems(word: str, languages: Iterable[str]) -> tuple[str, ...]:
    """The stems a query word may have in the languages searched, plus the folded word (for unstemmed languages)."""
    folded = fold(word)[:MAX_WORD]
    found = dict.fromkeys(stems([folded], language)[0] for language in languages)
    found[folded] = None
    return tuple(found)
