"""Job titles as people type them ("SALES EXEC cum ADMIN", "Junior/Graduate Developer") read as occupation names.

Pure text in, readings out: each reading is a cleaned title ("sales executive") with the words of the typed title it
came from, so a suggestion can say which words led to it. The caller scores every reading against occupation labels
and keeps, per occupation, the best reading (`best_reading_scores`).

Rules, in order: case folded; bracketed asides ("(Bangi)", "(Male Only)") and what follows "@" or " at " dropped
unless nothing else is left; the title split at "/", " - ", "|", ",", "cum", "&", " and " (parts sharing the last
word: "Sales/Marketing Executive" reads "sales executive" and "marketing executive"); seniority and contract noise
dropped ("senior", "junior", "trainee", "intern", "graduate", "head of", "assistant to", "full time", "urgent"; in
French and Spanish "H/F", "CDI", "stagiaire", "becario", "jornada completa"...);
common abbreviations expanded ("exec", "mgr", "admin", "eng", "dev", "IT", "HR", "QA"); platform and product names
("iOS", "Android", "SAP") kept as skills, not titles.
"""

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from migdev.engines.matching.errors import InvalidInput


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say how senior, how long or on what terms, not what the work is.
SENIORITY = _words(
    "senior sr snr junior jr jnr trainee trainees intern interns internship graduate graduates grad fresh freshie "
    "entry level experienced principal associate apprentice apprenticeship probationer protege protégé lead "
    "assistant-to deputy acting chief head cadet"
)
# "lead", "chief", "head", "deputy" and "assistant" are noise only before another job word; alone they stay.
ONLY_BEFORE_ANOTHER = frozenset({"lead", "chief", "head", "deputy", "associate", "principal", "apprentice"})
CONTRACT = _words(
    "full part time fulltime parttime full-time part-time temporary temp permanent contract contractor-basis "
    "freelance freelancer urgent urgently hiring immediate immediately wanted vacancy vacancies opening openings "
    "position positions job jobs needed required requires shift night day days week weekend weekends based "
    "remote hybrid onsite on-site office-based local expat expatriate expatriates foreigner foreigners malaysian "
    "malaysians only male female and/or new year years months month i ii iii iv v 1 2 3 4 5 l1 l2 l3 "
    # French and Spanish job boards: "(H/F)", "CDI", "stagiaire", "en prácticas", "jornada completa"...
    "h/f f/h m/f cdi cdd interim intérim stagiaire stage alternance alternant débutant debutant confirmé "
    "expérimenté urgent urgente becario becaria prácticas practicas indefinido temporal"
)
# Phrases dropped whole before the words are read.
NOISE_PHRASES = (
    "fresh graduates",
    "fresh graduate",
    "are welcome",
    "are encouraged",
    "to apply",
    "walk in interview",
    "walk-in interview",
    "entry level",
    "full time",
    "part time",
    "open to",
    "temps plein",
    "temps partiel",
    "en alternance",
    "jornada completa",
    "media jornada",
    "tiempo parcial",
    "en prácticas",
    "se busca",
    "se necesita",
    "recién titulado",
    "recien titulado",
)
# Abbreviations people type, spelled out as ESCO's labels spell them.
ABBREVIATIONS = {
    "exec": "executive",
    "execs": "executive",
    "exe": "executive",
    "mgr": "manager",
    "mngr": "manager",
    "mgmt": "management",
    "admin": "administrative",
    "adm": "administrative",
    "eng": "engineer",
    "engr": "engineer",
    "engg": "engineering",
    "dev": "developer",
    "devs": "developer",
    "developers": "developer",
    "programmer": "programmer",
    "it": "ICT",
    "ict": "ICT",
    "hr": "human resources",
    "hrd": "human resources",
    "qa": "quality assurance",
    "qc": "quality control",
    "acct": "accounts",
    "accts": "accounts",
    "acc": "accounts",
    "asst": "assistant",
    "assist": "assistant",
    "asst.": "assistant",
    "coord": "coordinator",
    "rep": "representative",
    "reps": "representative",
    "tech": "technician",
    "techs": "technician",
    "technican": "technician",
    "supv": "supervisor",
    "spvr": "supervisor",
    "spec": "specialist",
    "cust": "customer",
    "svc": "service",
    "svcs": "services",
    "mkt": "marketing",
    "mktg": "marketing",
    "ops": "operations",
    "f&b": "food and beverage",
    "fnb": "food and beverage",
    "pa": "personal assistant",
    "cs": "customer service",
    "sw": "software",
    "dept": "department",
    "mech": "mechanical",
    "elec": "electrical",
    "ee": "electrical engineer",
    "me": "mechanical engineer",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "cto": "chief technology officer",
    "coo": "chief operating officer",
    "gm": "general manager",
    "pm": "project manager",
    "bd": "business development",
    "biz": "business",
    "dr": "doctor",
    "rn": "registered nurse",
    "hse": "health and safety",
    "she": "health and safety",
    "r&d": "research and development",
    "ui/ux": "user interface designer",
    "ux": "user experience",
    "ui": "user interface",
    "sr.": "senior",
    "jr.": "junior",
    "rh": "ressources humaines",
    "drh": "directeur des ressources humaines",
    "rrhh": "recursos humanos",
    "resp": "responsable",
    "aux": "auxiliar",
}
# Platforms and products named in a title: skills of the job, not the job ("Mobile Software Engineer - iOS").
SKILL_NAMES = _words(
    "ios android java javascript python php sap oracle sql .net c# c++ react angular vue node nodejs node.js "
    "aws azure excel autocad revit solidworks salesforce magento wordpress shopify laravel golang ruby kotlin "
    "swift flutter unity tableau power bi sas"
)
_SPLIT = re.compile(
    r"\s*(?:/|\||,|;|\s[-–—]\s|\s[-–—]|[-–—]\s|\bcum\b|&|\+|\band\b|\bor\b|\bet\b|\by\b|\bou\b)\s*", re.IGNORECASE
)
_BRACKETS = re.compile(r"[(\[{][^)\]}]*[)\]}]?")
_AFTER_AT = re.compile(r"\s(?:@|at|in|for|@)\s.*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:[&'.+#][^\W_]*)*", re.UNICODE)
_HEAD_OF = re.compile(r"\b(?:head|director|vp|vice president)\s+of\s+", re.IGNORECASE)
_ASSISTANT_TO = re.compile(r"\b(?:assistant|secretary|pa)\s+to\s+(?:the\s+)?.*$", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """One way to read a typed title: the cleaned words (`text`) and the typed words they came from (`source`)."""

    text: str
    pairs: tuple[tuple[str, str], ...]  # (cleaned word or expansion, the typed word it came from)

    @property
    def source(self) -> tuple[str, ...]:
        """The typed words this reading kept, in order, once each."""
        return tuple(dict.fromkeys(typed for _, typed in self.pairs))


@dataclass(frozen=True)
class TitleReadings:
    """A typed title's readings (best first: the whole title before its parts), the noise words dropped, and the
    skill names it carries."""

    title: str
    readings: tuple[Reading, ...]
    dropped: tuple[str, ...]
    skills: tuple[str, ...]


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _clean_words(words: list[str], dropped: list[str], skills: list[str]) -> list[tuple[str, str]]:
    """(expanded, typed) word pairs with seniority, contract noise and skill names removed."""
    kept: list[tuple[str, str]] = []
    lowered = [w.lower() for w in words]
    for i, (typed, word) in enumerate(zip(words, lowered, strict=True)):
        bare = word.strip(".")
        if bare in SKILL_NAMES:
            skills.append(typed)
            continue
        if bare in ONLY_BEFORE_ANOTHER:
            rest = [w for w in lowered[i + 1 :] if w.strip(".") not in SENIORITY | CONTRACT]
            if rest:
                dropped.append(typed)
                continue
            kept.append((bare, typed))
            continue
        if bare in SENIORITY or bare in CONTRACT or bare.isdigit() or (len(bare) == 1 and bare not in {"&"}):
            dropped.append(typed)
            continue
        if typed == "IT" or (bare == "it" and len(words) > 1 and i < len(words) - 1 and typed.isupper()):
            kept.append(("ICT", typed))
            continue
        if bare == "it":  # a lower-case "it" inside a title is the pronoun, not information technology
            dropped.append(typed)
            continue
        kept.append((ABBREVIATIONS.get(word, ABBREVIATIONS.get(bare, bare)), typed))
    return kept


# Words a reading never starts or ends with once noise around them is gone ("Becario de recursos humanos").
_EDGE_WORDS = _words("of for the to in at de del des du d la le les el los las en a à y et and with con avec")


def _reading(pairs: list[tuple[str, str]]) -> Reading | None:
    while pairs and pairs[0][0] in _EDGE_WORDS:
        pairs = pairs[1:]
    while pairs and pairs[-1][0] in _EDGE_WORDS:
        pairs = pairs[:-1]
    if not pairs:
        return None
    return Reading(" ".join(expanded for expanded, _ in pairs), tuple(pairs))


def read_title(title: str, max_readings: int = 6) -> TitleReadings:
    """The readings of a typed job title, the whole title first, then its parts.

    >>> found = read_title("Junior/Graduate Developer (Kuala Lumpur)")
    >>> [r.text for r in found.readings], found.dropped
    (['developer'], ('Kuala', 'Lumpur', 'Junior', 'Graduate'))
    >>> [r.text for r in read_title("VAN DRIVER cum INSTALLER").readings]
    ['van driver installer', 'van driver', 'installer']
    >>> [r.text for r in read_title("Sales/Marketing Exec").readings]
    ['sales marketing executive', 'sales', 'sales executive', 'marketing executive']
    >>> read_title("Mobile Software Engineer - IOS").skills
    ('IOS',)
    """
    if max_readings < 1:
        raise InvalidInput("max_readings", "must be at least 1")
    text = _fold(title)
    dropped: list[str] = []
    skills: list[str] = []
    outside = _BRACKETS.sub(" ", text)
    if _WORD.search(outside):
        dropped += _WORD.findall(" ".join(_BRACKETS.findall(text)))
        text = outside
    for phrase in NOISE_PHRASES:
        found = re.search(rf"\b{re.escape(phrase)}\b", text, re.IGNORECASE)
        if found:
            dropped += found.group(0).split()
            text = text[: found.start()] + " " + text[found.end() :]
    # "Head of Sales" reads "sales manager"; "Assistant to the Director" reads "personal assistant".
    head_of = _HEAD_OF.search(text)
    if head_of:
        dropped += head_of.group(0).split()
        text = text[: head_of.start()] + text[head_of.end() :] + " manager"
    assistant_to = _ASSISTANT_TO.search(text)
    if assistant_to and assistant_to.start() == 0:
        dropped += assistant_to.group(0).split()[1:]
        text = "personal assistant"
    shortened = _AFTER_AT.sub("", text)
    if _WORD.search(shortened):
        dropped += _WORD.findall(text[len(shortened) :])
        text = shortened

    parts = [part for part in _SPLIT.split(text) if part and part.strip()]
    cleaned = [_clean_words(_WORD.findall(part), dropped, skills) for part in parts]
    whole = _reading([pair for part in cleaned for pair in part])
    readings: list[Reading] = [whole] if whole else []
    non_empty = [part for part in cleaned if part]
    if len(non_empty) > 1:
        last = non_empty[-1]
        for part in non_empty:
            reading = _reading(part)
            if reading:
                readings.append(reading)
            # "Sales/Marketing Executive": a one-word part before the last shares the last part's head word.
            if len(part) == 1 and part is not last and len(last) > 1:
                shared = _reading(part + last[-1:])
                if shared:
                    readings.append(shared)
    if not readings:  # nothing but noise ("Internship"): read what was typed
        fallback = _reading([(w.lower(), w) for w in _WORD.findall(_fold(title))])
        readings = [fallback] if fallback else []
    unique = list({r.text: r for r in readings[::-1]}.values())[::-1]  # each text once, at its first place
    unique.sort(key=lambda r: next(i for i, x in enumerate(readings) if x.text == r.text))
    return TitleReadings(title, tuple(unique[:max_readings]), tuple(dict.fromkeys(dropped)), tuple(skills))


def looks_like_a_title(text: str, max_words: int = 10) -> bool:
    """Whether a text is a bare job title: one line, a few words, no sentence.

    >>> looks_like_a_title("SALES EXECUTIVE MANAGER"), looks_like_a_title("I drove trucks for five years.")
    (True, False)
    """
    stripped = text.strip()
    if not stripped or "\n" in stripped or len(_WORD.findall(stripped)) > max_words:
        return False
    return not re.search(r"[.!?]\s+\S", stripped) and not (stripped.endswith(".") and len(stripped.split()) > 4)


def best_reading_scores(
    reading_scores: np.ndarray, weights: Sequence[float] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Per concept, the best score over a title's readings (rows) and the reading it came from.

    `weights` scale each reading's scores (a part counts a little less than the whole title).

    >>> best_reading_scores(np.array([[0.2, 0.9], [0.5, 0.1]]))
    (array([0.5, 0.9]), array([1, 0]))
    """
    scores = np.asarray(reading_scores, dtype=np.float64)
    if scores.ndim != 2 or scores.shape[0] == 0:
        raise InvalidInput("reading_scores", "need a (readings × concepts) array with at least one reading")
    if weights is not None:
        if len(weights) != scores.shape[0]:
            raise InvalidInput("weights", f"{len(weights)} weights but {scores.shape[0]} readings")
        scores = scores * np.asarray(weights, dtype=np.float64)[:, None]
    at = np.argmax(scores, axis=0)
    return scores[at, np.arange(scores.shape[1])], at


def group_smoothed(scores: np.ndarray, groups: np.ndarray, weight: float) -> np.ndarray:
    """Scores lifted towards the best score in each concept's group (ESCO occupations by ISCO-08 unit group), so
    a near miss ranks the right group's other concepts next: `score + weight * best score of its group`.

    >>> group_smoothed(np.array([0.9, 0.1, 0.5]), np.array([7, 7, 3]), 0.5).tolist()
    [1.35, 0.55, 0.75]
    """
    if not 0.0 <= weight <= 1.0:
        raise InvalidInput("weight", "must be in [0, 1]")
    values = np.asarray(scores, dtype=np.float64)
    _, inverse = np.unique(np.asarray(groups), return_inverse=True)
    best = np.full(inverse.max() + 1 if len(inverse) else 0, -np.inf)
    np.maximum.at(best, inverse, values)
    return np.asarray(values + weight * best[inverse])


# Words shorter than this are compared whole; longer ones by their first STEM letters ("develop" ~ "developer").
STEM = 5


def _stem(word: str) -> str:
    word = word.lower()
    return word if len(word) < STEM else word[:STEM]


@functools.lru_cache(maxsize=4096)
def _label_stems(labels: tuple[str, ...]) -> frozenset[str]:
    """The stems of an occupation's labels (dozens of labels each): kept, as the same occupations are explained
    again and again."""
    return frozenset(_stem(word) for label in labels for word in _WORD.findall(label))


def words_that_led(reading: Reading, labels: Sequence[str], by_meaning: bool = True) -> tuple[str, ...]:
    """The typed words of a reading that an occupation's labels share (by their first letters), or all of the
    reading's typed words when none is shared (then the match was by meaning; none unless `by_meaning`).

    >>> words_that_led(read_title("Sales Exec").readings[0], ["sales executive", "salesperson"])
    ('Sales', 'Exec')
    >>> words_that_led(read_title("VAN DRIVER").readings[0], ["delivery van driver"])
    ('VAN', 'DRIVER')
    """
    stems = _label_stems(tuple(labels))
    shared = [typed for expanded, typed in reading.pairs if any(_stem(w) in stems for w in expanded.split())]
    if shared or not by_meaning:
        return tuple(dict.fromkeys(shared))
    return reading.source
