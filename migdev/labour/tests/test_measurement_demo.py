"""The labour demo: registered as a setup step after the accounts demo, realistic counts, every protection case
present, idempotent, and the supply and demand pages show it."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db.models import Count
from django.test import Client

from migdev.accounts.demo import load_demo_accounts
from migdev.core.datasets import demo_steps
from migdev.core.progress import SilentProgress
from migdev.labour.demo import load_labour_demo
from migdev.labour.models import (
    Contract,
    CostPayment,
    Grievance,
    LabourStandard,
    Placement,
    RiskFlag,
    Scheme,
    Vacancy,
    WorkerProfile,
)
from migdev.labour.selectors import measurement
from migdev.labour.selectors.matching import worker_recommendations
from migdev.tests.shared_data import loaded_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_in_module(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    def load() -> str:
        load_demo_accounts(SilentProgress())
        return load_labour_demo(SilentProgress())

    with loaded_once(django_db_blocker, load) as summary:
        yield summary


@pytest.fixture
def demo(demo_in_module: str, db: None) -> str:
    """The accounts and labour demos (loaded once for the module), and the labour demo's summary line."""
    return demo_in_module


def test_the_labour_demo_is_a_setup_step_after_the_accounts_demo() -> None:
    order = {step.name: step.order for step in demo_steps()}
    assert order["labour"] > order["accounts"]


def test_the_demo_has_schemes_workers_vacancies_seasons_and_protection_cases(demo: str) -> None:
    assert demo.startswith("labour demo loaded: 5 schemes")
    schemes = {s.code: s for s in Scheme.objects.all()}
    assert set(schemes) == {"sawp-demo", "rse-demo", "palm-demo", "domestic-demo", "care-demo"}
    assert (schemes["rse-demo"].max_stay_months, schemes["rse-demo"].max_stay_window_months) == (7, 11)
    assert schemes["sawp-demo"].max_stay_months == 8 and schemes["sawp-demo"].named_returning_allowed
    assert all(s.description for s in schemes.values())
    assert all(s.source_url for code, s in schemes.items() if code != "care-demo")
    assert "Unverified" in schemes["palm-demo"].description
    workers = WorkerProfile.objects.count()
    assert 300 <= workers <= 320
    sexes = dict(WorkerProfile.objects.values_list("sex_id").annotate(n=Count("pk")))
    assert sexes["F"] > 50 and sexes["M"] > 150
    assert WorkerProfile.objects.filter(occupations__isnull=True).count() == 0
    assert WorkerProfile.objects.filter(skills__isnull=True).count() == 0
    seasons = dict(Placement.objects.values_list("season").annotate(n=Count("pk")))
    assert set(seasons) == {2024, 2025, 2026} and min(seasons.values()) >= 40
    assert Vacancy.objects.filter(state=Vacancy.State.PUBLISHED, start_date__year=2027).count() >= 5
    assert Vacancy.objects.filter(skills__essential=True).distinct().count() == Vacancy.objects.count()
    # Seasons: returns, re-hires, named requests, fees, substitutions, grievances.
    assert Placement.objects.filter(state=Placement.State.RETURNED).count() > 100
    assert Placement.objects.filter(named_request=True).count() > 20
    rehired = WorkerProfile.objects.annotate(seasons=Count("placements__season", distinct=True)).filter(seasons__gte=3)
    assert rehired.count() > 10
    assert Placement.objects.filter(state=Placement.State.ABSCONDED).exists()
    assert CostPayment.objects.filter(paid_by="worker").count() >= 5
    kinds = set(RiskFlag.objects.values_list("kind", flat=True))
    assert {"worker_paid_fee", "contract_substitution", "forced_labour"} <= kinds
    assert Contract.objects.filter(stage="destination").count() > 100
    assert Grievance.objects.count() == 3 and Grievance.objects.filter(status="resolved").count() == 1
    demo_worker = WorkerProfile.objects.get(user__username="demo-worker")
    history = {p.season: (p.state, p.named_request) for p in demo_worker.placements.all()}
    assert history[2024] == (Placement.State.RETURNED, False)
    assert history[2025] == (Placement.State.RETURNED, True)
    # Minimum wages are recorded with their sources, none marked verified.
    standards = LabourStandard.objects.all()
    assert {s.country_id for s in standards} == {"CAN", "NZL", "AUS"}
    assert not any(s.verified for s in standards)
    assert all(s.source and s.source_url for s in standards)


def test_the_demo_worker_looks_for_her_next_season_and_is_recommended_vacancies(demo: str) -> None:
    """README's worker scenario: abroad for her 2026 season, she looks for work from the day that contract ends, and
    her employer's 2027 vacancy is among those recommended to her."""
    worker = WorkerProfile.objects.get(user__username="demo-worker")
    current = worker.placements.get(season=2026)
    assert worker.is_available
    assert worker.available_from == current.due_return_on
    recommended = [e.vacancy.title for e in worker_recommendations(worker.user, worker)]
    assert "Live-out domestic workers 2027" in recommended


def test_loading_the_demo_again_changes_nothing(demo: str) -> None:
    counts = (WorkerProfile.objects.count(), Vacancy.objects.count(), Placement.objects.count())
    assert load_labour_demo(SilentProgress()).startswith("labour demo already loaded")
    assert counts == (WorkerProfile.objects.count(), Vacancy.objects.count(), Placement.objects.count())


def test_the_supply_and_demand_pages_show_the_demo(demo: str, client: Client) -> None:
    found = measurement.opportunity_matrix(month="2025-01", level=4)
    assert any(o.origin.iso3 == "MEX" and o.destination.iso3 == "CAN" and "sawp-demo" in o.schemes for o in found)
    html = client.get("/en/labour/market/?month=2025-01&level=1").content.decode()
    assert "Mexico" in html and "Canada" in html and "market-shortage" in html
