"""The public indicators in words: SDG 10.7.1 groups named (countries, ISCO-08 titles, sexes) with their codes kept
beside them, the data of its chart, and the filter a country official starts from (their own country)."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from migdev.accounts.models import User
from migdev.accounts.services import Actor
from migdev.core.models import Country, IscoGroup
from migdev.engines.labour.indicators import RecruitmentCostReport, Summary
from migdev.labour.models import Vacancy, WorkerProfile

CORRIDOR_ARROW = "→"


@dataclass(frozen=True)
class NamedSummary:
    """One group of an indicator: its name in words ("Philippines → Canada"), its code ("PHL→CAN"), its figures."""

    label: str
    code: str
    summary: Summary


@dataclass(frozen=True)
class NamedRecruitmentCost:
    total: Summary
    by_sex: list[NamedSummary]
    by_corridor: list[NamedSummary]
    by_occupation: list[NamedSummary]


def sex_label(code: str) -> str:
    return {"F": _("Women"), "M": _("Men")}.get(code, code)


def country_names(codes: set[str]) -> dict[str, str]:
    return dict(Country.objects.filter(pk__in=codes).values_list("pk", "name"))


def corridor_label(code: str, names: dict[str, str]) -> str:
    origin, _sep, destination = code.partition(CORRIDOR_ARROW)
    return f"{names.get(origin, origin)} {CORRIDOR_ARROW} {names.get(destination, destination)}"


def name_corridors(groups: dict[str, Any]) -> dict[str, str]:
    """Each "PHL→CAN" key as "Philippines → Canada" (one query)."""
    codes = {part for key in groups for part in key.split(CORRIDOR_ARROW)}
    names = country_names(codes)
    return {key: corridor_label(key, names) for key in groups}


def named_recruitment_cost(report: RecruitmentCostReport) -> NamedRecruitmentCost:
    """The SDG 10.7.1 report with its groups named: two queries (countries, ISCO-08 titles)."""
    corridors = name_corridors(report.by_corridor)
    titles = dict(IscoGroup.objects.filter(pk__in=list(report.by_occupation)).values_list("pk", "title"))
    return NamedRecruitmentCost(
        total=report.total,
        by_sex=[NamedSummary(sex_label(code), code, s) for code, s in report.by_sex.items()],
        by_corridor=[NamedSummary(corridors[code], code, s) for code, s in report.by_corridor.items()],
        by_occupation=[NamedSummary(titles.get(code, code), code, s) for code, s in report.by_occupation.items()],
    )


def recruitment_cost_chart(named: NamedRecruitmentCost) -> dict[str, Any]:
    """The chart's data: mean and median cost share by corridor (suppressed corridors left out), with its labels."""
    return {
        "corridors": [
            {
                "label": row.label,
                "code": row.code,
                "n": row.summary.n,
                "mean": row.summary.mean,
                "median": row.summary.median,
            }
            for row in named.by_corridor
            if row.summary.mean is not None
        ],
        "labels": {
            "axis": _("Recruitment cost paid by the worker, as a share of one month's earnings"),
            "mean": _("Mean"),
            "median": _("Median"),
            "workers": _("workers"),
        },
    }


def official_starting_filter(viewer: Actor) -> dict[str, str]:
    """The filter an official's page starts from: their own country, as the origin of the workers if it sends any,
    else as the destination of the vacancies. Nothing for anyone else (or an official of several countries)."""
    if not isinstance(viewer, User) or not viewer.is_authenticated:
        return {}
    countries = list(viewer.official_countries.values_list("pk", flat=True)[:2])
    if len(countries) != 1:
        return {}
    [country] = countries
    sends = WorkerProfile.objects.filter(nationality_id=country).exists()
    if not sends and Vacancy.objects.filter(destination_id=country).exists():
        return {"destination": country}
    return {"origin": country}
