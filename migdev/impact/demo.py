"""The impact demo: one demo project at each stage of the workflow (and one screened out), built through the
services as the demo proponent (demo-employer), the demo reviewer (demo-reviewer, created here) and the Philippines'
demo official, so every page and step has something to show. Idempotent: a project that exists is left as it is."""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.core.progress import ProgressReporter
from migdev.impact import services
from migdev.impact.dimensions import STAGES
from migdev.impact.models import Project, ScreeningItem

PROPONENT = "Maple Demo Care Homes Ltd. (demo employer)"
PROPONENT_USER = "demo-employer"
OFFICIAL_USER = "demo-official"
REVIEWER = "Demo Migration Impact Review Panel (demo)"
REVIEWER_USER = "demo-reviewer"
REVIEWER_PASSWORD = "demo-reviewer-local"  # for local demo sites only
TITLE = "Demo: care-worker training centre in Iloilo, stage {n} of 10 (demo example)"
SCREENED_OUT = "Demo: solar street lighting in Iloilo city (demo example, screened out)"

YES = {"LM1", "LM2", "GE1", "RM1", "BD1", "RT1", "DI1", "RI1", "GV1", "DA1"}
UNKNOWN = {"IN1", "HE1"}
IMPACTS = [
    (
        "skills",
        "negative",
        "Nurses leave public hospitals in Western Visayas to train as care workers abroad.",
        3,
        3,
        3,
    ),
    ("remittances", "positive", "Graduates placed abroad send remittances to households in Iloilo.", 3, 3, 2),
    ("gender", "negative", "Women recruits face risks of exploitation by unlicensed intermediaries.", 3, 2, 4),
    ("labour_market", "positive", "The centre employs local trainers and staff.", 2, 3, 2),
]
MEASURES = [
    {"impact": 0, "measure": "SKL-PUBLIC", "responsible": "Proponent with the Department of Health (demo)"},
    {"impact": 1, "measure": "REM-CHANNELS", "responsible": "Proponent (demo)"},
    {"impact": 2, "measure": "GEN-GBV", "responsible": "Proponent with a local women's organisation (demo)"},
    {"impact": 2, "measure": "LAB-FAIR", "responsible": "Proponent (demo)"},
]
INDICATORS = [
    {"indicator": "MI-SKILLS", "frequency": "every six months", "responsible": "Proponent", "target": ""},
    {"indicator": "MI-RECRUIT-COST", "frequency": "yearly", "responsible": "Proponent", "target": "0"},
    {"indicator": "MI-REMIT", "frequency": "yearly", "responsible": "Proponent", "target": "below 3 %"},
    {"indicator": "MI-GBV", "frequency": "every quarter", "responsible": "Proponent", "target": ""},
]


def _user(username: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        raise DomainError(f"The impact demo needs the demo user {username}: load the demo accounts first.", "user")
    return user


def _reviewer() -> tuple[Organisation, User]:
    organisation, _created = Organisation.objects.get_or_create(
        name=REVIEWER,
        defaults={
            "kind": Organisation.Kind.RESEARCH,
            "country": Country.objects.get(pk="PHL"),
            "status": Organisation.Status.APPROVED,
        },
    )
    user, created = User.objects.get_or_create(
        username=REVIEWER_USER,
        defaults={"first_name": "Rita", "last_name": "Reviewer (demo)", "email": f"{REVIEWER_USER}@example.org"},
    )
    if created:
        user.set_password(REVIEWER_PASSWORD)
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"is_admin": True})
    return organisation, user


def _answers(items: list[str], yes: set[str], unknown: set[str]) -> dict[str, Any]:
    answers = {}
    for code in items:
        answer = "yes" if code in yes else "unknown" if code in unknown else "no"
        answers[code] = {"answer": answer, "evidence": f"Demo evidence for {code}: project design note (demo)."}
    return {"answers": answers}


def _build(project: Project, target: str, who: dict[str, User], items: list[str]) -> None:
    """Take `project` through the stages up to `target`, as each role would."""
    proponent = who["proponent"]
    steps = {
        "screening": lambda: services.save_stage(proponent, project, "screening", _answers(items, YES, UNKNOWN)),
        "scoping": lambda: services.save_stage(
            proponent,
            project,
            "scoping",
            {
                "dimensions": ["labour_market", "gender", "remittances", "skills", "rights", "diaspora"],
                "origins": ["PHL"],
                "destinations": ["CAN", "JPN"],
                "places": "Iloilo City and the province of Iloilo (demo)",
                "stakeholders": [
                    {"name": "Provincial health office (demo)", "group": "government", "consulted": True},
                    {"name": "Nurses' association (demo)", "group": "workers", "consulted": True},
                    {"name": "Migrant women's group (demo)", "group": "civil society", "consulted": False},
                ],
                "consultations": [
                    {
                        "date": "2026-03-12",
                        "participants": "Provincial health office, nurses' association (demo)",
                        "method": "meeting",
                        "summary": "Concern about nurses leaving public hospitals; agreed to track staffing (demo).",
                    }
                ],
            },
        ),
        "baseline": lambda: services.draw_baseline(proponent, project, "Drawn for the demo."),
        "prediction": lambda: services.save_stage(
            proponent,
            project,
            "prediction",
            {
                "impacts": [
                    dict(
                        zip(
                            ("dimension", "direction", "description", "magnitude", "likelihood", "sensitivity"),
                            i,
                            strict=True,
                        )
                    )
                    for i in IMPACTS
                ]
            },
        ),
        "significance": lambda: services.save_stage(proponent, project, "significance", {"notes": "Demo rating."}),
        "mitigation": lambda: services.save_stage(
            proponent, project, "mitigation", {"measures": MEASURES, "indicators": INDICATORS}
        ),
        "statement": lambda: services.save_stage(
            proponent,
            project,
            "statement",
            {
                "summary": "A demo training centre for care workers. Its main migration impacts are a risk of "
                "drawing nurses from public hospitals and risks for women recruits; remittances are the main "
                "benefit. Measures and monitoring are planned for each (demo example)."
            },
        ),
    }
    for stage in STAGES[: STAGES.index(target)]:
        if stage in steps:
            steps[stage]()
            services.advance(proponent, project)
        elif stage == "review":
            services.record_review(who["reviewer"], project, "adequate", "Complete and proportionate (demo).")
        elif stage == "decision":
            services.record_decision(
                who["official"],
                project,
                "conditional",
                "The plan answers the significant impacts (demo).",
                ["Report nurse staffing in the province every six months (demo).", "No fees charged to recruits."],
            )
    if target in steps:
        steps[target]()  # the current stage has a first version, not yet complete enough to move on
    if target == "monitoring":
        services.add_monitoring_update(
            proponent, project, "MI-RECRUIT-COST", datetime.date(2026, 10, 1), "0", "No fees reported (demo)."
        )


@transaction.atomic
def load_impact_demo(progress: ProgressReporter) -> str:
    proponent_org = Organisation.objects.filter(name=PROPONENT).first()
    if proponent_org is None:
        raise DomainError("The impact demo needs the demo organisations: load the demo accounts first.", "user")
    reviewer_org, reviewer = _reviewer()
    who = {"proponent": _user(PROPONENT_USER), "reviewer": reviewer, "official": _user(OFFICIAL_USER)}
    items = list(ScreeningItem.objects.order_by("order").values_list("code", flat=True))
    created = 0
    with progress.task("impact demo", total=len(STAGES) + 1) as task:
        for n, stage in enumerate(STAGES, start=1):
            title = TITLE.format(n=n)
            if not Project.objects.filter(title=title).exists():
                project = services.create_project(who["proponent"], proponent_org, _facts(title, reviewer_org))
                _build(project, stage, who, items)
                created += 1
            task.advance()
        if not Project.objects.filter(title=SCREENED_OUT).exists():
            project = services.create_project(who["proponent"], proponent_org, _facts(SCREENED_OUT, reviewer_org))
            services.save_stage(who["proponent"], project, "screening", _answers(items, set(), set()))
            services.advance(who["proponent"], project)
            created += 1
        task.advance()
    return f"{created} demo projects created ({len(STAGES) + 1} in all; reviewer account {REVIEWER_USER})"


def _facts(title: str, reviewer: Organisation) -> services.ProjectInput:
    return services.ProjectInput(
        title=title,
        sector="education",
        country="PHL",
        description="A demo project: not a real project.",
        places="Iloilo City",
        budget=Decimal("2500000"),
        currency="USD",
        start_date=datetime.date(2027, 1, 1),
        end_date=datetime.date(2029, 12, 31),
        ministry="Demo Ministry of Labour (demo)",
        reviewer=reviewer.pk,
    )
