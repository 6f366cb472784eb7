"""SDG indicator 10.7.2 scored by the official method (UN SDG global metadata 10.7.2, DATA_COMP; UN DESA and IOM).

Each of the 30 sub-categories (6 domains x 5, ids "1a" ... "6e") is coded: domain 1 (migrant rights) 1, 0.5 or 0;
domains 2 to 6 yes (1) or no (0). A domain's score is the mean of its five codes x 100; the overall score is the
unweighted mean of all 30 codes x 100; bands: "requires further progress" < 40, "partially meets" 40 to < 80,
"meets" 80 to < 100, "fully meets" 100. Arithmetic is exact (fractions), so 12 yes of 30 is exactly 40.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

DOMAINS = (1, 2, 3, 4, 5, 6)
LETTERS = ("a", "b", "c", "d", "e")
SUB_IDS = tuple(f"{domain}{letter}" for domain in DOMAINS for letter in LETTERS)
DOMAIN_1_CODES = (Fraction(1), Fraction(1, 2), Fraction(0))
YES_NO_CODES = (Fraction(1), Fraction(0))

REQUIRES_FURTHER_PROGRESS = "requires_further_progress"
PARTIALLY_MEETS = "partially_meets"
MEETS = "meets"
FULLY_MEETS = "fully_meets"
BANDS = (REQUIRES_FURTHER_PROGRESS, PARTIALLY_MEETS, MEETS, FULLY_MEETS)


class AnswerError(ValueError):
    """An answer set the method cannot score; `sub_id` names the sub-category at fault."""

    def __init__(self, sub_id: str, problem: str) -> None:
        super().__init__(f"{sub_id}: {problem}")
        self.sub_id = sub_id
        self.problem = problem  # "missing", "unknown" or "not_allowed"


@dataclass(frozen=True)
class Score:
    """Domain scores (0-100) by domain number, the overall score (0-100) and its band."""

    domains: dict[int, float]
    overall: float
    band: str


def allowed_codes(sub_id: str) -> tuple[Fraction, ...]:
    """The codes a sub-category accepts.

    >>> [float(c) for c in allowed_codes("1c")], [float(c) for c in allowed_codes("4a")]
    ([1.0, 0.5, 0.0], [1.0, 0.0])
    """
    if sub_id not in SUB_IDS:
        raise AnswerError(sub_id, "unknown")
    return DOMAIN_1_CODES if sub_id.startswith("1") else YES_NO_CODES


def band(overall: float | Fraction) -> str:
    """The band of an overall score (0-100).

    >>> band(39.99), band(40), band(79.99), band(80), band(99.99), band(100)
    ('requires_further_progress', 'partially_meets', 'partially_meets', 'meets', 'meets', 'fully_meets')
    """
    value = Fraction(overall)
    if value >= 100:
        return FULLY_MEETS
    if value >= 80:
        return MEETS
    if value >= 40:
        return PARTIALLY_MEETS
    return REQUIRES_FURTHER_PROGRESS


def _code(sub_id: str, raw: object) -> Fraction:
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal | Fraction | str):
        raise AnswerError(sub_id, "not_allowed")
    try:
        code = Fraction(raw)
    except (ValueError, OverflowError, ZeroDivisionError):
        raise AnswerError(sub_id, "not_allowed") from None
    if code not in allowed_codes(sub_id):
        raise AnswerError(sub_id, "not_allowed")
    return code


def check(answers: Mapping[str, object]) -> dict[str, Fraction]:
    """The 30 codes as fractions; raises AnswerError naming the first unknown, missing or disallowed sub-category."""
    for sub_id in answers:
        if sub_id not in SUB_IDS:
            raise AnswerError(str(sub_id), "unknown")
    codes: dict[str, Fraction] = {}
    for sub_id in SUB_IDS:
        if sub_id not in answers:
            raise AnswerError(sub_id, "missing")
        codes[sub_id] = _code(sub_id, answers[sub_id])
    return codes


def score(answers: Mapping[str, object]) -> Score:
    """Score a complete answer set (all 30 sub-categories).

    >>> answers = {sub: 1 for sub in SUB_IDS} | {"1a": 0.5, "1b": 0, "1c": 0.5, "2a": 0}
    >>> result = score(answers)
    >>> result.domains[1], result.domains[2], result.overall, result.band
    (60.0, 80.0, 90.0, 'meets')
    """
    codes = check(answers)
    domains = {
        domain: float(sum(codes[f"{domain}{letter}"] for letter in LETTERS) * 100 / len(LETTERS)) for domain in DOMAINS
    }
    total = sum(codes.values(), start=Fraction(0)) * 100 / len(SUB_IDS)
    return Score(domains=domains, overall=round(float(total), 2), band=band(total))


def gaps(answers: Mapping[str, object]) -> list[str]:
    """The sub-categories not fully met (code below 1), in order: what a country may ask support for.

    >>> gaps({sub: 1 for sub in SUB_IDS} | {"1b": 0.5, "6e": 0})
    ['1b', '6e']
    """
    codes = check(answers)
    return [sub_id for sub_id in SUB_IDS if codes[sub_id] < 1]
