"""Reads for the labour exchange's front page: public counts only."""

from dataclasses import dataclass

from django.db.models import Sum

from migdev.labour.models import Placement, Scheme, Vacancy, WorkerProfile


@dataclass(frozen=True)
class ExchangeSummary:
    schemes: int
    published_vacancies: int
    open_positions: int
    registered_workers: int
    placements: int


def exchange_summary() -> ExchangeSummary:
    """Counts anyone may see: active schemes, published vacancies and positions, workers, placements."""
    published = Vacancy.objects.filter(state=Vacancy.State.PUBLISHED)
    return ExchangeSummary(
        schemes=Scheme.objects.filter(is_active=True).count(),
        published_vacancies=published.count(),
        open_positions=published.aggregate(total=Sum("positions"))["total"] or 0,
        registered_workers=WorkerProfile.objects.filter(erased_at__isnull=True).count(),
        placements=Placement.objects.count(),
    )
