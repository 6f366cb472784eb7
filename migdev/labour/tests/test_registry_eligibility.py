"""Eligibility of a worker for a vacancy under a scheme: one test per reason of refusal, and the eligible case."""

from datetime import date, timedelta

import pytest

from migdev.core.models import Country, Language
from migdev.labour import eligibility
from migdev.labour.models import Cefr, Placement, SchemeOriginCap, Vacancy, VacancyLanguage, WorkerOccupation
from migdev.labour.tests.factories_registry import (
    CROP_WORKER,
    DOMESTIC_CLEANER,
    LicenceFactory,
    RecruiterFactory,
    SchemeFactory,
    StandardFactory,
    VacancyFactory,
    WorkerProfileFactory,
    esco,
    next_year_start,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def standard() -> None:
    StandardFactory()


def codes(result: eligibility.Eligibility) -> list[str]:
    return [reason.code for reason in result.reasons]


def placed(worker, vacancy, state=Placement.State.RETURNED, arrived=None, returned=None, season=None) -> Placement:  # type: ignore[no-untyped-def]
    return Placement.objects.create(
        worker=worker,
        vacancy=vacancy,
        season=season or vacancy.start_date.year,
        state=state,
        offered_on=vacancy.start_date - timedelta(days=60),
        arrived_on=arrived,
        returned_on=returned,
    )


def test_an_eligible_worker_has_no_reasons() -> None:
    vacancy = VacancyFactory(scheme=SchemeFactory())
    result = eligibility.check(WorkerProfileFactory(), vacancy)
    assert result.eligible and result.reasons == []


def test_vacancy_not_published() -> None:
    vacancy = VacancyFactory(state=Vacancy.State.DRAFT)
    assert codes(eligibility.check(WorkerProfileFactory(), vacancy)) == ["vacancy_not_published"]


def test_vacancy_not_compliant_names_the_failure() -> None:
    vacancy = VacancyFactory(costs={"recruiter_fee": "worker"})
    result = eligibility.check(WorkerProfileFactory(), vacancy)
    assert codes(result) == ["vacancy_not_compliant"]
    assert "Employer Pays Principle" in result.reasons[0].message


def test_origin_not_eligible() -> None:
    vacancy = VacancyFactory(scheme=SchemeFactory(origins=["MEX"]))
    assert codes(eligibility.check(WorkerProfileFactory(), vacancy)) == ["origin_not_eligible"]


def test_occupation_not_eligible_and_groups_at_any_level_cover_unit_groups() -> None:
    worker = WorkerProfileFactory()
    assert eligibility.check(worker, VacancyFactory(scheme=SchemeFactory(occupations=["92"]))).eligible
    assert eligibility.check(worker, VacancyFactory(scheme=SchemeFactory(occupations=["9213"]))).eligible
    refused = eligibility.check(worker, VacancyFactory(scheme=SchemeFactory(occupations=["5"])))
    assert codes(refused) == ["occupation_not_eligible"]


def test_outside_the_season_window() -> None:
    vacancy = VacancyFactory(scheme=SchemeFactory(), start_date=next_year_start(month=9), contract_months=6)
    assert codes(eligibility.check(WorkerProfileFactory(), vacancy)) == ["outside_season"]


def test_season_window_over_the_new_year() -> None:
    scheme = SchemeFactory(season_start_month=11, season_end_month=4, max_stay_months=None, max_stay_window_months=None)
    inside = VacancyFactory(scheme=scheme, start_date=next_year_start(month=11), contract_months=6)
    assert eligibility.check(WorkerProfileFactory(), inside).eligible


def test_availability_not_covering_the_start() -> None:
    vacancy = VacancyFactory()
    late = WorkerProfileFactory(available_from=vacancy.start_date + timedelta(days=1))
    early = WorkerProfileFactory(available_to=vacancy.start_date - timedelta(days=1))
    idle = WorkerProfileFactory(is_available=False)
    for worker in (late, early, idle):
        assert codes(eligibility.check(worker, vacancy)) == ["not_available"]


def test_maximum_stay_counts_past_placements_in_the_destination() -> None:
    """Eight months in any twelve: a worker back from 7 months on 31 Jan may not start 6 more months on 1 April."""
    scheme = SchemeFactory(season_start_month=None, season_end_month=None)
    start = next_year_start(month=4)
    earlier = VacancyFactory(start_date=start - timedelta(days=300), state=Vacancy.State.FILLED)
    worker = WorkerProfileFactory()
    placed(worker, earlier, arrived=date(start.year - 1, 7, 1), returned=date(start.year, 1, 31))
    vacancy = VacancyFactory(scheme=scheme, start_date=start, contract_months=6)
    result = eligibility.check(worker, vacancy)
    assert codes(result) == ["max_stay"]
    assert "8 months" in result.reasons[0].message


def test_a_contract_of_exactly_the_maximum_stay_fits() -> None:
    scheme = SchemeFactory(season_start_month=None, season_end_month=None, max_stay_months=7, max_stay_window_months=11)
    vacancy = VacancyFactory(scheme=scheme, contract_months=7)
    assert eligibility.check(WorkerProfileFactory(), vacancy).eligible


def test_cooling_off_since_the_last_return() -> None:
    scheme = SchemeFactory(cooling_off_days=90, max_stay_months=None, max_stay_window_months=None)
    start = next_year_start(month=4)
    earlier = VacancyFactory(start_date=start - timedelta(days=200), state=Vacancy.State.FILLED)
    worker = WorkerProfileFactory()
    placed(worker, earlier, arrived=start - timedelta(days=150), returned=start - timedelta(days=30))
    result = eligibility.check(worker, VacancyFactory(scheme=scheme, start_date=start))
    assert codes(result) == ["cooling_off"]


def test_season_cap_counts_accepted_placements_of_the_season() -> None:
    scheme = SchemeFactory(cap_per_season=1)
    vacancy = VacancyFactory(scheme=scheme)
    placed(WorkerProfileFactory(), vacancy, state=Placement.State.OFFERED)
    assert eligibility.check(WorkerProfileFactory(), vacancy).eligible  # an offer takes no place yet
    holder = WorkerProfileFactory()
    placed(holder, vacancy, state=Placement.State.ACCEPTED)
    assert codes(eligibility.check(WorkerProfileFactory(), vacancy)) == ["season_cap"]
    assert eligibility.check(holder, vacancy).eligible  # the holder keeps their place


def test_origin_cap() -> None:
    scheme = SchemeFactory()
    SchemeOriginCap.objects.create(scheme=scheme, origin=Country.objects.get(pk="PHL"), cap=1)
    vacancy = VacancyFactory(scheme=scheme)
    placed(WorkerProfileFactory(), vacancy, state=Placement.State.ACCEPTED)
    assert codes(eligibility.check(WorkerProfileFactory(), vacancy)) == ["origin_cap"]
    mexican = WorkerProfileFactory(nationality=Country.objects.get(pk="MEX"))
    assert eligibility.check(mexican, vacancy).eligible


def test_minimum_language_level() -> None:
    vacancy = VacancyFactory()
    VacancyLanguage.objects.create(vacancy=vacancy, language=Language.objects.get(pk="eng"), min_level=Cefr.B2)
    assert eligibility.check(WorkerProfileFactory(speaks={"eng": Cefr.B2}), vacancy).eligible
    result = eligibility.check(WorkerProfileFactory(speaks={"eng": Cefr.B1}), vacancy)
    assert codes(result) == ["language_level"] and "B2" in result.reasons[0].message


def test_contract_in_a_language_the_worker_does_not_read() -> None:
    vacancy = VacancyFactory(contract_in=["fra"])
    result = eligibility.check(WorkerProfileFactory(speaks={"eng": Cefr.C2, "fra": Cefr.A2}), vacancy)
    assert codes(result) == ["contract_language"]


def test_minimum_education() -> None:
    vacancy = VacancyFactory(min_education=4)
    assert codes(eligibility.check(WorkerProfileFactory(education=3), vacancy)) == ["education"]
    assert codes(eligibility.check(WorkerProfileFactory(education=None), vacancy)) == ["education"]


def test_minimum_experience_in_the_unit_group() -> None:
    vacancy = VacancyFactory(min_experience_years=2)
    worker = WorkerProfileFactory()
    assert codes(eligibility.check(worker, vacancy)) == ["experience"]
    WorkerOccupation.objects.create(worker=worker, occupation=esco(CROP_WORKER), years_experience=3)
    assert eligibility.check(worker, vacancy).eligible
    other = WorkerProfileFactory()
    WorkerOccupation.objects.create(worker=other, occupation=esco(DOMESTIC_CLEANER), years_experience=9)
    assert codes(eligibility.check(other, vacancy)) == ["experience"]


def test_recruiter_licence_expired() -> None:
    recruiter = RecruiterFactory()
    licence = LicenceFactory(organisation=recruiter)
    vacancy = VacancyFactory(recruiter=recruiter)
    worker = WorkerProfileFactory()
    assert eligibility.check(worker, vacancy).eligible
    result = eligibility.check(worker, vacancy, on_date=licence.valid_to + timedelta(days=1))
    assert codes(result) == ["recruiter_licence"] and "expired" in result.reasons[0].message


def test_every_refusal_has_a_reason_at_once() -> None:
    scheme = SchemeFactory(origins=["MEX"], occupations=["5"])
    vacancy = VacancyFactory(scheme=scheme, state=Vacancy.State.SUBMITTED, min_education=8)
    result = eligibility.check(WorkerProfileFactory(), vacancy)
    assert not result.eligible
    assert set(codes(result)) == {
        "vacancy_not_published",
        "origin_not_eligible",
        "occupation_not_eligible",
        "education",
    }


def test_bulk_variant_agrees_with_the_single_check() -> None:
    scheme = SchemeFactory()
    vacancies = [VacancyFactory(scheme=scheme), VacancyFactory(scheme=scheme, min_education=8)]
    workers = [WorkerProfileFactory(), WorkerProfileFactory(nationality=Country.objects.get(pk="FRA"))]
    pairs = eligibility.eligible_pairs(workers, vacancies)
    assert pairs == [(workers[0].pk, vacancies[0].pk)]
    for worker in workers:
        for vacancy in vacancies:
            assert eligibility.check(worker, vacancy).eligible == ((worker.pk, vacancy.pk) in pairs)
