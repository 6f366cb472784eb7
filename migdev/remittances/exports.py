"""Indicator tables as CSV and SDMX-CSV 2.0, each row carrying the methodology and the CC BY 4.0 attribution."""

import csv
from collections.abc import Iterable, Iterator

from migdev.remittances.adapters import Value

ATTRIBUTION = (
    "The World Bank, Remittance Prices Worldwide (CC BY 4.0); 2011-2014 quotes via the CCGlobal compilation "
    "(B. D. Mazzotta, CC BY-SA 4.0); computed by MigDev"
)
METHODOLOGY = (
    "Mean of the published total cost (% of USD 200 sent) over transparent services, each counted once; "
    "Global, regional and category averages exclude corridors sent from Russia (country averages do not); "
    "SmaRT is the mean of the three cheapest transparent services arriving within 5 days with nationwide coverage "
    "(World Bank RPW method)"
)
DATAFLOW = "MIGDEV:RPW_COST(1.0)"


class _Line:
    """A file-like object csv.writer writes one line into, handed back as a string."""

    def write(self, text: str) -> str:
        return text


def _csv(rows: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Line(), lineterminator="\n")  # type: ignore[arg-type]
    return (writer.writerow(row) for row in rows)  # type: ignore[misc]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def indicator_csv(indicator: str, dimension: str, rows: Iterable[Value]) -> Iterator[str]:
    """indicator, period, [dimension], value (%), services, corridors, methodology, attribution."""
    extra = [dimension] if dimension else []

    def body() -> Iterator[list[str]]:
        yield [
            "indicator",
            "period",
            *extra,
            "value_percent",
            "n_services",
            "n_corridors",
            "methodology",
            "attribution",
        ]
        for row in rows:
            group = list(row.group[:1]) if dimension else []
            counts = [str(row.n_services), str(row.n_corridors)]
            yield [indicator, row.period, *group, _number(row.value), *counts, METHODOLOGY, ATTRIBUTION]

    return _csv(body())


def indicator_sdmx_csv(indicator: str, dimension: str, rows: Iterable[Value]) -> Iterator[str]:
    """SDMX-CSV 2.0: dimensions INDICATOR, [dimension], TIME_PERIOD; OBS_VALUE; attributes incl. the source."""
    dimension_id = dimension.upper()
    extra = [dimension_id] if dimension else []
    code = indicator.upper().replace("-", "_")

    def body() -> Iterator[list[str]]:
        lead = ["STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR", *extra, "TIME_PERIOD", "OBS_VALUE"]
        yield [*lead, "UNIT_MEASURE", "N_SERVICES", "N_CORRIDORS", "METHODOLOGY", "ATTRIBUTION"]
        for row in rows:
            group = list(row.group[:1]) if dimension else []
            lead = ["dataflow", DATAFLOW, "I", code, *group, row.period, _number(row.value), "PT"]
            yield [*lead, str(row.n_services), str(row.n_corridors), METHODOLOGY, ATTRIBUTION]

    return _csv(body())


QUOTE_COLUMNS = (
    "period",
    "sending",
    "receiving",
    "firm",
    "firm_type",
    "provider_type",
    "instrument",
    "pickup_method",
    "speed",
    "coverage",
    "tier",
    "currency",
    "amount",
    "fee",
    "fx_rate",
    "interbank_rate",
    "published_fx_margin",
    "published_total",
    "fee_pct",
    "fx_margin",
    "total_cost",
    "transparent",
    "total_mismatch",
    "negative_margin",
)
QUOTES_ATTRIBUTION = (
    "The World Bank, Remittance Prices Worldwide (CC BY 4.0); 2011-2014 quotes from the CCGlobal compilation "
    "(B. D. Mazzotta, CC BY-SA 4.0: share alike); fee_pct, fx_margin and total_cost recomputed by MigDev"
)


def quotes_csv(rows: Iterable[tuple[object, ...]]) -> Iterator[str]:
    """Price quotes as stored (both amounts), with the recomputed costs, the flags and the attribution."""

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        return repr(value) if isinstance(value, float) else str(value)

    def body() -> Iterator[list[str]]:
        yield [*QUOTE_COLUMNS, "attribution"]
        for row in rows:
            yield [*(text(value) for value in row), QUOTES_ATTRIBUTION]

    return _csv(body())
