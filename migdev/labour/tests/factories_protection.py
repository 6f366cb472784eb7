"""factory-boy factories for the protection tests: workers, employers, schemes, vacancies and placements.

The core reference data (countries, currencies, languages, sexes, ISCO-08, ESCO) is loaded by the root conftest.
"""

from datetime import date
from decimal import Decimal
from typing import Any

import factory
from factory.django import DjangoModelFactory

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.models import Country, Currency, EscoOccupation, IscoGroup, Language, Sex
from migdev.labour.models import (
    Contract,
    CostCategory,
    CostPayment,
    LabourStandard,
    Payer,
    Placement,
    PlacementEvent,
    RecruiterLicence,
    Scheme,
    Vacancy,
    VacancyCostTerm,
    WorkerLanguage,
    WorkerProfile,
)

PASSWORD = "a-long-test-password-42"


def occupation(isco: str = "9211") -> EscoOccupation:
    """The first ESCO occupation of an ISCO-08 unit group (9211 crop farm labourers, 9111 domestic cleaners)."""
    return EscoOccupation.objects.filter(isco_group_id=isco).order_by("code").first()  # type: ignore[return-value]


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"prot-user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance: User, create: bool, results: Any = None) -> None:
        if create:
            instance.save()


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Protection test employer {n}")
    kind = Organisation.Kind.EMPLOYER
    country = factory.LazyFunction(lambda: Country.objects.get(pk="CAN"))
    status = Organisation.Status.APPROVED


class RecruiterFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Protection test recruiter {n}")
    kind = Organisation.Kind.RECRUITMENT_AGENCY
    country = factory.LazyFunction(lambda: Country.objects.get(pk="PHL"))


class SendingAgencyFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Protection test sending agency {n}")
    kind = Organisation.Kind.SENDING_AGENCY
    country = factory.LazyFunction(lambda: Country.objects.get(pk="PHL"))


class LicenceFactory(DjangoModelFactory):
    class Meta:
        model = RecruiterLicence

    organisation = factory.SubFactory(RecruiterFactory)
    number = factory.Sequence(lambda n: f"POEA-{n:05d}")
    issuing_country = factory.LazyFunction(lambda: Country.objects.get(pk="PHL"))
    valid_from = date(2020, 1, 1)
    valid_to = date(2030, 12, 31)


def member_of(organisation: Organisation, username: str, is_admin: bool = False) -> User:
    user = UserFactory(username=username)
    Membership.objects.create(user=user, organisation=organisation, is_admin=is_admin)
    return user


def official_of(iso3: str, username: str) -> User:
    user = UserFactory(username=username)
    user.official_countries.add(Country.objects.get(pk=iso3))
    return user


class WorkerProfileFactory(DjangoModelFactory):
    class Meta:
        model = WorkerProfile
        skip_postgeneration_save = True  # the hooks only add related rows

    user = factory.SubFactory(UserFactory, is_worker=True)
    pseudonym = factory.Sequence(lambda n: f"W-{n:06d}")
    sex = factory.LazyFunction(lambda: Sex.objects.get(pk="F"))
    nationality = factory.LazyFunction(lambda: Country.objects.get(pk="PHL"))
    residence = factory.LazyAttribute(lambda w: w.nationality)
    registered_on = date(2022, 1, 10)

    @factory.post_generation
    def speaks(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            for code in extracted if extracted is not None else ["eng", "fil"]:
                WorkerLanguage.objects.create(worker=self, language_id=code, level=4)


class SchemeFactory(DjangoModelFactory):
    class Meta:
        model = Scheme
        django_get_or_create = ("code",)
        skip_postgeneration_save = True  # the hooks only add related rows

    code = factory.Sequence(lambda n: f"prot-scheme-{n}")
    name = factory.Sequence(lambda n: f"Seasonal scheme {n}")
    kind = Scheme.Kind.SEASONAL
    destination = factory.LazyFunction(lambda: Country.objects.get(pk="CAN"))
    named_returning_allowed = True

    @factory.post_generation
    def origins(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.eligible_origins.set(Country.objects.filter(pk__in=extracted or ["PHL", "MEX"]))


class VacancyFactory(DjangoModelFactory):
    class Meta:
        model = Vacancy
        skip_postgeneration_save = True  # the hooks only add related rows

    employer = factory.SubFactory(OrganisationFactory)
    title = "Fruit picker"
    occupation = factory.LazyAttribute(lambda v: occupation(v.isco))
    isco_group = factory.LazyAttribute(lambda v: IscoGroup.objects.get(pk=v.isco))
    destination = factory.LazyFunction(lambda: Country.objects.get(pk="CAN"))
    place = "Leamington, Ontario"
    positions = 10
    wage_amount = Decimal("17.20")
    wage_currency = factory.LazyFunction(lambda: Currency.objects.get(pk="CAD"))
    wage_period = "hour"
    weekly_hours = 40
    contract_months = 6
    start_date = date(2024, 4, 1)
    scheme = factory.SubFactory(SchemeFactory)
    state = Vacancy.State.PUBLISHED

    class Params:
        isco = "9211"

    @factory.post_generation
    def languages(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.contract_languages.set(Language.objects.filter(pk__in=extracted or ["eng"]))

    @factory.post_generation
    def costs(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        """Every recruitment cost on the employer (the Employer Pays Principle), unless a payer is given."""
        if create:
            for category in CostCategory.values:
                VacancyCostTerm.objects.create(vacancy=self, category=category, payer=extracted or Payer.EMPLOYER)


def canadian_standard() -> LabourStandard:
    """A minimum wage and weekly limit for Canada, so that test vacancies are compliant (test values)."""
    return LabourStandard.objects.create(
        country_id="CAN",
        valid_from=date(2020, 1, 1),
        minimum_wage=Decimal("15.00"),
        currency_id="CAD",
        wage_period="hour",
        max_weekly_hours=60,
        source="test",
    )


class PlacementFactory(DjangoModelFactory):
    """A placement in any state, with coherent dates, made directly (no service) for reads and indicators."""

    class Meta:
        model = Placement
        skip_postgeneration_save = True  # the hooks only add related rows

    worker = factory.SubFactory(WorkerProfileFactory)
    vacancy = factory.SubFactory(VacancyFactory)
    season = 2024
    offered_on = factory.LazyAttribute(lambda p: date(p.season, 2, 1))
    state = Placement.State.OFFERED

    @factory.post_generation
    def history(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            PlacementEvent.objects.create(placement=self, state=Placement.State.OFFERED, on=self.offered_on)


def contract_for(placement: Placement, stage: str, **overrides: Any) -> Contract:
    vacancy = placement.vacancy
    values: dict[str, Any] = {
        "placement": placement,
        "stage": stage,
        "employer": vacancy.employer,
        "occupation": vacancy.occupation,
        "wage_amount": vacancy.wage_amount,
        "wage_currency": vacancy.wage_currency,
        "wage_period": vacancy.wage_period,
        "weekly_hours": vacancy.weekly_hours,
        "language_id": "eng",
        "signed_on": placement.offered_on,
    }
    values.update(overrides)
    return Contract.objects.create(**values)


class World:
    """One of each role around a Canadian seasonal vacancy recruited in the Philippines."""

    def __init__(self) -> None:
        canadian_standard()
        self.employer = OrganisationFactory(name="Maple Orchards (test)")
        self.recruiter = RecruiterFactory(name="Manila Fair Recruiters (test)")
        LicenceFactory(organisation=self.recruiter)
        self.agency = SendingAgencyFactory(name="Sending agency (test)")
        self.other_employer = OrganisationFactory(name="Other employer (test)")
        self.employer_member = member_of(self.employer, "prot-employer")
        self.recruiter_member = member_of(self.recruiter, "prot-recruiter")
        self.agency_member = member_of(self.agency, "prot-agency")
        self.other_member = member_of(self.other_employer, "prot-other-employer")
        self.official_origin = official_of("PHL", "prot-official-phl")
        self.official_destination = official_of("CAN", "prot-official-can")
        self.official_other = official_of("MEX", "prot-official-mex")
        self.steward = UserFactory(username="prot-steward", is_steward=True)
        self.worker = WorkerProfileFactory(user=UserFactory(username="prot-worker", is_worker=True))
        self.worker.sending_agency = self.agency
        self.worker.save()
        self.other_worker = WorkerProfileFactory(user=UserFactory(username="prot-worker-2", is_worker=True))
        self.scheme = SchemeFactory(code="prot-sawp", name="Seasonal agricultural (test)")
        self.vacancy = VacancyFactory(employer=self.employer, scheme=self.scheme)

    @property
    def worker_user(self) -> User:
        return self.worker.user

    def roles(self) -> dict[str, Any]:
        """Every role, by name; None is the anonymous visitor."""
        from django.contrib.auth.models import AnonymousUser

        return {
            "worker": self.worker.user,
            "employer": self.employer_member,
            "recruiter": self.recruiter_member,
            "agency": self.agency_member,
            "official_origin": self.official_origin,
            "official_destination": self.official_destination,
            "official_other": self.official_other,
            "steward": self.steward,
            "other_employer": self.other_member,
            "anonymous": AnonymousUser(),
        }


def worker_paid(placement: Placement, amount: str | Decimal, to: Organisation | None = None) -> CostPayment:
    """A recruitment fee the worker paid, recorded directly (in the wage currency)."""
    return CostPayment.objects.create(
        placement=placement,
        category="recruiter_fee",
        amount=Decimal(amount),
        currency_id=placement.vacancy.wage_currency_id,
        amount_in_wage_currency=Decimal(amount),
        paid_by="worker",
        paid_to=to,
        paid_on=placement.offered_on,
        reported_by="worker",
    )


def season_abroad(
    sex: str = "F",
    nationality: str = "PHL",
    monthly_wage: str = "2000",
    cost: str | None = None,
    **placement: Any,
) -> Placement:
    """A returned placement with a destination contract paying `monthly_wage` a month, and the fee the worker paid."""
    worker = placement.pop("worker", None) or WorkerProfileFactory(
        sex=Sex.objects.get(pk=sex), nationality=Country.objects.get(pk=nationality)
    )
    season = placement.pop("season", 2024)
    values: dict[str, Any] = {
        "state": Placement.State.RETURNED,
        "departed_on": date(season, 4, 1),
        "arrived_on": date(season, 4, 2),
        "completed_on": date(season, 9, 30),
        "due_return_on": date(season, 10, 15),
        "returned_on": date(season, 10, 2),
    }
    values.update(placement)
    made = PlacementFactory(worker=worker, season=season, **values)
    contract_for(made, "destination", wage_amount=Decimal(monthly_wage), wage_period="month")
    if cost is not None:
        worker_paid(made, cost)
    return made
