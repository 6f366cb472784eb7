"""The labour admin (stewards only, schemes in language tabs, audited reads of workers) and the pure date rules."""

import doctest
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from migdev.accounts.models import AuditEvent, User
from migdev.accounts.tests.factories import StewardFactory, UserFactory
from migdev.engines.labour import registry_rules
from migdev.engines.labour.registry_rules import add_months, convert_wage, longest_stay, season_months, within_season
from migdev.labour.tests.factories_registry import SchemeFactory, WorkerProfileFactory

MODELS = [
    "recruiterlicence",
    "labouragreement",
    "scheme",
    "labourstandard",
    "workerprofile",
    "vacancy",
    "invitation",
    "placement",
    "contract",
    "costpayment",
    "grievance",
    "riskflag",
]


def admin_client(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
def test_stewards_see_every_labour_model_in_the_admin(model: str) -> None:
    assert admin_client(StewardFactory()).get(f"/en/admin/labour/{model}/").status_code == 200


@pytest.mark.django_db
def test_others_do_not_see_the_labour_admin() -> None:
    user = UserFactory(is_staff=True)
    assert admin_client(user).get("/en/admin/labour/scheme/").status_code == 403


@pytest.mark.django_db
def test_scheme_admin_has_language_tabs_and_worker_reads_are_audited() -> None:
    steward = StewardFactory()
    scheme = SchemeFactory()
    page = admin_client(steward).get(f"/en/admin/labour/scheme/{scheme.pk}/change/").content.decode()
    assert "name_fr" in page and "name_es" in page
    worker = WorkerProfileFactory()
    assert admin_client(steward).get(f"/en/admin/labour/workerprofile/{worker.pk}/change/").status_code == 200
    assert AuditEvent.objects.filter(subject=worker.user, action="read", actor=steward).exists()


def test_the_engine_examples_hold() -> None:
    assert doctest.testmod(registry_rules).failed == 0


def test_wage_conversion_uses_52_weeks_over_12_months() -> None:
    assert convert_wage(Decimal("3000"), "month", "hour", Decimal(40)) == Decimal("3000") / (Decimal(40) * 52 / 12)
    with pytest.raises(ValueError):
        convert_wage(Decimal(1), "fortnight", "hour", Decimal(40))


@given(st.integers(1, 12), st.integers(1, 12))
def test_season_windows_hold_between_1_and_12_months(start: int, end: int) -> None:
    months = season_months(start, end)
    assert months[0] == start and months[-1] == end and 1 <= len(months) <= 12 and len(set(months)) == len(months)
    assert within_season(start, end, start, len(months)) and not within_season(start, end, start, len(months) + 1)


@given(st.dates(date(2000, 1, 1), date(2090, 1, 1)), st.integers(1, 12))
def test_a_single_contract_of_the_maximum_length_always_fits(start: date, months: int) -> None:
    stay = (start, add_months(start, months) - date.resolution)
    found = longest_stay([stay], months, 12)
    assert found is not None and not found.exceeded
