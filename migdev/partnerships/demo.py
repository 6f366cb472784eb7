"""The partnerships demo: fictional partners, a business advisory board with members (organisations and a person),
meetings (one with its minutes) and two followed-up recommendations, and commitments with progress updates. Every
name says "(demo)"; nothing here happened. Idempotent: running it again changes nothing."""

from datetime import date, timedelta

from django.utils import timezone

from migdev.accounts.models import Organisation
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.core.progress import ProgressReporter
from migdev.partnerships.models import (
    AdvisoryBoard,
    BoardMeeting,
    BoardMember,
    Commitment,
    Partner,
    ProgressUpdate,
    Recommendation,
)
from migdev.partnerships.services.checks import CommitmentInput, apply_commitment

Kind = Partner.Kind
EMPLOYER_ORG = "Maple Demo Care Homes Ltd. (demo employer)"
IGO_ORG = "Demo Intergovernmental Migration Forum (demo)"
MAPLE = "Maple Demo Care Homes Ltd. (demo employer)"
# name, kind, country, account organisation
PARTNERS = [
    (MAPLE, Kind.BUSINESS, "CAN", EMPLOYER_ORG),
    ("Demo Ministry of Labour of the Philippines (demo)", Kind.GOVERNMENT, "PHL", None),
    ("Demo Federation of Employers (demo)", Kind.EMPLOYER_ORGANISATION, "FRA", None),
    ("Demo Domestic Workers' Union (demo)", Kind.WORKER_ORGANISATION, "MEX", None),
    ("Demo Migrant Rights Network (demo)", Kind.CIVIL_SOCIETY, "MEX", None),
    ("Demo City of Lyon Welcome Office (demo)", Kind.LOCAL_AUTHORITY, "FRA", None),
    ("Demo Intergovernmental Migration Forum (demo)", Kind.IGO, "FRA", IGO_ORG),
]
BOARD = "Demo Business Advisory Board (demo)"


def _day(offset_days: int) -> date:
    return timezone.localdate() + timedelta(days=offset_days)


# title, pledger, partners, type, form, amount, currency, objectives, principles, targets, countries, rcps,
# start and deadline (days from today), status, progress [(days from today, text, status)]
COMMITMENTS = [
    (
        "Zero recruitment fees for care workers we hire (demo)",
        MAPLE,
        [],
        "individual",
        "policy",
        "",
        "",
        [6],
        ["a", "f"],
        ["10.7", "8.8"],
        ["CAN", "PHL"],
        ["colombo"],
        (-400, 300),
        "in_progress",
        [(-200, "Policy adopted by the board of the company; recruiters informed (demo).", "in_progress")],
    ),
    (
        "Pre-departure orientation for 500 nurses (demo)",
        "Demo Ministry of Labour of the Philippines (demo)",
        [MAPLE, "Demo Migrant Rights Network (demo)"],
        "partnership",
        "human_resources",
        "",
        "",
        [3, 6],
        ["a", "b"],
        ["10.7"],
        ["PHL"],
        ["colombo", "add"],
        (-700, -30),
        "in_progress",
        [(-300, "First 200 nurses trained (demo).", "in_progress")],
    ),
    (
        "Fund for skills recognition of migrant workers (demo)",
        "Demo Federation of Employers (demo)",
        [],
        "individual",
        "financial",
        "250000",
        "EUR",
        [18],
        ["e"],
        ["4.b", "8.8"],
        ["FRA", "MEX"],
        ["rabat"],
        (-800, -100),
        "fulfilled",
        [
            (-500, "Fund launched with the first 100,000 EUR (demo).", "in_progress"),
            (-120, "All 250,000 EUR disbursed to 12 training centres (demo).", "fulfilled"),
        ],
    ),
    (
        "Local welcome desks for newcomers (demo)",
        "Demo City of Lyon Welcome Office (demo)",
        ["Demo Domestic Workers' Union (demo)"],
        "common",
        "process",
        "",
        "",
        [15, 16],
        ["j"],
        ["10.2"],
        ["FRA"],
        [],
        (-60, 600),
        "planned",
        [],
    ),
]


def _partners() -> dict[str, Partner]:
    found: dict[str, Partner] = {}
    for name, kind, iso3, organisation_name in PARTNERS:
        country = Country.objects.filter(pk=iso3).first()
        if country is None:
            raise DomainError(f"The demo needs the country {iso3}: load the reference data first.", "country")
        organisation = Organisation.objects.filter(name=organisation_name).first() if organisation_name else None
        partner, created = Partner.objects.get_or_create(
            name=name, defaults={"kind": kind, "country": country, "is_demo": True}
        )
        if created and organisation is not None and not hasattr(organisation, "partner"):
            partner.organisation = organisation
            partner.save(update_fields=["organisation"])
        found[name] = partner
    return found


def _commitments(partners: dict[str, Partner]) -> dict[str, Commitment]:
    made: dict[str, Commitment] = {}
    for (title, pledger, with_, type_, form, amount, currency, objectives, principles, targets, countries, rcps,
         (start, deadline), status, progress) in COMMITMENTS:  # fmt: skip
        existing = Commitment.objects.filter(title=title).first()
        if existing is not None:
            made[title] = existing
            continue
        commitment = Commitment(pledger=partners[pledger], is_demo=True)
        apply_commitment(
            commitment,
            CommitmentInput(
                title=title,
                summary="A fictional commitment shown as a demo example.",
                type=type_,
                form=form,
                partners=[partners[p].pk for p in with_],
                amount=amount,
                currency=currency,
                gcm_objectives=objectives,
                guiding_principles=principles,
                sdg_targets=targets,
                countries=countries,
                rcps=rcps,
                start=_day(start),
                deadline=_day(deadline),
                status=status,
            ),
        )
        for offset, text, after in progress:
            ProgressUpdate.objects.create(commitment=commitment, date=_day(offset), text=text, status=after)
        made[title] = commitment
    return made


def _board(partners: dict[str, Partner], commitments: dict[str, Commitment]) -> None:
    secretariat = Organisation.objects.filter(name=IGO_ORG).first()
    board, created = AdvisoryBoard.objects.get_or_create(
        name=BOARD,
        defaults={
            "mandate": "Advise the demo forum on how businesses can support safe, orderly and regular migration "
            "(a fictional board shown as a demo example).",
            "established": _day(-900),
            "secretariat": secretariat,
            "is_demo": True,
        },
    )
    if not created:
        return
    for name, role, since in (
        (MAPLE, "Chair", -900),
        ("Demo Federation of Employers (demo)", "Member", -900),
        ("Demo Domestic Workers' Union (demo)", "Observer", -500),
    ):
        BoardMember.objects.create(board=board, partner=partners[name], role=role, since=_day(since))
    BoardMember.objects.create(
        board=board,
        person_name="Ana Demo-Reyes (demo)",
        partner=partners["Demo Migrant Rights Network (demo)"],
        role="Expert member",
        since=_day(-900),
        until=_day(-200),
    )
    first = BoardMeeting.objects.create(
        board=board,
        date=_day(-850),
        place="Geneva",
        agenda="1. Mandate and working methods\n2. Recruitment fees paid by workers",
        summary="Inaugural meeting.",
        minutes_name="minutes-inaugural-meeting-demo.txt",
        minutes_type="text/plain; charset=utf-8",
        minutes_data=b"Minutes of the inaugural meeting (demo).\nThe board adopted the employer-pays recommendation.\n",
    )
    second = BoardMeeting.objects.create(
        board=board, date=_day(-420), place="Manila", agenda="1. Skills recognition", summary="Second meeting."
    )
    ethical = Recommendation.objects.create(
        board=board,
        meeting=first,
        title="Employers pay recruitment fees, never workers (demo)",
        text="Members should adopt the employer-pays principle and report on it yearly.",
        adopted=first.date,
        follow_up=Recommendation.FollowUp.IN_PROGRESS,
    )
    ethical.commitments.set([commitments["Zero recruitment fees for care workers we hire (demo)"]])
    skills = Recommendation.objects.create(
        board=board,
        meeting=second,
        title="Invest in the recognition of migrants' skills (demo)",
        text="Members should fund programmes that recognise skills gained abroad.",
        adopted=second.date,
        follow_up=Recommendation.FollowUp.IMPLEMENTED,
    )
    skills.commitments.set([commitments["Fund for skills recognition of migrant workers (demo)"]])


def load_partnerships_demo(progress: ProgressReporter) -> str:
    with progress.task("partnerships demo", total=3) as task:
        partners = _partners()
        task.advance()
        commitments = _commitments(partners)
        task.advance()
        _board(partners, commitments)
        task.advance()
    return f"{len(partners)} demo partners, {len(commitments)} demo commitments, 1 demo advisory board"
