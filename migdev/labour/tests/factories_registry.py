"""factory-boy factories for the labour registry: workers, vacancies, schemes, licences, standards."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from migdev.accounts.models import Membership, Organisation
from migdev.accounts.tests.factories import OrganisationFactory, UserFactory, WorkerFactory
from migdev.core.models import Country, Currency, EscoOccupation, Language, Sex
from migdev.labour.models import (
    Cefr,
    Consent,
    CostCategory,
    LabourStandard,
    Payer,
    RecruiterLicence,
    Scheme,
    Vacancy,
    VacancyCostTerm,
    WagePeriod,
    WorkerLanguage,
    WorkerProfile,
)

# Real ESCO v1.1.1 occupations (shipped reference data).
CROP_WORKER = "http://data.europa.eu/esco/occupation/c9191f7f-28b5-4df8-991d-804c53009b83"  # ISCO 9213
DOMESTIC_CLEANER = "http://data.europa.eu/esco/occupation/cbad55a4-c7cf-4ab6-9540-eac72b26729b"  # ISCO 9111
HEALTHCARE_ASSISTANT = "http://data.europa.eu/esco/occupation/d38c2107-98f2-47b7-8bb4-f69750d51082"  # ISCO 5321


def next_year_start(month: int = 4, day: int = 1) -> date:
    """A start date in the coming year, so that new vacancies never start in the past."""
    return date(timezone.localdate().year + 1, month, day)


def esco(uri: str) -> EscoOccupation:
    return EscoOccupation.objects.get(uri=uri)


class EmployerFactory(OrganisationFactory):
    kind = Organisation.Kind.EMPLOYER
    country = factory.LazyFunction(lambda: Country.objects.get(pk="CAN"))


class RecruiterFactory(OrganisationFactory):
    kind = Organisation.Kind.RECRUITMENT_AGENCY
    country = factory.LazyFunction(lambda: Country.objects.get(pk="PHL"))


class SendingAgencyFactory(OrganisationFactory):
    kind = Organisation.Kind.SENDING_AGENCY
    country = factory.LazyFunction(lambda: Country.objects.get(pk="PHL"))


def member_of(organisation: Organisation, username: str | None = None) -> Any:
    user = UserFactory(username=username) if username else UserFactory()
    Membership.objects.create(user=user, organisation=organisation, is_admin=True)
    return user


class LicenceFactory(DjangoModelFactory):
    class Meta:
        model = RecruiterLicence

    organisation = factory.SubFactory(RecruiterFactory)
    number = factory.Sequence(lambda n: f"POEA-{n:05d}")
    issuing_country = factory.LazyFunction(lambda: Country.objects.get(pk="PHL"))
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=365))
    valid_to = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=3 * 365))
    certification = RecruiterLicence.Certification.CERTIFIED
    certification_expires = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=365))


class StandardFactory(DjangoModelFactory):
    """Canada-like federal standard for the tests: 17.75 CAD an hour, 48 hours a week at most."""

    class Meta:
        model = LabourStandard

    country = factory.LazyFunction(lambda: Country.objects.get(pk="CAN"))
    valid_from = date(2020, 1, 1)
    minimum_wage = Decimal("17.75")
    currency = factory.LazyFunction(lambda: Currency.objects.get(pk="CAD"))
    wage_period = WagePeriod.HOUR
    max_weekly_hours = 48
    source = "Test standard"


class SchemeFactory(DjangoModelFactory):
    """A seasonal agricultural scheme after Canada's SAWP: April to November, 8 months in any 12."""

    class Meta:
        model = Scheme
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"seasonal-{n}")
    name = factory.Sequence(lambda n: f"Seasonal scheme {n}")
    kind = Scheme.Kind.SEASONAL
    destination = factory.LazyFunction(lambda: Country.objects.get(pk="CAN"))
    season_start_month = 4
    season_end_month = 11
    max_stay_months = 8
    max_stay_window_months = 12
    named_returning_allowed = True

    @factory.post_generation
    def origins(self, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create:
            self.eligible_origins.set(Country.objects.filter(pk__in=extracted or ["PHL", "MEX"]))

    @factory.post_generation
    def occupations(self, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create and extracted:
            from migdev.core.models import IscoGroup

            self.eligible_occupations.set(IscoGroup.objects.filter(pk__in=extracted))


class WorkerProfileFactory(DjangoModelFactory):
    class Meta:
        model = WorkerProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(WorkerFactory)
    pseudonym = factory.Sequence(lambda n: f"W-T{n:07d}")
    sex = factory.LazyFunction(lambda: Sex.objects.get(pk="F"))
    date_of_birth = date(1990, 5, 17)
    nationality = factory.LazyFunction(lambda: Country.objects.get(pk="PHL"))
    residence = factory.LazyFunction(lambda: Country.objects.get(pk="PHL"))
    education = 3
    registered_on = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def speaks(self, create: bool, extracted: dict[str, int] | None, **kwargs: Any) -> None:
        if create:
            for code, level in (extracted if extracted is not None else {"eng": Cefr.B2}).items():
                WorkerLanguage.objects.create(worker=self, language=Language.objects.get(pk=code), level=level)

    @factory.post_generation
    def consents(self, create: bool, extracted: bool | None, **kwargs: Any) -> None:
        if create and extracted is not False:
            Consent.objects.create(worker=self, purpose=Consent.Purpose.MATCHING, given_at=timezone.now())


class VacancyFactory(DjangoModelFactory):
    """A compliant, published seasonal farm vacancy in Canada (every cost on the employer, contract in English)."""

    class Meta:
        model = Vacancy
        skip_postgeneration_save = True

    employer = factory.SubFactory(EmployerFactory)
    title = "Farm worker"
    occupation = factory.LazyFunction(lambda: esco(CROP_WORKER))
    isco_group_id = factory.LazyAttribute(lambda v: v.occupation.isco_group_id)
    destination = factory.LazyFunction(lambda: Country.objects.get(pk="CAN"))
    place = "Leamington, Ontario"
    positions = 5
    wage_amount = Decimal("18.00")
    wage_currency = factory.LazyFunction(lambda: Currency.objects.get(pk="CAD"))
    wage_period = WagePeriod.HOUR
    weekly_hours = 40
    contract_months = 6
    start_date = factory.LazyFunction(next_year_start)
    state = Vacancy.State.PUBLISHED

    @factory.post_generation
    def contract_in(self, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if create:
            self.contract_languages.set(Language.objects.filter(pk__in=extracted or ["eng"]))

    @factory.post_generation
    def costs(self, create: bool, extracted: dict[str, str] | None, **kwargs: Any) -> None:
        if create:
            payers = extracted or {}
            for category in CostCategory:
                VacancyCostTerm.objects.create(
                    vacancy=self, category=category.value, payer=payers.get(category.value, Payer.EMPLOYER)
                )


def employer_with_member(username: str = "employer-member") -> tuple[Organisation, Any]:
    employer = EmployerFactory(name="Maple Farms")
    return employer, member_of(employer, username)
