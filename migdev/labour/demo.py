"""The labour room's demo: schemes modelled on real ones, fictional employers and agencies, a few hundred workers,
vacancies coded with real ESCO occupations and skills, and placements over the 2024, 2025 and 2026 seasons.

Everything goes through the room's services (schemes, standards, licences, profiles, vacancies, placements,
contracts, costs, grievances), acting as the demo steward or as the worker. The services stamp today's date on
registration, submission, publication and closing; the demo then moves those stamps back to the seasons' dates, so
that the history is three seasons long. Organisations and the workers' accounts are made with the ORM, as the
accounts demo makes its own. Sources of the schemes' rules and of the minimum wages: migdev/labour/data/demo/
PROVENANCE.md. Runs once: loading it again changes nothing.
"""

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from migdev.accounts.models import Organisation, User
from migdev.core.errors import DomainError
from migdev.core.models import Country, EscoOccupationSkill
from migdev.core.progress import ProgressReporter
from migdev.labour.models import Contract, Grievance, Placement, RiskFlag, Scheme, Vacancy, WorkerProfile
from migdev.labour.services import protection, registry

Kind = Organisation.Kind
State = Placement.State
SEASONS = (2024, 2025, 2026)
NEXT_SEASON = 2027
SEED = 20240501
FIRST_SCHEME = "sawp-demo"

# --- the schemes ------------------------------------------------------------------------------------------------------

UNVERIFIED = "Unverified in this demo: "

SCHEMES: list[tuple[str, registry.SchemeInput]] = [
    (
        "CAN",
        registry.SchemeInput(
            code="sawp-demo",
            name="Seasonal Agricultural Worker Program (SAWP), modelled",
            kind=Scheme.Kind.SEASONAL,
            description=(
                "Modelled on Canada's Seasonal Agricultural Worker Program: employers in on-farm primary "
                "agriculture hire citizens of Mexico and of participating Caribbean countries for up to 8 months "
                "between 1 January and 15 December, offering at least 240 hours of work in 6 weeks or less; the "
                "employer arranges and pays the round trip and provides housing; employers may name the workers "
                "they want back (named workers). The season here runs January to December (the model counts whole "
                "months). " + UNVERIFIED + "these rules are as secondary sources summarise the program page (see "
                "PROVENANCE.md), not checked against it; the naming of returning workers is from general knowledge "
                "of the program."
            ),
            eligible_origins=["MEX", "AIA", "ATG", "BRB", "DMA", "GRD", "JAM", "MSR", "KNA", "LCA", "VCT", "TTO"],
            eligible_occupations=["921", "611", "612", "9321"],
            season_start_month=1,
            season_end_month=12,
            max_stay_months=8,
            max_stay_window_months=12,
            min_weekly_hours=40,
            named_returning_allowed=True,
            employer_pays_travel=True,
            cost_sharing_notes=(
                "The employer arranges and pays the round trip and may recover part of it by payroll deduction in "
                "every province but British Columbia (" + UNVERIFIED + "as secondary sources report it)."
            ),
            source_url=(
                "https://www.canada.ca/en/employment-social-development/services/foreign-workers/agricultural/"
                "seasonal-agricultural.html"
            ),
        ),
    ),
    (
        "NZL",
        registry.SchemeInput(
            code="rse-demo",
            name="Recognised Seasonal Employer (RSE) scheme, modelled",
            kind=Scheme.Kind.SEASONAL,
            description=(
                "Modelled on New Zealand's Recognised Seasonal Employer scheme (RSE Limited Visa): employers with RSE "
                "status hire workers from eligible Pacific countries to plant, maintain, harvest and pack crops in "
                "horticulture and viticulture, for up to 7 months in any 11-month period (9 months for citizens of "
                "Kiribati and Tuvalu living there, which this model cannot express: it applies 7 in 11 to every "
                "origin); 20,750 visas a year; workers who have already worked 2 or more seasons are paid at least "
                "the adult minimum wage plus 10 %. (Immigration New Zealand's visa pages, stored copies, undated.) "
                + UNVERIFIED
                + "the minimum average of 30 paid hours a week, the share of the air fare the employer "
                "pays, the list of eligible countries (shortened here), and the naming of returning workers."
            ),
            eligible_origins=["VUT", "WSM", "TON", "KIR", "TUV", "FJI", "SLB", "PNG"],
            eligible_occupations=["921", "611", "9321"],
            max_stay_months=7,
            max_stay_window_months=11,
            min_weekly_hours=30,
            cap_per_season=20750,
            named_returning_allowed=True,
            employer_pays_travel=False,
            cost_sharing_notes=(
                UNVERIFIED + "the employer pays half of the return air fare. In this demo every vacancy puts the "
                "whole fare on the employer."
            ),
            source_url="https://www.immigration.govt.nz/visas/recognised-seasonal-employer-limited-visa",
        ),
    ),
    (
        "AUS",
        registry.SchemeInput(
            code="palm-demo",
            name="Pacific Australia Labour Mobility (PALM) scheme, short-term stream, modelled",
            kind=Scheme.Kind.SEASONAL,
            description=(
                "Modelled on the short-term stream of Australia's PALM scheme: approved employers hire workers from "
                "Pacific island countries and Timor-Leste for up to 9 months. " + UNVERIFIED + "the minimum of 30 "
                "hours a week on average, the 9-in-12-months reading of the stay limit, and whether employers may "
                "name returning workers (set to no here, to show the rule)."
            ),
            eligible_origins=["FJI", "KIR", "NRU", "PNG", "WSM", "SLB", "TLS", "TON", "TUV", "VUT"],
            eligible_occupations=["921", "611", "9321"],
            max_stay_months=9,
            max_stay_window_months=12,
            min_weekly_hours=30,
            named_returning_allowed=False,
            employer_pays_travel=True,
            cost_sharing_notes=UNVERIFIED + "employers pay the up-front travel and may recover part of it.",
            source_url="https://www.palmscheme.gov.au/",
        ),
    ),
    (
        "CAN",
        registry.SchemeInput(
            code="domestic-demo",
            name="Domestic work scheme (demo)",
            kind=Scheme.Kind.TEMPORARY,
            description=(
                "A fictional scheme for domestic workers (ISCO-08 9111, 5152, 5311), modelled on no single real "
                "scheme: written contracts, a weekly rest day and no retention of documents as the ILO Domestic "
                "Workers Convention, 2011 (No. 189) asks; 10-month contracts; employers may name returning workers."
            ),
            eligible_origins=["PHL", "IDN", "LKA"],
            eligible_occupations=["9111", "5152", "5311"],
            min_weekly_hours=30,
            named_returning_allowed=True,
            employer_pays_travel=True,
            source_url="https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C189",
        ),
    ),
    (
        "CAN",
        registry.SchemeInput(
            code="care-demo",
            name="Health-care worker scheme (demo)",
            kind=Scheme.Kind.TEMPORARY,
            description=(
                "A fictional scheme for care workers in care homes (nurse assistants, health-care assistants, home "
                "care aides: ISCO-08 5321 and 5322), modelled on no single real scheme; 24-month contracts; the "
                "employer pays every recruitment cost, following the WHO Global Code of Practice on the "
                "International Recruitment of Health Personnel in spirit."
            ),
            eligible_origins=["PHL", "IND"],
            eligible_occupations=["532"],
            min_weekly_hours=30,
            named_returning_allowed=False,
            employer_pays_travel=True,
            source_url="",
        ),
    ),
]

# Minimum wages and weekly hours: (country, valid from, wage, currency, max weekly hours, source, URL). Every figure
# is from the official announcement as reported (see PROVENANCE.md) and not checked against the official page by
# the demo's author, so `verified` stays False.
STANDARDS: list[tuple[str, dt.date, str, str, int, str, str]] = [
    (
        "CAN",
        dt.date(2023, 10, 1),
        "16.55",
        "CAD",
        48,
        "Ontario general minimum wage; Employment Standards Act, 2000 (48 hours a week)",
        "https://www.ontario.ca/document/your-guide-employment-standards-act-0/minimum-wage",
    ),
    (
        "CAN",
        dt.date(2024, 10, 1),
        "17.20",
        "CAD",
        48,
        "Ontario general minimum wage; Employment Standards Act, 2000 (48 hours a week)",
        "https://www.ontario.ca/document/your-guide-employment-standards-act-0/minimum-wage",
    ),
    (
        "CAN",
        dt.date(2025, 10, 1),
        "17.60",
        "CAD",
        48,
        "Ontario general minimum wage; Employment Standards Act, 2000 (48 hours a week)",
        "https://www.ontario.ca/document/your-guide-employment-standards-act-0/minimum-wage",
    ),
    (
        "NZL",
        dt.date(2023, 4, 1),
        "22.70",
        "NZD",
        40,
        "Adult minimum wage; Minimum Wage Act 1983, s 11B (40 ordinary hours unless agreed otherwise)",
        "https://www.employment.govt.nz/pay-and-hours/pay-and-wages/minimum-wage",
    ),
    (
        "NZL",
        dt.date(2024, 4, 1),
        "23.15",
        "NZD",
        40,
        "Adult minimum wage; Minimum Wage Act 1983, s 11B (40 ordinary hours unless agreed otherwise)",
        "https://www.employment.govt.nz/pay-and-hours/pay-and-wages/minimum-wage",
    ),
    (
        "NZL",
        dt.date(2025, 4, 1),
        "23.50",
        "NZD",
        40,
        "Adult minimum wage; Minimum Wage Act 1983, s 11B (40 ordinary hours unless agreed otherwise)",
        "https://www.employment.govt.nz/pay-and-hours/pay-and-wages/minimum-wage",
    ),
    (
        "AUS",
        dt.date(2023, 7, 1),
        "23.23",
        "AUD",
        38,
        "National Minimum Wage (Fair Work Commission); National Employment Standards, 38 hours a week",
        "https://www.fairwork.gov.au/pay-and-wages/minimum-wages",
    ),
    (
        "AUS",
        dt.date(2024, 7, 1),
        "24.10",
        "AUD",
        38,
        "National Minimum Wage (Fair Work Commission); National Employment Standards, 38 hours a week",
        "https://www.fairwork.gov.au/pay-and-wages/minimum-wages",
    ),
    (
        "AUS",
        dt.date(2025, 7, 1),
        "24.95",
        "AUD",
        38,
        "National Minimum Wage (Fair Work Commission); National Employment Standards, 38 hours a week",
        "https://www.fairwork.gov.au/pay-and-wages/minimum-wages",
    ),
]

# --- organisations ----------------------------------------------------------------------------------------------------

EMPLOYERS = {
    "niagara": ("Niagara Orchards Demo Farm (demo)", "CAN"),
    "leamington": ("Leamington Greenhouse Demo Co. (demo)", "CAN"),
    "hawkes": ("Hawke's Bay Demo Orchards (demo)", "NZL"),
    "marlborough": ("Marlborough Demo Vineyards (demo)", "NZL"),
    "sunraysia": ("Sunraysia Demo Horticulture (demo)", "AUS"),
    "households": ("Demo Household Employers Cooperative (demo)", "CAN"),
    "maple": ("Maple Demo Care Homes Ltd. (demo employer)", "CAN"),  # from the accounts demo
}
RECRUITERS = {
    # key: (name, country, licence issuer, licence number, certification)
    "manila": ("Demo Manila Fair Recruitment Agency (demo)", "PHL", "PHL", "DEMO-PHL-0042", "certified"),
    "quick": ("Demo Quick Visa Recruiters (demo)", "PHL", "PHL", "DEMO-PHL-0977", "none"),
    "pacific": ("Demo Pacific Labour Hire (demo)", "FJI", "FJI", "DEMO-FJI-0007", "applied"),
}
SENDING_AGENCIES = {
    "mexico": ("Demo Workers' Sending Office (demo)", "MEX"),  # from the accounts demo
    "vanuatu": ("Demo Vanuatu Labour Mobility Unit (demo)", "VUT"),
}

# --- occupations (ESCO v1.1.1 URIs) -----------------------------------------------------------------------------------

ESCO = "http://data.europa.eu/esco/occupation/"
PICKER = ESCO + "373db468-bd25-4b67-a6e0-4ac79d9a9e85"  # fruit and vegetable picker, 9211
VINEYARD = ESCO + "e5e3ea36-4ed9-4c57-987c-9974385551a8"  # vineyard worker, 9211
CROP = ESCO + "c9191f7f-28b5-4df8-991d-804c53009b83"  # crop production worker, 9213
HORTICULTURE = ESCO + "1a9d99ba-4c08-4864-8f6a-1b0f2b4cf883"  # horticulture worker, 9214
PACKER = ESCO + "f5cb9901-86fc-48d0-9cde-667fbe8cef3a"  # hand packer, 9321
CLEANER = ESCO + "cbad55a4-c7cf-4ab6-9540-eac72b26729b"  # domestic cleaner, 9111
HOUSEKEEPER = ESCO + "6d50f735-dca9-4a02-96dc-e4310ed98ae2"  # domestic housekeeper, 5152
CHILD_CARE = ESCO + "3413f234-6230-47a8-8cc7-2691fd54ce3a"  # child care worker, 5311
NURSE_ASSISTANT = ESCO + "87d0795a-d41f-47ee-979f-0ab7d73836e7"  # nurse assistant, 5321
HEALTHCARE_ASSISTANT = ESCO + "d38c2107-98f2-47b7-8bb4-f69750d51082"  # healthcare assistant, 5321
HOME_CARE = ESCO + "1391bdf9-bd61-4fb5-91ca-c29036ab2b60"  # home care aide, 5322

FARM = [PICKER, PICKER, PICKER, VINEYARD, CROP, HORTICULTURE, PACKER]
DOMESTIC = [CLEANER, CLEANER, HOUSEKEEPER, CHILD_CARE]
CARE = [NURSE_ASSISTANT, HEALTHCARE_ASSISTANT, HOME_CARE]

# --- workers: origin, how many, share of women, languages (ISO 639-3, CEFR), occupations, name list -------------------


@dataclass(frozen=True)
class Pool:
    origin: str
    count: int
    women: float
    languages: tuple[tuple[str, int], ...]
    occupations: tuple[str, ...]
    names: str
    agency: str | None = None


POOLS = [
    Pool("MEX", 70, 0.12, (("spa", 6), ("eng", 2)), tuple(FARM), "spanish", agency="mexico"),
    Pool("JAM", 30, 0.10, (("eng", 6),), tuple(FARM), "english"),
    Pool("VUT", 30, 0.15, (("bis", 6), ("eng", 4)), tuple(FARM), "pacific", agency="vanuatu"),
    Pool("WSM", 20, 0.15, (("smo", 6), ("eng", 4)), tuple(FARM), "pacific"),
    Pool("TON", 20, 0.15, (("ton", 6), ("eng", 4)), tuple(FARM), "pacific"),
    Pool("KIR", 10, 0.20, (("gil", 6), ("eng", 3)), tuple(FARM), "pacific"),
    Pool("FJI", 20, 0.20, (("fij", 6), ("eng", 5)), tuple(FARM), "pacific"),
    Pool("SLB", 15, 0.20, (("pis", 6), ("eng", 3)), tuple(FARM), "pacific"),
    Pool("TLS", 15, 0.25, (("tet", 6), ("eng", 3)), tuple(FARM), "pacific"),
    Pool("PHL", 30, 0.95, (("fil", 6), ("eng", 5)), tuple(DOMESTIC), "filipino"),
    Pool("PHL", 25, 0.80, (("fil", 6), ("eng", 5)), tuple(CARE), "filipino"),
    Pool("IND", 15, 0.70, (("hin", 6), ("eng", 5)), tuple(CARE), "indian"),
]

# Fictional people: first names and family names common in each region, combined at random.
NAMES = {
    "spanish": (
        ["María", "Guadalupe", "Rosa", "Juana", "Verónica", "Adriana"],
        ["José", "Juan", "Luis", "Miguel", "Jesús", "Francisco", "Alejandro", "Ramón", "Sergio", "Arturo"],
        ["Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz"],
    ),
    "english": (
        ["Shanice", "Tanya", "Keisha", "Marcia", "Andrea"],
        ["Dwayne", "Andre", "Ricardo", "Omar", "Marlon", "Damion", "Kemar", "Devon", "Winston", "Lloyd"],
        ["Brown", "Williams", "Campbell", "Thompson", "Clarke", "Reid", "Gordon", "Morgan", "Francis", "Grant"],
    ),
    "pacific": (
        ["Mele", "Salote", "Litia", "Ana", "Losana", "Teuila", "Marie"],
        ["Sione", "Tevita", "Iosefa", "Jone", "Willie", "Peni", "Simione", "Tavita", "Joel", "Kalo"],
        ["Taufa", "Fifita", "Tuilagi", "Naivalu", "Kalsakau", "Moli", "Vaka", "Tabe", "Leota", "Soares"],
    ),
    "filipino": (
        ["Maricel", "Jocelyn", "Rowena", "Analyn", "Cristina", "Lorna", "Rosalie", "Marites"],
        ["Jomar", "Rodel", "Arnel", "Reynaldo", "Joel"],
        ["Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Villanueva", "Aquino", "Ramos"],
    ),
    "indian": (
        ["Anjali", "Priya", "Sneha", "Deepa", "Lakshmi", "Mercy"],
        ["Rahul", "Arun", "Vijay", "Joseph"],
        ["Nair", "Kumar", "Thomas", "Menon", "Pillai", "George", "Sharma", "Varghese"],
    ),
}

# --- vacancies: employer, scheme, occupation, place, positions, month and day of start, months, hours, wages ----------


@dataclass(frozen=True)
class Post:
    employer: str
    scheme: str
    occupation: str
    title: str
    place: str
    positions: int
    start: tuple[int, int]
    months: int
    hours: int
    currency: str
    wages: dict[int, str]  # season -> hourly wage
    recruiter: str | None = None
    languages: tuple[str, ...] = ("eng",)
    seasons: tuple[int, ...] = SEASONS


POSTS = [
    Post(
        "niagara",
        "sawp-demo",
        PICKER,
        "Fruit harvest workers",
        "Niagara-on-the-Lake, Ontario",
        14,
        (5, 1),
        6,
        45,
        "CAD",
        {2024: "17.20", 2025: "17.60", 2026: "18.00", 2027: "18.40"},
        languages=("eng", "spa"),
    ),
    Post(
        "leamington",
        "sawp-demo",
        CROP,
        "Greenhouse crop production workers",
        "Leamington, Ontario",
        12,
        (3, 1),
        7,
        45,
        "CAD",
        {2024: "17.20", 2025: "17.60", 2026: "18.00", 2027: "18.40"},
        languages=("eng", "spa"),
    ),
    Post(
        "hawkes",
        "rse-demo",
        PICKER,
        "Apple harvest and packing",
        "Hastings, Hawke's Bay",
        12,
        (2, 1),
        6,
        40,
        "NZD",
        {2024: "25.00", 2025: "25.50", 2026: "26.00", 2027: "26.50"},
    ),
    Post(
        "marlborough",
        "rse-demo",
        VINEYARD,
        "Vineyard workers (pruning and harvest)",
        "Blenheim, Marlborough",
        10,
        (2, 15),
        6,
        40,
        "NZD",
        {2024: "25.00", 2025: "25.50", 2026: "26.00", 2027: "26.50"},
    ),
    Post(
        "sunraysia",
        "palm-demo",
        HORTICULTURE,
        "Horticulture workers",
        "Mildura, Victoria",
        12,
        (3, 1),
        7,
        38,
        "AUD",
        {2024: "25.00", 2025: "25.50", 2026: "26.00", 2027: "26.50"},
        recruiter="pacific",
    ),
    Post(
        "households",
        "domestic-demo",
        CLEANER,
        "Live-out domestic workers",
        "Toronto, Ontario",
        8,
        (6, 1),
        10,
        40,
        "CAD",
        {2024: "17.50", 2025: "17.80", 2026: "18.20", 2027: "18.60"},
        recruiter="manila",
    ),
    Post(
        "maple",
        "care-demo",
        NURSE_ASSISTANT,
        "Nurse assistants in long-term care",
        "Hamilton, Ontario",
        8,
        (9, 1),
        24,
        40,
        "CAD",
        {2024: "20.00", 2026: "21.00", 2027: "21.50"},
        recruiter="manila",
        seasons=(2024, 2026),
    ),
]


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
