"""Aggregated survey results by country of origin, residence or sex; a group of fewer than MIN_CELL is withheld."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from migdev.diaspora import survey
from migdev.diaspora.models import SurveyResponse


@dataclass
class GroupResult:
    """The answers of one group (e.g. origin = Philippines), as counts and shares; never single answers."""

    code: str
    name: str
    respondents: int
    mean_attachment: float
    contribute_time: dict[str, float] = field(default_factory=dict)  # answer code -> % of the group
    contribute_money: dict[str, float] = field(default_factory=dict)
    channels: dict[str, float] = field(default_factory=dict)  # % of the group choosing it
    barriers: dict[str, float] = field(default_factory=dict)
    motives: dict[str, float] = field(default_factory=dict)


@dataclass
class SurveyResults:
    breakdown: str
    groups: list[GroupResult]
    withheld_groups: int  # groups of fewer than MIN_CELL respondents, not shown
    withheld_respondents: int
    total: int
    min_cell: int = survey.MIN_CELL


def _filtered(origin: str = "", residence: str = "", sex: str = "") -> QuerySet[SurveyResponse]:
    found = SurveyResponse.objects.select_related("origin", "residence", "sex")
    if origin:
        found = found.filter(origin_id=origin.upper()[:3])
    if residence:
        found = found.filter(residence_id=residence.upper()[:3])
    if sex:
        found = found.filter(sex_id=sex[:2])
    return found


def results(breakdown: str = "origin", origin: str = "", residence: str = "", sex: str = "") -> SurveyResults:
    """Answers grouped by `breakdown` (origin, residence or sex) within the filters; small groups withheld.

    The whole selection is also withheld when it holds fewer than MIN_CELL answers (a filter could single one out).
    """
    breakdown = breakdown if breakdown in survey.BREAKDOWNS else "origin"
    by_group: dict[str, list[SurveyResponse]] = defaultdict(list)
    names: dict[str, str] = {}
    rows = list(_filtered(origin, residence, sex))
    for row in rows:
        key_object = getattr(row, breakdown)
        by_group[key_object.pk].append(row)
        names[key_object.pk] = key_object.name
    groups, withheld, withheld_people = [], 0, 0
    for code, members in by_group.items():
        if len(members) < survey.MIN_CELL:
            withheld += 1
            withheld_people += len(members)
            continue
        groups.append(_group(code, names[code], members))
    groups.sort(key=lambda g: (-g.respondents, g.name))
    return SurveyResults(breakdown, groups, withheld, withheld_people, len(rows))


def _group(code: str, name: str, members: list[SurveyResponse]) -> GroupResult:
    n = len(members)

    def shares(values: list[str], choices: dict) -> dict[str, float]:
        counts = Counter(values)
        return {key: round(100.0 * counts[key] / n, 1) for key in choices}

    return GroupResult(
        code=code,
        name=name,
        respondents=n,
        mean_attachment=round(sum(m.attachment for m in members) / n, 2),
        contribute_time=shares([m.contribute_time for m in members], survey.WILLINGNESS),
        contribute_money=shares([m.contribute_money for m in members], survey.WILLINGNESS),
        channels=shares([c for m in members for c in m.channels], survey.CHANNELS),
        barriers=shares([c for m in members for c in m.barriers], survey.BARRIERS),
        motives=shares([c for m in members for c in m.motives], survey.MOTIVES),
    )
