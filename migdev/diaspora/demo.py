"""The diaspora demo: fictional institutions, diaspora organisations, experts, needs, an invitation to answer, a
finished assignment, and generated survey answers (marked as demo answers). Idempotent."""

import random
from datetime import date, timedelta

from django.db import transaction

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.errors import DomainError
from migdev.core.models import Country, EscoOccupation, EscoOccupationSkill, GcmObjective, Language, Sex
from migdev.core.progress import ProgressReporter
from migdev.diaspora import survey
from migdev.diaspora.models import (
    Assignment,
    DiasporaOrganisation,
    ExpertInvitation,
    ExpertLanguage,
    ExpertProfile,
    Initiative,
    Need,
    NeedLanguage,
    SurveyResponse,
)
from migdev.diaspora.services.experts import _new_pseudonym

Kind = Organisation.Kind
HOSPITAL = "Demo Manila Heart Centre (demo institution)"
WATER = "Demo Mexican Water Authority (demo institution)"
NURSES = "Demo Filipino Nurses Abroad Network (demo diaspora organisation)"
ENGINEERS = "Demo Mexican Engineers Abroad (demo diaspora organisation)"
ORGANISATIONS = [
    (HOSPITAL, Kind.GOVERNMENT, "PHL"),
    (WATER, Kind.GOVERNMENT, "MEX"),
    (NURSES, Kind.DIASPORA, "CAN"),
    (ENGINEERS, Kind.DIASPORA, "USA"),
]
SPECIALIST_NURSE = "http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba"
GENERAL_CARE_NURSE = "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50"
GP = "http://data.europa.eu/esco/occupation/71f09c8b-a172-408c-b9e7-32e580e39ff6"
WATER_ENGINEER = "http://data.europa.eu/esco/occupation/fcf9024e-277c-43c7-8ec8-8903e5c9c576"
CIVIL_ENGINEER = "http://data.europa.eu/esco/occupation/d7d986e1-7333-431b-9719-0c5c6939e360"
# username, first, last, sex, origin, residence, occupation, years, virtual, physical, languages (password: demo only)
EXPERTS = [
    (
        "demo-expert",
        "Elena",
        "Expert (demo)",
        "F",
        "PHL",
        "CAN",
        SPECIALIST_NURSE,
        12,
        True,
        False,
        [("eng", 5), ("fil", 6)],
    ),
    ("demo-expert-2", "Marco", "Reyes (demo)", "M", "PHL", "USA", GENERAL_CARE_NURSE, 8, True, True, [("eng", 5)]),
    ("demo-expert-3", "Ana", "Santos (demo)", "F", "PHL", "GBR", GP, 15, True, False, [("eng", 6)]),
    (
        "demo-expert-4",
        "Luis",
        "Garcia (demo)",
        "M",
        "MEX",
        "USA",
        WATER_ENGINEER,
        10,
        False,
        True,
        [("spa", 6), ("eng", 5)],
    ),
    ("demo-expert-5", "Sofia", "Lopez (demo)", "F", "MEX", "ESP", CIVIL_ENGINEER, 6, True, True, [("spa", 6)]),
    ("demo-expert-6", "Grace", "Cruz (demo)", "F", "PHL", "ARE", SPECIALIST_NURSE, 4, True, False, [("eng", 4)]),
]
PASSWORDS = {"demo-expert": "demo-expert-local", "demo-institution": "demo-institution-local"}
START = date(2027, 3, 1)


def _country(iso3: str) -> Country:
    found = Country.objects.filter(pk=iso3).first()
    if found is None:
        raise DomainError(f"The demo needs the country {iso3}: load the reference data first.", field="country")
    return found


def _occupation(uri: str) -> EscoOccupation:
    found = EscoOccupation.objects.filter(uri=uri).first()
    if found is None:
        raise DomainError(f"The demo needs the ESCO occupation {uri}: load ESCO first.", field="occupation")
    return found


def _user(username: str, first: str, last: str) -> User:
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"}
    )
    if created:
        if username in PASSWORDS:
            user.set_password(PASSWORDS[username])
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _experts() -> dict[str, ExpertProfile]:
    experts = {}
    for username, first, last, sex, origin, residence, uri, years, virtual, physical, languages in EXPERTS:
        user = _user(username, first, last)
        occupation = _occupation(uri)
        expert = ExpertProfile.objects.filter(user=user).first()
        if expert is None:
            expert = ExpertProfile.objects.create(
                user=user,
                pseudonym=_new_pseudonym(),
                sex=Sex.objects.get(pk=sex),
                origin=_country(origin),
                residence=_country(residence),
                occupation=occupation,
                years_experience=years,
                virtual=virtual,
                physical=physical,
                summary="",
            )
            skills = EscoOccupationSkill.objects.filter(occupation=occupation, relation="essential").values_list(
                "skill_id", flat=True
            )
            chosen = list(skills)
            expert.skills.set(chosen[: max(1, len(chosen) - (years < 8))])  # junior experts lack one skill
            for code, level in languages:
                if Language.objects.filter(pk=code).exists():
                    ExpertLanguage.objects.create(expert=expert, language_id=code, level=level)
        experts[username] = expert
    return experts


def _need(organisation: Organisation, title: str, uri: str, mode: str, weeks: int, description: str) -> Need:
    need, created = Need.objects.get_or_create(
        organisation=organisation,
        title=title,
        defaults={
            "country": organisation.country,
            "occupation": _occupation(uri),
            "mode": mode,
            "duration_weeks": weeks,
            "start_date": START,
            "description": description,
            "min_experience_years": 5,
        },
    )
    if created and organisation.country_id == "PHL":
        NeedLanguage.objects.create(need=need, language_id="eng", min_level=4)
    return need


def _registry(organisations: dict[str, Organisation]) -> None:
    nurses, _c = DiasporaOrganisation.objects.get_or_create(
        organisation=organisations[NURSES],
        defaults={
            "origin": _country("PHL"),
            "residence": _country("CAN"),
            "focus_en": "Skills transfer in health care",
            "contact_email": "contact@example.org",
        },
    )
    engineers, _c = DiasporaOrganisation.objects.get_or_create(
        organisation=organisations[ENGINEERS],
        defaults={"origin": _country("MEX"), "residence": _country("USA"), "focus_en": "Investment in water and roads"},
    )
    objectives = {o.number: o for o in GcmObjective.objects.filter(number__in=[18, 19, 20])}
    for entry, title, kind, country, numbers in (
        (nurses, "Tele-mentoring for rural nurses (demo)", Initiative.Kind.SKILLS_TRANSFER, "PHL", [18, 19]),
        (engineers, "Diaspora bond for village water systems (demo)", Initiative.Kind.INVESTMENT, "MEX", [19, 20]),
    ):
        initiative, created = Initiative.objects.get_or_create(
            diaspora_organisation=entry,
            title_en=title,
            defaults={"kind": kind, "country": _country(country), "start_year": 2025},
        )
        if created:
            initiative.gcm_objectives.set([objectives[n] for n in numbers if n in objectives])


def _survey_answers(total: int = 60) -> int:
    """Generated answers (marked is_demo) so the results page shows groups above the minimum cell size."""
    if SurveyResponse.objects.filter(is_demo=True).exists():
        return 0
    generator = random.Random(2026)
    places = [("PHL", "CAN"), ("PHL", "USA"), ("MEX", "USA"), ("MEX", "ESP")]
    sexes = {s.pk: s for s in Sex.objects.filter(pk__in=["F", "M"])}
    rows = []
    for i in range(total):
        origin, residence = places[i % len(places)]
        rows.append(
            SurveyResponse(
                origin_id=origin,
                residence_id=residence,
                sex=sexes["F" if i % 3 else "M"],
                language="en",
                attachment=generator.randint(2, 5),
                contribute_time=generator.choice(list(survey.WILLINGNESS)),
                contribute_money=generator.choice(list(survey.WILLINGNESS)),
                channels=generator.sample(list(survey.CHANNELS), 2),
                barriers=generator.sample(list(survey.BARRIERS), 2),
                motives=generator.sample(list(survey.MOTIVES), 2),
                is_demo=True,
            )
        )
    SurveyResponse.objects.bulk_create(rows)
    return total


@transaction.atomic
def load_diaspora_demo(progress: ProgressReporter) -> str:
    """Create the diaspora demo if missing; running it again changes nothing."""
    with progress.task("diaspora demo", total=5) as task:
        organisations = {}
        for name, kind, iso3 in ORGANISATIONS:
            organisations[name], _c = Organisation.objects.get_or_create(
                name=name, defaults={"kind": kind, "country": _country(iso3), "status": Organisation.Status.APPROVED}
            )
        institution = _user("demo-institution", "Ines", "Institution (demo)")
        Membership.objects.get_or_create(
            user=institution, organisation=organisations[HOSPITAL], defaults={"is_admin": True}
        )
        diaspora_member = User.objects.filter(username="demo-expert").first() or _user(
            "demo-expert", "Elena", "Expert (demo)"
        )
        Membership.objects.get_or_create(user=diaspora_member, organisation=organisations[NURSES])
        task.advance()
        _registry(organisations)
        task.advance()
        experts = _experts()
        task.advance()
        mentoring = _need(
            organisations[HOSPITAL],
            "Virtual mentoring of cardiac-care nurses (demo)",
            SPECIALIST_NURSE,
            "virtual",
            12,
            "Weekly video sessions with the nurses of the cardiac ward.",
        )
        protocols = _need(
            organisations[HOSPITAL],
            "Review of clinical protocols (demo)",
            GP,
            "virtual",
            8,
            "Review the ward's clinical protocols against current guidelines.",
        )
        _need(
            organisations[WATER],
            "Planning of a rural water network (demo)",
            WATER_ENGINEER,
            "physical",
            6,
            "Two site visits and a plan for a village water network.",
        )
        ExpertInvitation.objects.get_or_create(
            need=mentoring, expert=experts["demo-expert"], defaults={"message": "We would value your experience."}
        )
        done, created = ExpertInvitation.objects.get_or_create(
            need=protocols, expert=experts["demo-expert-3"], defaults={"status": ExpertInvitation.Status.ACCEPTED}
        )
        if created:
            Assignment.objects.create(
                invitation=done,
                start_date=START,
                end_date=START + timedelta(weeks=8),
                status=Assignment.Status.COMPLETED,
                outcome=Assignment.Outcome.MET,
                outcome_report="Protocols reviewed; two updated.",
                hours_contributed=40,
            )
            protocols.state = Need.State.FILLED
            protocols.save(update_fields=["state"])
        task.advance()
        answers = _survey_answers()
        task.advance()
    return f"diaspora demo: {len(experts)} experts, 3 needs, {answers} new survey answers"
