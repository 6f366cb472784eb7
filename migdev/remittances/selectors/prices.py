"""Price quotes as pages show them: a corridor's providers for both amounts, the corridors and countries surveyed."""

from dataclasses import dataclass

from django.db.models import Count, Max, QuerySet

from migdev.core.errors import NotFound
from migdev.core.models import Country
from migdev.remittances.importers.quotes import EXTRA_COUNTRIES
from migdev.remittances.models import PriceImport, PriceQuote, PriceUpload, ProviderType, PublishedCorridorAverage

__all__ = [
    "ServiceRow",
    "corridor_services",
    "corridors",
    "country_name",
    "country_names",
    "latest_period",
    "price_imports",
    "price_uploads",
    "provider_type_labels",
    "published_series",
    "quotes",
]


def country_names() -> dict[str, str]:
    """ISO3 -> name in the active language, for every country a quote may name."""
    names = {c.iso3: c.name for c in Country.objects.only("iso3", "name")}
    return names | {code: name for code, name in EXTRA_COUNTRIES.items() if code not in names}


def country_name(iso3: str) -> str:
    name = country_names().get(iso3)
    if name is None:
        raise NotFound(f"Unknown country {iso3!r} (give an ISO 3166-1 alpha-3 code)", "country")
    return name


def latest_period() -> str | None:
    return PriceQuote.objects.aggregate(latest=Max("period"))["latest"]


def corridors() -> list[tuple[str, str, int]]:
    """(sending, receiving, quarters surveyed) of every corridor with quotes."""
    rows = (
        PriceQuote.objects.filter(tier=200)
        .values("sending", "receiving")
        .annotate(quarters=Count("period", distinct=True))
        .order_by("sending", "receiving")
    )
    return [(r["sending"], r["receiving"], r["quarters"]) for r in rows]


@dataclass(frozen=True)
class ServiceRow:
    """One provider's service in a corridor and quarter: both amounts side by side."""

    firm: str
    provider_type: str
    provider_type_label: str
    instrument: str
    pickup_method: str
    speed: str
    speed_label: str
    transparent: bool
    small: PriceQuote  # USD 200
    large: PriceQuote | None  # USD 500, where RPW priced it


def corridor_services(sending: str, receiving: str, period: str) -> list[ServiceRow]:
    """Every service of a corridor in a quarter, cheapest first (by the USD 200 total cost), transparent ones first."""
    rows = list(
        PriceQuote.objects.filter(sending=sending, receiving=receiving, period=period)
        .defer("note")
        .order_by("rpw_id", "pk")
    )
    large = {(q.rpw_id, q.firm, q.instrument): q for q in rows if q.tier == 500}
    services = []
    for quote in rows:
        if quote.tier != 200:
            continue
        services.append(
            ServiceRow(
                quote.firm,
                quote.provider_type,
                quote.get_provider_type_display(),
                quote.instrument,
                quote.pickup_method,
                quote.speed,
                quote.get_speed_display(),
                quote.transparent,
                quote,
                large.get((quote.rpw_id, quote.firm, quote.instrument)),
            )
        )

    def cost(row: ServiceRow) -> tuple[bool, bool, float]:
        # A service that does not disclose its exchange rate shows a margin of 0: its total is not comparable, so
        # it comes after the transparent ones however low it looks.
        total = row.small.published_total
        return (not row.transparent, total is None, total if total is not None else 0.0)

    return sorted(services, key=cost)


def quotes(period: str | None = None, sending: str | None = None, receiving: str | None = None) -> QuerySet[PriceQuote]:
    queryset = PriceQuote.objects.all()
    if period:
        queryset = queryset.filter(period=period)
    if sending:
        queryset = queryset.filter(sending=sending)
    if receiving:
        queryset = queryset.filter(receiving=receiving)
    return queryset.order_by("period", "sending", "receiving", "rpw_id", "tier", "pk")


def published_series(sending: str | None = None, receiving: str | None = None) -> QuerySet[PublishedCorridorAverage]:
    """The World Bank's own corridor averages (DataBank ATCR.CORR, 2011Q1-2020Q3)."""
    queryset = PublishedCorridorAverage.objects.all()
    if sending:
        queryset = queryset.filter(sending=sending)
    if receiving:
        queryset = queryset.filter(receiving=receiving)
    return queryset.order_by("sending", "receiving", "period")


def provider_type_labels() -> dict[str, str]:
    return {str(choice.value): str(choice.label) for choice in ProviderType}


def price_imports() -> QuerySet[PriceImport]:
    """The files loaded, newest first, with who loaded them."""
    return PriceImport.objects.select_related("imported_by").order_by("-imported_at", "-pk")


def price_uploads() -> QuerySet[PriceUpload]:
    """The files stewards uploaded, newest first, with what came of each."""
    return PriceUpload.objects.select_related("uploaded_by", "price_import").order_by("-uploaded_at", "-pk")
