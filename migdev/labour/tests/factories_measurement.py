"""factory-boy factories for the measurement tests: available workers, published vacancies, accepted placements.

The core reference data (countries, currencies, sexes, ISCO-08, ESCO) is loaded by the root conftest.
"""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from migdev.accounts.models import Organisation
from migdev.accounts.tests.factories import OrganisationFactory, UserFactory
from migdev.core.models import Country, Currency, EscoOccupation, Sex
from migdev.labour.models import Consent, Placement, PlacementEvent, Vacancy, WorkerOccupation, WorkerProfile


def esco_occupation(isco: str) -> EscoOccupation:
    """The first ESCO occupation of an ISCO-08 unit group (9211 crop farm labourers, 5321 health care assistants)."""
    found = EscoOccupation.objects.filter(isco_group_id=isco).order_by("uri").first()
    assert found is not None, f"no ESCO occupation in ISCO-08 {isco}"
    return found


def noon(day: dt.date) -> dt.datetime:
    """Midday of a date in the site's time zone (so the local date is that day)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


class MeasurementUserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"measure-user{n}")
    is_worker = True


class EmployerFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Measurement test employer {n}")
    kind = Organisation.Kind.EMPLOYER


class WorkerProfileFactory(DjangoModelFactory):
    class Meta:
        model = WorkerProfile

    user = factory.SubFactory(MeasurementUserFactory)
    pseudonym = factory.Sequence(lambda n: f"MEAS{n:06d}")
    sex = factory.LazyFunction(lambda: Sex.objects.get(pk="F"))
    nationality = factory.LazyFunction(lambda: Country.objects.get(pk="PHL"))
    residence = factory.LazyAttribute(lambda w: w.nationality)
    registered_on = dt.date(2024, 1, 1)
    is_available = True


def available_worker(
    sex: str = "F",
    nationality: str = "PHL",
    isco: tuple[str, ...] = ("9211",),
    available_from: dt.date | None = None,
    available_to: dt.date | None = None,
    residence: str | None = None,
    **fields: object,
) -> WorkerProfile:
    """A worker looking for work in the given ISCO-08 unit groups (one ESCO occupation each)."""
    worker = WorkerProfileFactory(
        sex=Sex.objects.get(pk=sex),
        nationality=Country.objects.get(pk=nationality),
        residence=Country.objects.get(pk=residence or nationality),
        available_from=available_from,
        available_to=available_to,
        **fields,
    )
    for code in isco:
        WorkerOccupation.objects.create(worker=worker, occupation=esco_occupation(code), years_experience=2)
    return worker


class VacancyFactory(DjangoModelFactory):
    class Meta:
        model = Vacancy

    employer = factory.SubFactory(EmployerFactory)
    title = factory.Sequence(lambda n: f"Measurement test vacancy {n}")
    occupation = factory.LazyFunction(lambda: esco_occupation("9211"))
    isco_group = factory.LazyAttribute(lambda v: v.occupation.isco_group)
    destination = factory.LazyFunction(lambda: Country.objects.get(pk="CAN"))
    place = "Leamington, Ontario"
    positions = 1
    wage_amount = Decimal("17.20")
    wage_currency = factory.LazyFunction(lambda: Currency.objects.get(pk="CAD"))
    wage_period = "hour"
    weekly_hours = 40
    contract_months = 6
    start_date = dt.date(2025, 4, 1)
    state = Vacancy.State.PUBLISHED


def published_vacancy(
    isco: str = "9211",
    destination: str = "CAN",
    positions: int = 1,
    published_on: dt.date = dt.date(2025, 1, 10),
    closed_on: dt.date | None = None,
    state: str = Vacancy.State.PUBLISHED,
    **fields: object,
) -> Vacancy:
    occupation = esco_occupation(isco)
    return VacancyFactory(
        occupation=occupation,
        isco_group=occupation.isco_group,
        destination=Country.objects.get(pk=destination),
        positions=positions,
        published_at=noon(published_on),
        closed_at=noon(closed_on) if closed_on else None,
        state=state,
        **fields,
    )


def accepted_placement(
    worker: WorkerProfile, vacancy: Vacancy, accepted_on: dt.date, state: str = Placement.State.ACCEPTED
) -> Placement:
    """A placement offered a week before it was accepted, with the acceptance in its history."""
    placement = Placement.objects.create(
        worker=worker,
        vacancy=vacancy,
        season=accepted_on.year,
        state=state,
        offered_on=accepted_on - dt.timedelta(days=7),
    )
    PlacementEvent.objects.create(placement=placement, state=Placement.State.ACCEPTED, on=accepted_on)
    return placement


YEAR_2025 = {"available_from": dt.date(2025, 1, 1), "available_to": dt.date(2025, 12, 31)}


def build_small_market() -> dict[str, Vacancy]:
    """PHL: 4 women, 3 men (crop labourers, 9211) all 2025, and a woman living in the UAE from 15 March; a woman
    who withdrew her consent to statistics. MEX: 2 women, 1 man. CAN: 6 positions published 10 Jan (2 taken in
    January, 1 in February), 2 positions published 5 Feb and filled by 25 Feb; a draft vacancy that never counts."""
    for _ in range(4):
        available_worker("F", "PHL", **YEAR_2025)
    for _ in range(3):
        available_worker("M", "PHL", **YEAR_2025)
    available_worker("F", "PHL", residence="ARE", available_from=dt.date(2025, 3, 15))
    withdrawn = available_worker("F", "PHL", **YEAR_2025)
    Consent.objects.create(
        worker=withdrawn, purpose=Consent.Purpose.STATISTICS, given_at=timezone.now(), withdrawn_at=timezone.now()
    )
    for sex in ("F", "F", "M"):
        available_worker(sex, "MEX", **YEAR_2025)
    hired = [available_worker(sex, "MEX", is_available=False) for sex in ("F", "M", "F", "F", "F")]
    first = published_vacancy("9211", "CAN", positions=6, published_on=dt.date(2025, 1, 10))
    accepted_placement(hired[0], first, dt.date(2025, 1, 20))
    accepted_placement(hired[1], first, dt.date(2025, 1, 31), state=Placement.State.RETURNED)
    accepted_placement(hired[2], first, dt.date(2025, 2, 2))
    second = published_vacancy(
        "9211",
        "CAN",
        positions=2,
        published_on=dt.date(2025, 2, 5),
        closed_on=dt.date(2025, 2, 26),
        state=Vacancy.State.FILLED,
    )
    accepted_placement(hired[3], second, dt.date(2025, 2, 15))
    accepted_placement(hired[4], second, dt.date(2025, 2, 25))
    offered_only = available_worker("M", "MEX", is_available=False)
    Placement.objects.create(worker=offered_only, vacancy=first, season=2025, offered_on=dt.date(2025, 1, 12))
    published_vacancy("5321", "CAN", positions=9, published_on=dt.date(2025, 1, 3), state=Vacancy.State.DRAFT)
    Vacancy.objects.filter(state=Vacancy.State.DRAFT).update(published_at=None)
    return {"first": first, "second": second}
