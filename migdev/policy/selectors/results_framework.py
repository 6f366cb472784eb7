"""The SDG migration results framework of a country, filled from the platform's data where it exists.

Reusable by any upper room (the impact room's baseline may read it): one row per migration-related SDG indicator
(`core.SdgIndicator`), with the platform's latest figure, its period, unit and source, or the reason it is missing.
Reads the domain rooms only through their selectors: 10.7.1 from `labour`, 10.c.1 from `remittances`, the migrant
stock from `stats`, 10.7.2 from this room's published self-assessments.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError
from migdev.core.models import SdgIndicator


@dataclass(frozen=True)
class Figure:
    """One figure of the platform for an indicator: value, unit, period and where it comes from."""

    value: float
    unit: str | Promise
    period: str
    source: str | Promise
    room: str  # the room holding the data
    note: str | Promise = ""


@dataclass(frozen=True)
class FrameworkRow:
    indicator: str
    target: str
    text: str
    core: bool
    figures: tuple[Figure, ...]
    missing: str | Promise  # why there is no figure (empty when there is one)

    @property
    def has_data(self) -> bool:
        return bool(self.figures)


def _sdg_10_7_1(iso3: str) -> list[Figure]:
    from migdev.labour.selectors import protection as labour

    figures = []
    for role, label in (("origin", _("workers from the country")), ("destination", _("workers in the country"))):
        filters = labour.clean_filters(origin=iso3) if role == "origin" else labour.clean_filters(destination=iso3)
        report = labour.recruitment_cost_report(filters)
        total = report.total
        if total.n and total.mean is not None:
            figures.append(
                Figure(
                    value=round(total.mean * 100, 2),
                    unit=_("% of monthly income (mean)"),
                    period=_("all seasons recorded"),
                    source=_("MigDev labour exchange: placements recorded on the platform"),
                    room="labour",
                    note=_("%(who)s, %(n)s placements") % {"who": label, "n": total.n},
                )
            )
    return figures


def _sdg_10_c_1(iso3: str) -> list[Figure]:
    from migdev.remittances import selectors as remittances

    figures = []
    for averages, label in (
        (remittances.receiving_country_averages(country=iso3), _("average cost of sending USD 200 to the country")),
        (remittances.sending_country_averages(country=iso3), _("average cost of sending USD 200 from the country")),
    ):
        if averages:
            latest = max(averages, key=lambda v: v.period)
            figures.append(
                Figure(
                    value=round(latest.value, 2),
                    unit=_("% of the amount sent"),
                    period=latest.period,
                    source=_("World Bank, Remittance Prices Worldwide (remittances room)"),
                    room="remittances",
                    note=label,
                )
            )
    return figures


def _migrant_stock(iso3: str) -> list[Figure]:
    from migdev.stats import selectors as stats

    try:
        profile = stats.country_profile(iso3)
    except DomainError:
        return []
    source = ", ".join(f"{s.publisher}, {s.title}" for s in profile.sources[:1]) or _("statistics room")
    figures = []
    stock = profile.latest("immigrant_stock")
    if stock is not None:
        figures.append(Figure(stock.value, _("persons"), stock.year, source, "stats", _("international migrant stock")))
    female = profile.latest("female_share")
    if female is not None:
        figures.append(Figure(female.value, "%", female.year, source, "stats", _("female share of migrants")))
    return figures


def _sdg_10_7_2(iso3: str) -> list[Figure]:
    from migdev.policy.selectors.assessments import latest_published

    found = latest_published(iso3)
    if found is None:
        return []
    assessment, score = found
    return [
        Figure(
            score.overall,
            _("score out of 100"),
            str(assessment.year),
            _("the country's published self-assessment on MigDev"),
            "policy",
            str(_band(score.band)),
        )
    ]


def _band(code: str) -> str | Promise:
    from migdev.policy.frameworks import BAND_LABELS

    return BAND_LABELS.get(code, code)


# Indicators the platform can fill, and how (the migrant stock is context for target 10.7: `context_figures`).
FILLERS: dict[str, Callable[[str], list[Figure]]] = {
    "10.7.1": _sdg_10_7_1,
    "10.7.2": _sdg_10_7_2,
    "10.c.1": _sdg_10_c_1,
}


def results_framework(iso3: str) -> list[FrameworkRow]:
    """Every migration-related SDG indicator for the country: the platform's figures, or why there are none."""
    iso3 = iso3.strip().upper()
    rows = []
    for indicator in SdgIndicator.objects.select_related("target").order_by("target__goal", "target__code", "code"):
        filler = FILLERS.get(indicator.code)
        figures = filler(iso3) if filler else []
        if filler is None:
            missing = _("MigDev holds no data for this indicator; take it from the national statistics office.")
        elif not figures:
            missing = _("No data on the platform for this country yet.")
        else:
            missing = ""
        rows.append(
            FrameworkRow(indicator.code, indicator.target_id, indicator.text, indicator.core, tuple(figures), missing)
        )
    return rows


def context_figures(iso3: str) -> list[Figure]:
    """The migrant stock and female share of the country (stats), shown beside target 10.7."""
    return _migrant_stock(iso3.strip().upper())


def coverage(rows: list[FrameworkRow]) -> tuple[int, int]:
    """(indicators with a figure, indicators in all)."""
    return sum(1 for r in rows if r.has_data), len(rows)


__all__ = ["FILLERS", "Figure", "FrameworkRow", "context_figures", "coverage", "results_framework"]
