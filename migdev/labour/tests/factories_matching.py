"""A small exchange for the matching tests: a Canadian seasonal scheme, its farm vacancies, Filipino and Mexican workers
holding some of the ESCO crop worker's essential skills, and one of each role."""

from typing import Any

from migdev.accounts.tests.factories import UserFactory
from migdev.core.models import Country, EscoOccupationSkill
from migdev.labour.models import Cefr, Scheme, Vacancy, WorkerOccupation, WorkerProfile, WorkerSkill
from migdev.labour.tests.factories_registry import (
    CROP_WORKER,
    DOMESTIC_CLEANER,
    SchemeFactory,
    StandardFactory,
    VacancyFactory,
    WorkerProfileFactory,
    employer_with_member,
    esco,
    member_of,
    next_year_start,
)


def essential_skills(uri: str = CROP_WORKER) -> list[int]:
    """The ESCO essential skills (ids) of an occupation, in a fixed order."""
    return list(
        EscoOccupationSkill.objects.filter(occupation__uri=uri, relation="essential")
        .order_by("skill_id")
        .values_list("skill_id", flat=True)
    )


def skilled_worker(share: float = 1.0, occupation: str = CROP_WORKER, years: int = 3, **fields: Any) -> WorkerProfile:
    """A worker holding the first `share` of an occupation's essential skills, with that occupation."""
    worker = WorkerProfileFactory(**fields)
    skills = essential_skills(occupation)
    for skill_id in skills[: max(1, round(len(skills) * share))]:
        WorkerSkill.objects.create(worker=worker, skill_id=skill_id)
    WorkerOccupation.objects.create(worker=worker, occupation=esco(occupation), years_experience=years)
    return worker


def official_of(iso3: str, username: str) -> Any:
    user = UserFactory(username=username)
    user.official_countries.add(Country.objects.get(pk=iso3))
    return user


class MatchingWorld:
    """A scheme with two vacancies (3 and 1 positions) and five workers of different skill and eligibility."""

    def __init__(self, cap_per_season: int | None = None) -> None:
        StandardFactory()
        self.employer, self.employer_member = employer_with_member("match-employer")
        self.other_employer, self.other_member = employer_with_member("match-other-employer")
        self.scheme: Scheme = SchemeFactory(code="match-sawp", name="Matching SAWP", cap_per_season=cap_per_season)
        self.season = next_year_start().year
        self.farm: Vacancy = VacancyFactory(employer=self.employer, scheme=self.scheme, positions=3)
        self.orchard: Vacancy = VacancyFactory(employer=self.employer, scheme=self.scheme, positions=1, title="Orchard")
        self.best = skilled_worker(1.0, pseudonym="W-BEST")
        self.good = skilled_worker(0.7, pseudonym="W-GOOD")
        self.some = skilled_worker(0.4, pseudonym="W-SOME", nationality=Country.objects.get(pk="MEX"))
        # Not eligible: a nationality the scheme does not admit, and a worker without the contract's language.
        self.foreign = skilled_worker(1.0, pseudonym="W-GTM", nationality=Country.objects.get(pk="GTM"))
        self.no_english = skilled_worker(1.0, pseudonym="W-NOENG", speaks={"spa": Cefr.C1})
        # Not matchable: no consent to matching.
        self.no_consent = skilled_worker(1.0, pseudonym="W-NOCONS", consents=False)
        self.cleaner = skilled_worker(1.0, occupation=DOMESTIC_CLEANER, pseudonym="W-CLEAN")
        self.official = official_of("CAN", "match-official-can")
        self.other_official = official_of("MEX", "match-official-mex")
        self.steward = UserFactory(username="match-steward", is_steward=True)

    @property
    def eligible(self) -> list[WorkerProfile]:
        return [self.best, self.good, self.some, self.cleaner]

    @property
    def ineligible(self) -> list[WorkerProfile]:
        return [self.foreign, self.no_english]


__all__ = ["MatchingWorld", "member_of", "next_year_start", "skilled_worker"]
