"""The rcp demo: a fictional secretariat organisation and its user for the Colombo Process, and a few meetings and
good practices, every one labelled as a demo example (they are not real events or practices). Idempotent."""

from datetime import date

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.core.progress import ProgressReporter
from migdev.rcp.models import Document, GoodPractice, Meeting, Process, Secretariat

SECRETARIAT = "Demo Colombo Process Secretariat (demo)"
USERNAME = "demo-secretariat"
PASSWORD = "demo-secretariat-local"  # for local demo sites only
PROCESS = "colombo"
Level = Meeting.Level
MEETINGS = [
    ("Demo: thematic expert meeting on skills recognition (demo example)", date(2027, 3, 9), Level.EXPERT, "Online"),
    ("Demo: senior officials meeting (demo example)", date(2027, 6, 15), Level.SENIOR_OFFICIALS, "Colombo"),
    ("Demo: ministerial consultation (demo example)", date(2027, 11, 23), Level.MINISTERIAL, "Colombo"),
]
PRACTICES = [
    (
        "Demo: shared pre-departure orientation curriculum (demo example)",
        "recruitment;skills;labour_migration",
        ["LKA", "NPL", "PHL"],
        "A demo record showing how a practice is described: member states agree on one pre-departure orientation "
        "curriculum and translate it. Not a real practice.",
    ),
    (
        "Demo: lessons learned from a recruitment-fee monitoring pilot (demo example)",
        "recruitment;migrant_rights",
        ["BGD", "IND"],
        "A demo record of a lesson learned, with the countries it concerns. Not a real pilot.",
    ),
]
OUTCOME = b"Demo outcome document (demo example, not a real document).\n"


def load_rcp_demo(progress: ProgressReporter) -> str:
    process = Process.objects.filter(rcp_id=PROCESS).first()
    if process is None:
        raise DomainError("The rcp demo needs the shipped processes: run `migdev import rcp` first.", field="rcp")
    with progress.task("rcp demo", total=len(MEETINGS) + len(PRACTICES) + 1) as task:
        organisation, _ = Organisation.objects.get_or_create(
            name=SECRETARIAT,
            defaults={
                "kind": Organisation.Kind.IGO,
                "country": Country.objects.get(pk="LKA"),
                "status": Organisation.Status.APPROVED,
            },
        )
        Secretariat.objects.get_or_create(process=process, organisation=organisation)
        user, created = User.objects.get_or_create(
            username=USERNAME,
            defaults={"first_name": "Sita", "last_name": "Secretariat (demo)", "email": f"{USERNAME}@example.org"},
        )
        if created:
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"is_admin": True})
        task.advance()
        for title, start, level, place in MEETINGS:
            meeting, made = Meeting.objects.get_or_create(
                process=process,
                title_en=title,
                defaults={"start_date": start, "level": level, "place": place, "is_demo": True, "created_by": user},
            )
            if made and level == Level.SENIOR_OFFICIALS:
                Document.objects.create(
                    meeting=meeting,
                    title="Demo outcome document (demo example)",
                    filename="demo-outcome.txt",
                    content_type="text/plain; charset=utf-8",
                    size=len(OUTCOME),
                    content=OUTCOME,
                    uploaded_by=user,
                )
            task.advance()
        for title, themes, countries, summary in PRACTICES:
            practice, made = GoodPractice.objects.get_or_create(
                process=process,
                title_en=title,
                defaults={
                    "themes": themes,
                    "summary_en": summary,
                    "year": 2026,
                    "source": "demo example",
                    "is_demo": True,
                    "created_by": user,
                },
            )
            if made:
                practice.countries.set(Country.objects.filter(pk__in=countries))
            task.advance()
    return f"rcp demo: {len(MEETINGS)} meetings, {len(PRACTICES)} good practices, secretariat user {USERNAME}"
