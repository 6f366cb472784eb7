"""The policy demo: two countries (the Philippines, whose demo official signs in, and Spain, whose national law the
law room holds) with policy profiles, policies and laws, inter-ministerial working groups with meetings and decisions,
a development plan assessed against the checklist, SDG 10.7.2 self-assessments (published and a private draft), and
capacity-building requests answered by overlapping initiatives of two international organisations. The demo IGO user
(demo-igo, created here, a member of the first organisation) runs that organisation's initiatives and may offer new
ones. Every name says "(demo)"; none of it happened. Idempotent: running it again changes nothing."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.errors import DomainError
from migdev.core.models import Country, GcmObjective
from migdev.core.progress import ProgressReporter
from migdev.engines.sdg_10_7_2 import SUB_IDS
from migdev.policy.models import (
    CapacityInitiative,
    CapacityRequest,
    DevelopmentPlan,
    PlanItemAssessment,
    PolicyInstrument,
    PolicyProfile,
    SelfAssessment,
    SelfAssessmentAnswer,
    WorkingGroup,
    WorkingGroupDecision,
    WorkingGroupMeeting,
    WorkingGroupMember,
)

IGO_ORG = "Demo Intergovernmental Migration Forum (demo)"
SECOND_IGO = "Demo Global Skills Mobility Agency (demo)"
IGO_USER = "demo-igo"
IGO_PASSWORD = "demo-igo-local"  # for local demo sites only

# Codes of the 30 sub-categories, 1a..6e, domain by domain (fictional answers).
ASSESSMENTS: list[tuple[str, int, bool, list[float]]] = [
    ("PHL", 2023, True, [1, 1, 0.5, 0.5, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1]),
    ("PHL", 2025, False, [1, 1, 1, 0.5, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]),
    ("ESP", 2024, True, [1, 1, 1, 0.5, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
]
GROUPS = {
    "PHL": (
        "Demo Inter-Agency Committee on Migration and Development (demo)",
        "Coordinate the ministries' migration policies, align them with the development plan and the GCM, and follow "
        "up the SDG 10.7.2 self-assessment (demo).",
        [
            ("Demo Department of Migrant Workers (demo)", "chair"),
            ("Demo National Economic and Development Authority (demo)", "secretariat"),
            ("Demo Department of Foreign Affairs (demo)", "member"),
            ("Demo Department of Labor and Employment (demo)", "member"),
            ("Demo Department of Social Welfare (demo)", "member"),
            ("Demo Central Bank (demo)", "observer"),
        ],
        [
            (
                date(2024, 3, 12),
                "Review of the 2023 self-assessment (demo).",
                [
                    "Ask for support on contingency planning for displaced populations (demo).",
                    "Add migration indicators to the development plan's results matrix (demo).",
                ],
            ),
            (
                date(2024, 11, 5),
                "Mid-term review of the migration chapter (demo).",
                ["Cost the reintegration programme in the next budget (demo)."],
            ),
        ],
    ),
    "ESP": (
        "Demo Inter-ministerial Migration Coordination Table (demo)",
        "Bring together the ministries responsible for migration, labour, foreign affairs and social inclusion (demo).",
        [
            ("Demo Ministry of Inclusion and Migration (demo)", "chair"),
            ("Demo Ministry of Labour (demo)", "member"),
            ("Demo Ministry of Foreign Affairs (demo)", "member"),
        ],
        [
            (
                date(2024, 6, 20),
                "Preparation of the 2024 self-assessment (demo).",
                ["Publish the self-assessment (demo)."],
            )
        ],
    ),
}


def _country(iso3: str) -> Country:
    found = Country.objects.filter(pk=iso3).first()
    if found is None:
        raise DomainError(f"The demo needs the country {iso3}: load the reference data first.", field="country")
    return found


def _igo(name: str, iso3: str) -> Organisation:
    organisation, _created = Organisation.objects.get_or_create(
        name=name, defaults={"kind": Organisation.Kind.IGO, "country": _country(iso3), "status": "approved"}
    )
    return organisation


def _igo_user(organisation: Organisation) -> User:
    """The demo member of the first organisation, so a newcomer can try offering and running initiatives."""
    user, created = User.objects.get_or_create(
        username=IGO_USER,
        defaults={"first_name": "Ingrid", "last_name": "Officer (demo)", "email": f"{IGO_USER}@example.org"},
    )
    if created:
        user.set_password(IGO_PASSWORD)
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"is_admin": True})
    return user


def _profiles() -> None:
    from migdev.law.selectors import national

    PolicyProfile.objects.get_or_create(
        country=_country("PHL"),
        defaults={
            "lead_agency": "Demo Department of Migrant Workers (demo)",
            "is_demo": True,
            "summary": "A fictional profile to show the page (demo).",
        },
    )
    PolicyProfile.objects.get_or_create(
        country=_country("ESP"),
        defaults={
            "lead_agency": "Demo Ministry of Inclusion and Migration (demo)",
            "is_demo": True,
            "summary": "A fictional profile; the law below is the real consolidated text held by the law room.",
        },
    )
    PolicyInstrument.objects.get_or_create(
        country=_country("PHL"),
        title="Demo National Migration and Development Policy (demo)",
        defaults={"kind": "policy", "adopted": date(2022, 5, 1), "is_demo": True},
    )
    PolicyInstrument.objects.get_or_create(
        country=_country("PHL"),
        title="Demo Reintegration Strategy 2024-2028 (demo)",
        defaults={"kind": "strategy", "adopted": date(2024, 1, 15), "is_demo": True},
    )
    laws = national.country_laws("ESP")
    if laws:
        law = laws[0]
        PolicyInstrument.objects.get_or_create(
            country=_country("ESP"),
            law_work_id=law.work_id,
            defaults={
                "title": law.short_title,
                "kind": "law",
                "url": law.source_url,
                "source": law.source_url,
                "is_demo": True,
            },
        )


def _groups() -> None:
    for iso3, (name, mandate, members, meetings) in GROUPS.items():
        group, created = WorkingGroup.objects.get_or_create(
            country=_country(iso3),
            name=name,
            defaults={
                "mandate": mandate,
                "established": date(2021, 9, 1),
                "legal_basis": "Demo executive order (demo)",
                "is_demo": True,
            },
        )
        if not created:
            continue
        WorkingGroupMember.objects.bulk_create(WorkingGroupMember(group=group, ministry=m, role=r) for m, r in members)
        for on, summary, decisions in meetings:
            meeting = WorkingGroupMeeting.objects.create(group=group, date=on, summary=summary)
            WorkingGroupDecision.objects.bulk_create(
                WorkingGroupDecision(meeting=meeting, text=t, status="in_progress" if i else "done")
                for i, t in enumerate(decisions)
            )


def _plan() -> None:
    plan, created = DevelopmentPlan.objects.get_or_create(
        country=_country("PHL"),
        title="Demo Philippine Development Plan 2023-2028 (demo)",
        defaults={
            "kind": "national_plan",
            "start_year": 2023,
            "end_year": 2028,
            "is_demo": True,
            "summary": "A fictional plan to show the checklist and the results framework (demo).",
        },
    )
    if not created:
        return
    answers = [
        ("situation_analysis", "addressed", "Chapter 2 analyses overseas work and remittances by sex (demo)."),
        ("pillar_links", "partly", "Employment and social protection chapters mention migrant workers (demo)."),
        ("diaspora", "addressed", "Section 9.3 on diaspora investment (demo)."),
        ("protection", "addressed", "Chapter 11 on fair recruitment and assistance abroad (demo)."),
        ("institutions", "partly", "Names the lead agency but not the inter-agency committee (demo)."),
        ("results_framework", "absent", ""),
        ("budget", "absent", ""),
    ]
    PlanItemAssessment.objects.bulk_create(
        PlanItemAssessment(plan=plan, item=k, rating=r, evidence=e) for k, r, e in answers
    )


def _assessments() -> None:
    for iso3, year, published, codes in ASSESSMENTS:
        item, created = SelfAssessment.objects.get_or_create(
            country=_country(iso3),
            year=year,
            defaults={"is_published": published, "is_demo": True, "note": "Fictional answers (demo)."},
        )
        if not created:
            continue
        SelfAssessmentAnswer.objects.bulk_create(
            SelfAssessmentAnswer(
                assessment=item,
                sub_id=sub,
                code=Decimal(str(code)),
                evidence="" if code == 1 else "Under discussion in the inter-agency committee (demo).",
            )
            for sub, code in zip(SUB_IDS, codes, strict=True)
        )


def _capacity() -> None:
    forum, agency = _igo(IGO_ORG, "FRA"), _igo(SECOND_IGO, "CHE")
    _igo_user(forum)
    objectives = {o.number: o for o in GcmObjective.objects.filter(number__in=[2, 7, 14, 21, 5, 18])}
    request, created = CapacityRequest.objects.get_or_create(
        country=_country("PHL"),
        title="Contingency planning for displaced populations (demo)",
        defaults={
            "gap": "Sub-categories 5a, 5d and 5e were not met in the 2023 self-assessment (demo).",
            "domain": 5,
            "sub_id": "5d",
            "status": "answered",
            "is_demo": True,
        },
    )
    if created:
        request.gcm_objectives.set([objectives[2], objectives[7]])
    other, created = CapacityRequest.objects.get_or_create(
        country=_country("PHL"),
        title="Bilateral labour agreements with new destinations (demo)",
        defaults={
            "gap": "Sub-category 3d was not met in the 2023 self-assessment (demo).",
            "domain": 3,
            "sub_id": "3d",
            "is_demo": True,
        },
    )
    if created:
        other.gcm_objectives.set([objectives[5], objectives[21]])
    initiatives = [
        (
            forum,
            "Displacement-sensitive disaster risk planning (demo)",
            5,
            [2, 7],
            "Demo Civil Defence Office (demo)",
            date(2024, 6, 1),
            date(2025, 12, 31),
            "running",
            "Two provincial plans drafted (demo).",
            [request],
        ),
        (
            agency,
            "Crisis preparedness for nationals abroad (demo)",
            5,
            [7, 14],
            "Demo Consular Academy (demo)",
            date(2025, 1, 15),
            None,
            "offered",
            "",
            [],
        ),
        (
            agency,
            "Skills partnership pilot (demo)",
            4,
            [5, 18],
            "Demo Technical Education Authority (demo)",
            date(2023, 1, 1),
            date(2023, 12, 31),
            "completed",
            "120 trainees certified (demo).",
            [],
        ),
    ]
    for org, title, domain, numbers, partners, start, end, status, results, answers in initiatives:
        item, created = CapacityInitiative.objects.get_or_create(
            organisation=org,
            country=_country("PHL"),
            title=title,
            defaults={
                "domain": domain,
                "partners": partners,
                "start": start,
                "end": end,
                "status": status,
                "results": results,
                "is_demo": True,
            },
        )
        if created:
            item.gcm_objectives.set([objectives[n] for n in numbers])
            item.answers.set(answers)


@transaction.atomic
def load_policy_demo(progress: ProgressReporter) -> str:
    """Create the policy demo records if missing; running it again changes nothing."""
    steps = (_profiles, _groups, _plan, _assessments, _capacity)
    with progress.task("policy demo", total=len(steps)) as task:
        for step in steps:
            step()
            task.advance()
    return (
        f"{SelfAssessment.objects.filter(is_demo=True).count()} demo self-assessments, "
        f"{WorkingGroup.objects.filter(is_demo=True).count()} working groups, "
        f"{CapacityInitiative.objects.filter(is_demo=True).count()} capacity-building initiatives"
    )
