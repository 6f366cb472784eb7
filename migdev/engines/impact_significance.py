"""The significance of a predicted migration impact, by MigDev's stated rule (pure; no Django).

Each impact is rated on three ordinal scales of 1 to 4:
magnitude (1 negligible, 2 minor, 3 moderate, 4 major), likelihood (1 unlikely, 2 possible, 3 likely, 4 certain)
and sensitivity of the people or places affected (1 low, 2 medium, 3 high, 4 very high).

Rule: score = magnitude × likelihood × sensitivity (1 to 64); level "negligible" for a score up to 6, "minor"
7 to 17, "moderate" 18 to 35, "major" 36 and above. Precaution: an impact of major magnitude on highly or very
highly sensitive people is at least "moderate", however unlikely. "Moderate" and "major" impacts are significant:
a negative one needs a mitigation measure, a positive one may get an enhancement measure.

>>> significance(3, 3, 2)
Significance(score=18, level='moderate')
>>> significance(4, 1, 3)
Significance(score=12, level='moderate')
>>> significance(1, 2, 3).significant
False
"""

from dataclasses import dataclass

SCALE = (1, 2, 3, 4)
LEVELS = ("negligible", "minor", "moderate", "major")
# (upper bound of the score, level), checked in order
BANDS = ((6, "negligible"), (17, "minor"), (35, "moderate"), (64, "major"))
SIGNIFICANT = frozenset({"moderate", "major"})


@dataclass(frozen=True)
class Significance:
    """The score (1 to 64) and level of one impact."""

    score: int
    level: str

    @property
    def significant(self) -> bool:
        return self.level in SIGNIFICANT


def _rating(value: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        raise ValueError(f"{name} must be an integer from 1 to 4, not {value!r}")
    return value


def significance(magnitude: int, likelihood: int, sensitivity: int) -> Significance:
    """The significance of an impact rated 1 to 4 on each scale; ValueError naming the scale out of range."""
    m = _rating(magnitude, "magnitude")
    score = m * _rating(likelihood, "likelihood") * _rating(sensitivity, "sensitivity")
    level = next(name for bound, name in BANDS if score <= bound)
    if m == 4 and sensitivity >= 3 and LEVELS.index(level) < LEVELS.index("moderate"):
        level = "moderate"
    return Significance(score, level)
