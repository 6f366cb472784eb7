"""The screening outcome of MigDev's proposed checklist, by the rules stated on the screening page and in the docs.

Each of the 18 items is answered "yes", "no" or "unknown" (with evidence). GV1 (governance) and DA1 (data) are
process requirements asked of every project; they do not change the outcome. Of the 16 other items:
1. a full assessment if any high-risk item (IN1 influx, GE1 gender-based violence, CH1 children, DR1 displacement) is
   "yes", or if FULL_AT (5) or more items are "yes";
2. otherwise a light assessment if any item is "yes" or "unknown" (not knowing is a reason to look);
3. otherwise, every item "no": no assessment is needed.
"""

from collections.abc import Mapping

ANSWERS = ("yes", "no", "unknown")
HIGH_RISK = ("IN1", "GE1", "CH1", "DR1")
PROCESS_ITEMS = ("GV1", "DA1")
FULL_AT = 5


def outcome(answers: Mapping[str, str]) -> str:
    """'none', 'light' or 'full' for answers keyed by item code (every answer one of ANSWERS)."""
    substantive = {code: answer for code, answer in answers.items() if code not in PROCESS_ITEMS}
    yes = [code for code, answer in substantive.items() if answer == "yes"]
    if any(code in HIGH_RISK for code in yes) or len(yes) >= FULL_AT:
        return "full"
    if yes or any(answer == "unknown" for answer in substantive.values()):
        return "light"
    return "none"
