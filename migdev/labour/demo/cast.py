"""The labour demo's cast: schemes modelled on real ones (sources in data/demo/PROVENANCE.md), fictional
organisations, worker pools and vacancy posts."""

import datetime as dt
from dataclasses import dataclass

from migdev.accounts.models import Organisation
from migdev.labour.models import Placement, Scheme
from migdev.labour.services import registry

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
