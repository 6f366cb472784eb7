"""Minimum standards on vacancies: one test per named failure, the C189 checks, and recruiter licences."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from migdev.accounts.models import Organisation
from migdev.core.errors import DomainError
from migdev.core.models import Country, Currency
from migdev.labour import compliance
from migdev.labour.models import LabourStandard, Vacancy, VacancyCostTerm
from migdev.labour.services import registry as services
from migdev.labour.tests.factories_registry import (
    DOMESTIC_CLEANER,
    EmployerFactory,
    LicenceFactory,
    RecruiterFactory,
    SchemeFactory,
    StandardFactory,
    VacancyFactory,
    esco,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def standard() -> LabourStandard:
    return StandardFactory()  # type: ignore[no-any-return]


def failures(vacancy: Vacancy) -> dict[str, str]:
    return {f.code: f.field for f in compliance.check_vacancy(vacancy)}


def test_a_fair_vacancy_is_compliant() -> None:
    assert compliance.check_vacancy(VacancyFactory()) == []


def test_every_cost_the_worker_pays_is_named() -> None:
    vacancy = VacancyFactory(costs={"recruiter_fee": "worker", "medical": "worker", "visa": "recruiter"})
    found = [f for f in compliance.check_vacancy(vacancy) if f.code == "worker_pays_cost"]
    assert [f.field for f in found] == ["cost_terms.recruiter_fee", "cost_terms.medical"]


def test_a_cost_category_left_unsaid_is_a_failure() -> None:
    vacancy = VacancyFactory()
    VacancyCostTerm.objects.filter(vacancy=vacancy, category="training").delete()
    assert failures(vacancy) == {"cost_term_missing": "cost_terms.training"}


def test_wage_below_the_minimum_converted_to_the_vacancys_period() -> None:
    """17.75 an hour at 40 hours a week is 3,076.67 a month (52/12 weeks a month)."""
    below = VacancyFactory(wage_amount=Decimal("3076.66"), wage_period="month")
    at = VacancyFactory(wage_amount=Decimal("3076.67"), wage_period="month")
    assert failures(below) == {"below_minimum_wage": "wage_amount"}
    assert "3,076.67" in compliance.check_vacancy(below)[0].message
    assert failures(at) == {}


def test_no_standard_is_unverified_not_a_pass(standard: LabourStandard) -> None:
    standard.delete()
    assert failures(VacancyFactory()) == {"minimum_wage_unverified": "wage_amount", "hours_unverified": "weekly_hours"}


def test_a_standard_in_another_currency_is_unverified() -> None:
    vacancy = VacancyFactory(wage_currency=Currency.objects.get(pk="USD"))
    assert failures(vacancy) == {"minimum_wage_unverified": "wage_currency"}


def test_the_standard_in_force_on_the_start_date_applies() -> None:
    start = VacancyFactory().start_date
    StandardFactory(valid_from=start + timedelta(days=1), minimum_wage=Decimal("30"))
    assert failures(VacancyFactory(start_date=start)) == {}
    assert failures(VacancyFactory(start_date=start + timedelta(days=1))) == {"below_minimum_wage": "wage_amount"}


def test_hours_above_the_legal_limit() -> None:
    assert failures(VacancyFactory(weekly_hours=49)) == {"hours_above_limit": "weekly_hours"}


def test_no_contract_language() -> None:
    vacancy = VacancyFactory()
    vacancy.contract_languages.clear()
    assert failures(vacancy) == {"contract_language_missing": "contract_languages"}


def test_document_retention_clause() -> None:
    assert failures(VacancyFactory(retains_documents=True)) == {"document_retention": "retains_documents"}


def domestic(**kwargs: object) -> Vacancy:
    occupation = esco(DOMESTIC_CLEANER)
    return VacancyFactory(occupation=occupation, isco_group_id="9111", **kwargs)  # type: ignore[no-any-return]


def test_c189_written_contract_rest_day_and_documents_for_domestic_work() -> None:
    assert failures(domestic()) == {}
    assert failures(domestic(written_contract=False)) == {"c189_written_contract": "written_contract"}
    assert failures(domestic(rest_days_per_week=0)) == {"c189_rest_day": "rest_days_per_week"}
    assert failures(domestic(retains_documents=True)) == {"c189_document_retention": "retains_documents"}
    # Outside domestic work the C189 checks do not apply.
    assert failures(VacancyFactory(rest_days_per_week=0, written_contract=False)) == {}


def test_scheme_rules_on_the_vacancy() -> None:
    scheme = SchemeFactory(min_weekly_hours=30, occupations=["92"])
    assert failures(VacancyFactory(scheme=scheme)) == {}
    assert failures(VacancyFactory(scheme=scheme, weekly_hours=20)) == {"scheme_min_hours": "weekly_hours"}
    assert failures(VacancyFactory(scheme=scheme, contract_months=9)) == {
        "scheme_max_stay": "contract_months",
        "scheme_season": "start_date",
    }
    assert failures(VacancyFactory(scheme=scheme, costs={"travel": "government"})) == {
        "scheme_travel_not_employer": "cost_terms.travel"
    }
    abroad = SchemeFactory(destination=Country.objects.get(pk="FRA"))
    assert failures(VacancyFactory(scheme=abroad)) == {"scheme_destination": "scheme"}
    assert failures(VacancyFactory(scheme=SchemeFactory(occupations=["5"]))) == {"scheme_occupation": "occupation"}
    assert failures(VacancyFactory(scheme=SchemeFactory(is_active=False))) == {"scheme_inactive": "scheme"}


def test_publishing_raises_naming_the_field() -> None:
    from migdev.accounts.tests.factories import StewardFactory

    vacancy = VacancyFactory(state=Vacancy.State.SUBMITTED, weekly_hours=60)
    with pytest.raises(DomainError) as raised:
        services.publish_vacancy(StewardFactory(), vacancy)
    assert raised.value.field == "weekly_hours"
    vacancy.refresh_from_db()
    assert vacancy.state == Vacancy.State.SUBMITTED


# --- recruiters ----------------------------------------------------------------------------------------------------


def test_licence_valid_on_a_day() -> None:
    licence = LicenceFactory()
    assert compliance.licence_valid_on(licence.organisation, licence.valid_from)
    assert compliance.licence_valid_on(licence.organisation, licence.valid_to)
    assert not compliance.licence_valid_on(licence.organisation, licence.valid_to + timedelta(days=1))


def test_recruiter_may_place_gives_reasons() -> None:
    today = timezone.localdate()
    licensed = LicenceFactory().organisation
    assert compliance.recruiter_may_place(licensed, today) == []
    expired = LicenceFactory(valid_from=date(2015, 1, 1), valid_to=today - timedelta(days=1)).organisation
    assert "expired" in compliance.recruiter_may_place(expired, today)[0]
    unlicensed = RecruiterFactory()
    assert "no recruitment licence" in compliance.recruiter_may_place(unlicensed, today)[0]
    pending = LicenceFactory(organisation=RecruiterFactory(status=Organisation.Status.PENDING)).organisation
    assert "not approved" in compliance.recruiter_may_place(pending, today)[0]
    employer = EmployerFactory()
    assert "not a recruitment agency" in compliance.recruiter_may_place(employer, today)[0]


def test_an_expired_recruiter_blocks_publication() -> None:
    recruiter = LicenceFactory(valid_from=date(2015, 1, 1), valid_to=date(2016, 1, 1)).organisation
    assert failures(VacancyFactory(recruiter=recruiter)) == {"recruiter_licence": "recruiter"}
