"""Labour protection API: public aggregates (SDG 10.7.1, circular migration, protection indicators)."""

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router

from migdev.engines.labour.indicators import DEFAULT_MIN_GROUP_SIZE
from migdev.labour.api.protection.conversions import (
    indicator_label,
    kpis_out,
    summary_out,
)
from migdev.labour.api.protection.schemas import (
    CircularOut,
    CountsBySexOut,
    RecruitmentCostOut,
)
from migdev.labour.models import RiskFlag
from migdev.labour.selectors import protection as selectors

router = Router()

# A season year, as the selectors accept it (`clean_filters`).
SeasonYear = Annotated[int | None, Query(ge=2000, le=2100, description="Season year, e.g. 2025")]


# --- public aggregates ------------------------------------------------------------------------------------------------


@router.get(
    "/indicators/recruitment-cost",
    response=RecruitmentCostOut,
    url_name="labour_recruitment_cost",
    summary="SDG 10.7.1: recruitment cost borne by the employee / monthly income (public)",
)
def recruitment_cost(
    request: HttpRequest, origin: str = "", destination: str = "", occupation: str = "", period: SeasonYear = None
) -> dict[str, Any]:
    """Mean, median and 4th quintile (80th percentile) of C/E, by sex, corridor and occupation (ISCO-08 at any
    level); groups of fewer than 3 workers are suppressed (n shown, figures null)."""
    filters = selectors.clean_filters(origin, destination, occupation, period)
    report = selectors.recruitment_cost_report(filters)
    return {
        **summary_out(report.total),
        "indicator": "SDG 10.7.1",
        "definition": str(selectors.RECRUITMENT_COST_DEFINITION),
        "min_group_size": DEFAULT_MIN_GROUP_SIZE,
        "filters": {
            "origin": filters.origin,
            "destination": filters.destination,
            "occupation": filters.occupation,
            "period": filters.period,
        },
        "by_sex": {sex: summary_out(s) for sex, s in report.by_sex.items()},
        "by_corridor": [
            {
                **summary_out(s),
                "corridor": corridor,
                "by_sex": {sex: summary_out(x) for sex, x in report.by_corridor_and_sex.get(corridor, {}).items()},
            }
            for corridor, s in report.by_corridor.items()
        ],
        "by_occupation": [{**summary_out(s), "occupation": code} for code, s in report.by_occupation.items()],
    }


@router.get("/indicators/circular", response=CircularOut, summary="Circular migration KPIs by scheme, corridor, sex")
def circular(
    request: HttpRequest, scheme: str = "", origin: str = "", destination: str = "", period: SeasonYear = None
) -> dict[str, Any]:
    """Return rate, re-hire rate, same-employer re-hire share, share of named requests, months between seasons and
    overstay rate; groups of fewer than 3 workers are suppressed (counts shown, rates null)."""
    filters = selectors.clean_filters(origin, destination, "", period, scheme)
    report = selectors.circular_report(filters)
    return {
        "definitions": {key: str(text) for key, text in selectors.CIRCULAR_DEFINITIONS.items()},
        "min_group_size": DEFAULT_MIN_GROUP_SIZE,
        "filters": {
            "scheme": filters.scheme,
            "origin": filters.origin,
            "destination": filters.destination,
            "period": filters.period,
        },
        "total": kpis_out(report.total),
        "by_scheme": {key: kpis_out(k) for key, k in report.by_scheme.items()},
        "by_corridor": {key: kpis_out(k) for key, k in report.by_corridor.items()},
        "by_sex": {key: kpis_out(k) for key, k in report.by_sex.items()},
    }


def counts_label(key: str) -> str:
    kind, _sep, detail = key.partition(":")
    if kind in RiskFlag.Kind.values and not detail:
        return str(RiskFlag.Kind(kind).label)
    return indicator_label(detail or key)


@router.get(
    "/indicators/protection-by-sex", response=CountsBySexOut, summary="Open flags and grievances by sex (public)"
)
def protection_by_sex(request: HttpRequest, origin: str = "", destination: str = "") -> dict[str, Any]:
    """Counts of open risk flags (by kind, ILO indicator and C189 check) and of grievances (by indicator), by the
    worker's sex; counts of 1 or 2 are suppressed (null)."""
    filters = selectors.clean_filters(origin, destination)
    counts = selectors.protection_counts_by_sex(
        None, origin=filters.origin, destination=filters.destination, suppress_below=DEFAULT_MIN_GROUP_SIZE
    )
    return {
        "min_group_size": DEFAULT_MIN_GROUP_SIZE,
        **{part: [{**row, "label": counts_label(row["key"])} for row in rows] for part, rows in counts.items()},
    }
