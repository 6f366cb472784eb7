"""Building the labour demo through the room's services, then moving the service date stamps back to the seasons."""

import datetime as dt
import random
from collections.abc import Iterator
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from migdev.accounts.models import Organisation, User
from migdev.core.errors import DomainError
from migdev.core.models import Country, EscoOccupationSkill
from migdev.core.progress import ProgressReporter
from migdev.labour.demo.cast import (
    CARE,
    CLEANER,
    DOMESTIC,
    EMPLOYERS,
    FIRST_SCHEME,
    NAMES,
    NEXT_SEASON,
    POOLS,
    POSTS,
    RECRUITERS,
    SCHEMES,
    SEASONS,
    SEED,
    SENDING_AGENCIES,
    STANDARDS,
    Kind,
    Pool,
    Post,
    State,
)
from migdev.labour.models import Contract, Grievance, Placement, RiskFlag, Scheme, Vacancy, WorkerProfile
from migdev.labour.services import protection, registry


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def _noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


class _Demo:
    """The demo's state while it loads: the steward acting, the seeded random generator, what was made."""

    def __init__(self, progress: ProgressReporter) -> None:
        self.progress = progress
        self.rng = random.Random(SEED)
        self.today = timezone.localdate()
        steward = User.objects.filter(username="demo-steward", is_steward=True).first()
        if steward is None:
            raise DomainError("The labour demo needs the accounts demo (demo-steward): load it first.", "steward")
        self.steward = steward
        self.orgs: dict[str, Organisation] = {}
        self.schemes: dict[str, Scheme] = {}
        self.workers: dict[str, list[WorkerProfile]] = {}  # scheme code -> pool
        self.placements: list[Placement] = []
        self.vacancies = 0

    # organisations, standards, licences, schemes ----------------------------------------------------------------

    def organisation(self, key: str, name: str, kind: str, iso3: str) -> Organisation:
        found, _created = Organisation.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "country": Country.objects.get(pk=iso3), "status": Organisation.Status.APPROVED},
        )
        self.orgs[key] = found
        return found

    def setup(self) -> None:
        for iso3, valid_from, wage, currency, hours, source, url in STANDARDS:
            registry.record_labour_standard(
                self.steward,
                iso3,
                valid_from=valid_from,
                source=source,
                minimum_wage=Decimal(wage),
                currency_code=currency,
                wage_period="hour",
                max_weekly_hours=hours,
                source_url=url,
                verified=False,
            )
        for key, (name, iso3) in EMPLOYERS.items():
            self.organisation(key, name, Kind.EMPLOYER, iso3)
        for key, (name, iso3) in SENDING_AGENCIES.items():
            self.organisation(key, name, Kind.SENDING_AGENCY, iso3)
        for key, (name, iso3, issuer, number, certification) in RECRUITERS.items():
            agency = self.organisation(key, name, Kind.RECRUITMENT_AGENCY, iso3)
            registry.record_recruiter_licence(
                self.steward,
                Country.objects.get(pk=issuer),
                agency,
                number=number,
                valid_from=dt.date(2023, 1, 1),
                valid_to=dt.date(2028, 12, 31),
                certification=certification,
                certification_expires=dt.date(2027, 12, 31) if certification == "certified" else None,
            )
        for iso3, data in SCHEMES:
            self.schemes[data.code] = registry.create_scheme(self.steward, Country.objects.get(pk=iso3), data)

    # workers ---------------------------------------------------------------------------------------------------

    def _skills(self, uri: str, count: int) -> list[str]:
        essential = list(
            EscoOccupationSkill.objects.filter(occupation__uri=uri, relation="essential")
            .order_by("skill__uri")
            .values_list("skill__uri", flat=True)
        )
        return self.rng.sample(essential, min(count, len(essential)))

    def _person(self, username: str, pool: Pool, woman: bool) -> User:
        women, men, families = NAMES[pool.names]
        user = User(
            username=username,
            first_name=self.rng.choice(women if woman else men),
            last_name=self.rng.choice(families),
            email=f"{username}@example.org",
            is_worker=True,
            country=Country.objects.get(pk=pool.origin),
        )
        user.set_unusable_password()  # demo workers do not log in; demo-worker does
        user.save()
        return user

    def worker(
        self, user: User, pool: Pool, woman: bool, registered: dt.date, occupation: str | None = None
    ) -> WorkerProfile:
        occupations = [occupation or self.rng.choice(pool.occupations)]
        if occupation is None and self.rng.random() < 0.3:
            other = self.rng.choice(pool.occupations)
            if other not in occupations:
                occupations.append(other)
        skills: list[str] = []
        for uri in occupations:
            skills += [s for s in self._skills(uri, self.rng.randint(3, 6)) if s not in skills]
        born = dt.date(self.rng.randint(1972, 2003), self.rng.randint(1, 12), self.rng.randint(1, 28))
        agency = self.orgs[pool.agency].pk if pool.agency else None
        profile = registry.create_worker_profile(
            self.steward,
            user,
            registry.WorkerProfileInput(
                sex="F" if woman else "M",
                nationality=pool.origin,
                residence=pool.origin,
                date_of_birth=born,
                education=self.rng.choice([1, 2, 2, 3, 3, 4] if pool.occupations != tuple(CARE) else [3, 4, 5, 6]),
                available_from=registered,
                sending_agency=agency,
                languages=list(pool.languages),
                occupations=[(uri, self.rng.randint(1, 12)) for uri in occupations],
                skills=skills,
            ),
        )
        WorkerProfile.objects.filter(pk=profile.pk).update(registered_on=registered)
        profile.registered_on = registered
        return profile

    def load_workers(self) -> None:
        scheme_of = {
            "MEX": "sawp-demo",
            "JAM": "sawp-demo",
            "VUT": "rse-demo",
            "WSM": "rse-demo",
            "TON": "rse-demo",
            "KIR": "rse-demo",
            "FJI": "palm-demo",
            "SLB": "palm-demo",
            "TLS": "palm-demo",
        }
        total = sum(p.count for p in POOLS)
        number = 0
        with self.progress.task("labour demo: workers", total=total) as task:
            for pool in POOLS:
                if pool.origin in scheme_of:
                    code = scheme_of[pool.origin]
                else:
                    code = "domestic-demo" if pool.occupations == tuple(DOMESTIC) else "care-demo"
                for _i in range(pool.count):
                    number += 1
                    woman = self.rng.random() < pool.women
                    registered = dt.date(2023, self.rng.randint(6, 12), self.rng.randint(1, 28))
                    user = self._person(f"demo-lw-{number:04d}", pool, woman)
                    self.workers.setdefault(code, []).append(self.worker(user, pool, woman, registered))
                    task.advance()
        # The accounts demo's worker: a domestic worker from the Philippines, re-hired by name in 2025.
        demo_user = User.objects.filter(username="demo-worker").first()
        if demo_user is not None and not WorkerProfile.objects.filter(user=demo_user).exists():
            pool = POOLS[9]
            profile = self.worker(demo_user, pool, True, dt.date(2023, 11, 2), occupation=CLEANER)
            self.workers["domestic-demo"].insert(0, profile)

    # vacancies ---------------------------------------------------------------------------------------------------

    def vacancy(self, post: Post, season: int) -> Vacancy:
        """Create, submit and publish through the services; then date it in its season."""
        start = dt.date(season, *post.start)
        placeholder = self.today + dt.timedelta(days=30)  # the service refuses past start dates
        data = registry.VacancyInput(
            title=f"{post.title} {season}",
            occupation=post.occupation,
            destination=self.orgs[post.employer].country_id,
            place=post.place,
            positions=post.positions,
            wage_amount=Decimal(post.wages[season]),
            wage_currency=post.currency,
            wage_period="hour",
            weekly_hours=post.hours,
            contract_months=post.months,
            start_date=max(start, placeholder),
            scheme=post.scheme,
            recruiter=self.orgs[post.recruiter].pk if post.recruiter else None,
            contract_languages=list(post.languages),
            housing_terms="Housing provided by the employer at no cost to the worker (demo).",
            travel_terms="The employer pays the round trip (demo).",
        )
        vacancy = registry.create_vacancy(self.steward, self.orgs[post.employer], data)
        Vacancy.objects.filter(pk=vacancy.pk).update(start_date=start)
        vacancy.start_date = start
        registry.submit_vacancy(self.steward, vacancy)
        registry.publish_vacancy(self.steward, vacancy)
        published = min(start - dt.timedelta(days=self.rng.randint(75, 120)), self.today)
        Vacancy.objects.filter(pk=vacancy.pk).update(
            created_at=_noon(published - dt.timedelta(days=14)),
            submitted_at=_noon(published - dt.timedelta(days=7)),
            published_at=_noon(published),
        )
        vacancy.refresh_from_db()
        self.vacancies += 1
        return vacancy

    # placements --------------------------------------------------------------------------------------------------

    def _steps(self, placement: Placement, vacancy: Vacancy, ending: str) -> None:
        """Take a placement from acceptance to return (or termination/absconding), stopping before today."""
        start = vacancy.start_date
        offered = placement.offered_on
        accepted = offered + dt.timedelta(days=self.rng.randint(2, 9))
        if accepted > self.today:
            return
        protection.accept_offer(placement.worker.user, placement, accepted)
        signed = accepted + dt.timedelta(days=self.rng.randint(3, 12))
        wage = vacancy.wage_amount
        if signed > self.today:
            return
        protection.record_contract(self.steward, placement, self._terms(vacancy, Contract.Stage.ORIGIN, signed, wage))
        if start - dt.timedelta(days=2) > self.today:
            return
        protection.advance_placement(self.steward, placement, State.DEPARTED, start - dt.timedelta(days=2))
        protection.advance_placement(self.steward, placement, State.ARRIVED, start - dt.timedelta(days=1))
        if ending == "absconded":
            left = start + dt.timedelta(days=self.rng.randint(30, 90))
            if left <= self.today:
                protection.advance_placement(
                    self.steward, placement, State.ABSCONDED, left, reason="Left the workplace without notice (demo)."
                )
            return
        substituted = ending == "substituted"
        at_destination = (wage * Decimal("0.90")).quantize(Decimal("0.01")) if substituted else wage
        protection.record_contract(
            self.steward, placement, self._terms(vacancy, Contract.Stage.DESTINATION, start, at_destination)
        )
        if ending == "terminated":
            stop = start + dt.timedelta(days=self.rng.randint(40, 100))
            if stop <= self.today:
                protection.advance_placement(
                    self.steward, placement, State.TERMINATED, stop, reason="Harvest ended early after hail (demo)."
                )
                back = stop + dt.timedelta(days=5)
                if back <= self.today:
                    protection.advance_placement(self.steward, placement, State.RETURNED, back)
            return
        completed = _add_months(start, vacancy.contract_months) - dt.timedelta(days=1)
        if completed > self.today:
            return
        protection.advance_placement(self.steward, placement, State.COMPLETED, completed)
        late = ending == "late"
        back = completed + dt.timedelta(days=self.rng.randint(12, 25) if late else self.rng.randint(1, 6))
        if back <= self.today:
            protection.advance_placement(self.steward, placement, State.RETURNED, back)

    def _terms(self, vacancy: Vacancy, stage: str, signed: dt.date, wage: Decimal) -> protection.ContractTerms:
        return protection.ContractTerms(
            stage=stage,
            employer=vacancy.employer,
            occupation=vacancy.occupation,
            wage_amount=wage,
            wage_currency=vacancy.wage_currency_id,
            wage_period=vacancy.wage_period,
            weekly_hours=vacancy.weekly_hours,
            language="eng",
            signed_on=signed,
            rest_days_per_week=vacancy.rest_days_per_week,
        )

    def season(self, post: Post, season: int, previous: list[Placement]) -> list[Placement]:
        """Offer the season's positions: returning workers first (by name where the scheme allows), then new ones."""
        vacancy = self.vacancy(post, season)
        scheme = self.schemes[post.scheme]
        pool = self.workers[post.scheme]
        taken = {p.worker_id for p in self.placements if p.season == season}
        comes_back = scheme.kind == Scheme.Kind.SEASONAL or scheme.named_returning_allowed
        returning = [p.worker for p in previous if comes_back and p.state in (State.RETURNED, State.COMPLETED)]
        returning = [w for w in returning if w.pk not in taken and (self._is_demo(w) or self.rng.random() < 0.8)]
        if post.scheme == "domestic-demo" and season == SEASONS[0] and self._is_demo(pool[0]):
            returning.insert(0, pool[0])  # the demo worker's first season
        fresh = [w for w in pool if w.pk not in taken and w not in returning and not self._placed_before(w, post)]
        self.rng.shuffle(fresh)
        chosen = (returning + fresh)[: post.positions - self.rng.randint(0, 2)]
        made = []
        for number, worker in enumerate(chosen):
            named = scheme.named_returning_allowed and worker in returning and season != SEASONS[0]
            offered = vacancy.start_date - dt.timedelta(days=self.rng.randint(45, 70))
            offered = max(offered, timezone.localtime(vacancy.published_at).date())
            if offered > self.today:
                continue
            try:
                placement = protection.offer_placement(
                    self.steward,
                    vacancy,
                    worker,
                    protection.OfferDetails(season=season, offered_on=offered, named_request=bool(named)),
                )
            except DomainError:  # the scheme's rules refuse this worker (e.g. the stay limit after a late return)
                continue
            made.append(placement)
            self.placements.append(placement)
            if number == len(chosen) - 1 and season != SEASONS[-1]:
                protection.decline_offer(worker.user, placement, offered + dt.timedelta(days=3), "Family reasons.")
                continue
            roll = self.rng.random()
            ending = (
                "late"
                if roll < 0.05
                else "terminated"
                if roll < 0.08
                else "absconded"
                if roll < 0.10
                else "substituted"
                if roll < 0.13
                else "on_time"
            )
            if self._is_demo(worker):
                ending = "on_time"
            self._steps(placement, vacancy, ending)
            placement.refresh_from_db()
        if vacancy.start_date <= self.today:  # the season has begun: the vacancy closes, filled or not
            accepted = [p.events.filter(state=State.ACCEPTED).first() for p in made]
            days = [event.on for event in accepted if event is not None]
            filled = len(days) >= post.positions - 1
            registry.close_vacancy(self.steward, vacancy, filled=filled)
            closed = max(days) if filled and days else vacancy.start_date - dt.timedelta(days=10)
            Vacancy.objects.filter(pk=vacancy.pk).update(closed_at=_noon(min(closed, self.today)))
        return made

    @staticmethod
    def _is_demo(worker: WorkerProfile) -> bool:
        return bool(worker.user.username == "demo-worker")

    def _placed_before(self, worker: WorkerProfile, post: Post) -> bool:
        return any(
            p.worker_id == worker.pk and p.vacancy.employer_id == self.orgs[post.employer].pk for p in self.placements
        )

    def load_placements(self) -> None:
        with self.progress.task("labour demo: seasons", total=len(POSTS)) as task:
            for post in POSTS:
                previous: list[Placement] = []
                for season in post.seasons:
                    previous = self.season(post, season, previous)
                task.advance()

    def load_next_season(self) -> None:
        """The 2027 vacancies, published this autumn and open now (the supply and demand pages' current month)."""
        for post in POSTS:
            if NEXT_SEASON in post.wages:
                self.vacancy(post, NEXT_SEASON)

    # protection: fees, substitutions, grievances ----------------------------------------------------------------

    def _sample(self, placements: list[Placement], count: int) -> Iterator[Placement]:
        chosen = sorted(placements, key=lambda p: p.pk)
        self.rng.shuffle(chosen)
        yield from chosen[:count]

    def load_protection(self) -> None:
        travelled = [p for p in self.placements if p.departed_on is not None]
        domestic = [p for p in travelled if p.vacancy.scheme_id == self.schemes["domestic-demo"].pk]
        pacific = [p for p in travelled if p.vacancy.scheme_id == self.schemes["rse-demo"].pk]
        for placement in self._sample(domestic, 5):  # fees paid to an unscrupulous recruiter
            protection.record_cost_payment(
                placement.worker.user,
                placement,
                protection.CostDetails(
                    category="recruiter_fee",
                    amount=Decimal(self.rng.choice([25000, 30000, 45000])),
                    currency="PHP",
                    paid_by="worker",
                    paid_to=self.orgs["quick"],
                    paid_on=placement.offered_on - dt.timedelta(days=20),
                    amount_in_wage_currency=Decimal(self.rng.choice([600, 720, 1080])),  # demo conversion
                ),
            )
        for placement in self._sample(pacific, 3):  # a medical examination the worker paid
            protection.record_cost_payment(
                placement.worker.user,
                placement,
                protection.CostDetails(
                    category="medical",
                    amount=Decimal("15000"),
                    currency="VUV",
                    paid_by="worker",
                    paid_on=placement.offered_on + dt.timedelta(days=5),
                    amount_in_wage_currency=Decimal("210"),  # demo conversion
                ),
            )
        for placement in self._sample(travelled, 40):  # travel the employer paid, as the schemes ask
            protection.record_cost_payment(
                self.steward,
                placement,
                protection.CostDetails(
                    category="travel",
                    amount=Decimal(self.rng.choice([900, 1100, 1400])),
                    currency=placement.vacancy.wage_currency_id,
                    paid_by="employer",
                    paid_on=placement.departed_on or placement.offered_on,
                ),
            )
        # Grievances (confidential, filed by the worker).
        complaints = [
            (domestic, "households", "retention_of_documents", "My employer keeps my passport in a drawer (demo)."),
            (pacific, "hawkes", "withholding_of_wages", "Two weeks of wages were not paid at the end (demo)."),
            (domestic, "quick", "debt_bondage", "I still owe the agency the fee I borrowed for (demo)."),
        ]
        for placements, against, indicator, text in complaints:
            for placement in self._sample(placements, 1):
                grievance = protection.file_grievance(
                    placement.worker.user, placement.worker, self.orgs[against], indicator, text, placement
                )
                if indicator == "withholding_of_wages":  # resolved after an inspection
                    protection.update_grievance(
                        self.steward, grievance, Grievance.Status.RESOLVED, "The employer paid the two weeks (demo)."
                    )

    def finish(self) -> None:
        """Workers abroad now, or who absconded, are not looking for work through the exchange; but the demo worker
        looks for her next season from the day her current contract ends (README's worker scenario: recommended
        vacancies)."""
        abroad_states = [State.DEPARTED, State.ARRIVED, State.CONTRACT_DESTINATION, State.ABSCONDED]
        abroad = Placement.objects.filter(state__in=abroad_states).values_list("worker_id", flat=True)
        WorkerProfile.objects.filter(pk__in=list(abroad)).update(is_available=False)
        demo_worker = WorkerProfile.objects.filter(user__username="demo-worker").first()
        if demo_worker is not None:
            current = demo_worker.placements.filter(state__in=abroad_states).order_by("-season").first()
            back = current.due_return_on if current is not None and current.due_return_on else None
            WorkerProfile.objects.filter(pk=demo_worker.pk).update(
                is_available=True, available_from=max(back or self.today, demo_worker.available_from or self.today)
            )


def _summary() -> str:
    return (
        f"{Scheme.objects.count()} schemes, {WorkerProfile.objects.count()} worker profiles, "
        f"{Vacancy.objects.count()} vacancies, {Placement.objects.count()} placements, "
        f"{Grievance.objects.count()} grievances, {RiskFlag.objects.count()} risk flags"
    )


@transaction.atomic
def load_labour_demo(progress: ProgressReporter) -> str:
    """Load the labour demo once (after the accounts demo); running it again changes nothing."""
    if Scheme.objects.filter(code=FIRST_SCHEME).exists():
        return "labour demo already loaded: " + _summary()
    demo = _Demo(progress)
    demo.setup()
    demo.load_workers()
    demo.load_placements()
    demo.load_next_season()
    demo.load_protection()
    demo.finish()
    return "labour demo loaded: " + _summary()
