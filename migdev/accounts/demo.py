"""The demo accounts: fictional organisations of every kind and one user per role (local-only passwords)."""

from django.db import transaction

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.core.progress import ProgressReporter

Kind = Organisation.Kind

# Every name says "(demo)": these organisations do not exist.
DEMO_ORGANISATIONS: list[tuple[str, str, str, str]] = [
    ("Demo Ministry of Overseas Workers (demo)", Kind.GOVERNMENT, "PHL", Organisation.Status.APPROVED),
    ("Demo Intergovernmental Migration Forum (demo)", Kind.IGO, "FRA", Organisation.Status.APPROVED),
    ("Maple Demo Care Homes Ltd. (demo employer)", Kind.EMPLOYER, "CAN", Organisation.Status.APPROVED),
    ("Demo Manila Fair Recruitment Agency (demo)", Kind.RECRUITMENT_AGENCY, "PHL", Organisation.Status.APPROVED),
    ("Demo Workers' Sending Office (demo)", Kind.SENDING_AGENCY, "MEX", Organisation.Status.APPROVED),
    ("Demo Migrant Rights Network (demo civil society)", Kind.CIVIL_SOCIETY, "MEX", Organisation.Status.APPROVED),
    ("Demo Filipino Diaspora Association (demo)", Kind.DIASPORA, "CAN", Organisation.Status.PENDING),
    ("Demo Institute for Migration Research (demo)", Kind.RESEARCH, "FRA", Organisation.Status.APPROVED),
]

EMPLOYER = DEMO_ORGANISATIONS[2][0]

# username, password, first name, last name, role flags. The passwords are for local demo sites only.
DEMO_USERS = {
    "demo-steward": {"password": "demo-steward-local", "first_name": "Sam", "last_name": "Steward (demo)"},
    "demo-official": {"password": "demo-official-local", "first_name": "Olivia", "last_name": "Official (demo)"},
    "demo-employer": {"password": "demo-employer-local", "first_name": "Emil", "last_name": "Employer (demo)"},
    "demo-worker": {"password": "demo-worker-local", "first_name": "Wen", "last_name": "Worker (demo)"},
}


def _country(iso3: str) -> Country:
    found = Country.objects.filter(pk=iso3).first()
    if found is None:
        raise DomainError(f"The demo needs the country {iso3}: load the reference data first.", field="country")
    return found


def _demo_user(username: str, **flags: object) -> tuple[User, bool]:
    spec = DEMO_USERS[username]
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": spec["first_name"],
            "last_name": spec["last_name"],
            "email": f"{username}@example.org",
            **flags,
        },
    )
    if created:
        user.set_password(spec["password"])
        user.save(update_fields=["password"])
    return user, created


@transaction.atomic
def load_demo_accounts(progress: ProgressReporter) -> str:
    """Create the demo organisations and users if missing; running it again changes nothing."""
    new_orgs = 0
    organisations: dict[str, Organisation] = {}
    with progress.task("demo accounts", total=len(DEMO_ORGANISATIONS) + len(DEMO_USERS)) as task:
        for name, kind, iso3, status in DEMO_ORGANISATIONS:
            organisation, created = Organisation.objects.get_or_create(
                name=name, defaults={"kind": kind, "country": _country(iso3), "status": status}
            )
            organisations[name] = organisation
            new_orgs += created
            task.advance()

        _steward, s_new = _demo_user("demo-steward", is_steward=True, is_staff=True)
        official, o_new = _demo_user("demo-official")
        official.official_countries.add(_country("PHL"))
        member, m_new = _demo_user("demo-employer")
        Membership.objects.get_or_create(user=member, organisation=organisations[EMPLOYER], defaults={"is_admin": True})
        _worker, w_new = _demo_user("demo-worker", is_worker=True, country=_country("PHL"))
        task.advance(len(DEMO_USERS))
    new_users = sum([s_new, o_new, m_new, w_new])
    return (
        f"{new_orgs} organisations and {new_users} users created "
        f"({len(DEMO_ORGANISATIONS)} demo organisations, {len(DEMO_USERS)} demo users in all)"
    )
