"""The permission matrix's world: one object of each kind per owner, every role, and how a request is sent.

Built once per test (about a second); each write in the matrix runs in a savepoint that is rolled back, so every row
and role meets the same world.
"""

import copy
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import Client

from migdev.accounts.models import ApiToken, Organisation
from migdev.core.models import Country
from migdev.diaspora.models import ExpertProfile
from migdev.labour.models import (
    Consent,
    Grievance,
    Invitation,
    MatchAssignment,
    MatchRun,
    Placement,
    RiskFlag,
    Vacancy,
)
from migdev.labour.tests.factories_protection import (
    OrganisationFactory,
    PlacementFactory,
    VacancyFactory,
    World,
    contract_for,
)
from migdev.labour.tests.factories_registry import StandardFactory
from migdev.law.models import Lesson

# The roles of the matrix, in the order they are tried. "official" is an official of the object's country (the
# destination, Canada, for vacancies, schemes and employers; the origin, the Philippines, for workers: see
# `official_origin`); "official_other" is an official of a country the object has nothing to do with (Mexico).
ROLES = [
    "anonymous",
    "worker",
    "other_worker",
    "employer",
    "other_employer",
    "recruiter",
    "agency",
    "official",
    "official_origin",
    "official_other",
    "steward",
]
SIGNED_IN = frozenset(ROLES) - {"anonymous"}
EVERYONE = frozenset(ROLES)
MISSING_ID = "987654321"


class MatrixWorld(World):
    """The labour protection world plus one object of each kind owned by the worker, the employer and the country."""

    def __init__(self) -> None:
        super().__init__()
        self.worker.user.country = Country.objects.get(pk="PHL")
        self.worker.user.save(update_fields=["country"])
        self.steward.is_staff = True
        self.steward.save(update_fields=["is_staff"])
        self.standard = StandardFactory()
        Consent.objects.create(worker=self.worker, purpose="matching", given_at="2024-01-01T00:00:00Z")
        self.placement = PlacementFactory(vacancy=self.vacancy, worker=self.worker)
        contract_for(self.placement, "origin")
        self.offered = PlacementFactory(vacancy=self.vacancy, worker=self.other_worker, state=Placement.State.OFFERED)
        self.invitation = Invitation.objects.create(vacancy=self.vacancy, worker=self.worker)
        self.grievance = Grievance.objects.create(
            worker=self.worker,
            placement=self.placement,
            against=self.employer,
            indicator="withholding_wages",
            description="Wages held back for two months.",
        )
        self.flag = RiskFlag.objects.create(
            kind="worker_paid_fee", placement=self.placement, organisation=self.employer
        )
        self.run = MatchRun.objects.create(
            scheme=self.scheme,
            season=2031,
            status=MatchRun.Status.DONE,
            objective=0.9,
            greedy_objective=0.9,
            result={"assignments": [], "greedy_assigned": 1},
        )
        self.assignment = MatchAssignment.objects.create(
            run=self.run, worker=self.worker, vacancy=self.vacancy, score=0.9
        )
        self.token = ApiToken.objects.create(user=self.worker.user, name="matrix", prefix="matrix00", key_hash="0" * 64)
        self.draft = VacancyFactory(employer=self.employer, scheme=self.scheme, state=Vacancy.State.DRAFT)
        self.pending = OrganisationFactory(name="Pending orchards (test)", status=Organisation.Status.PENDING)
        self.lesson = Lesson.objects.order_by("module_id", "order" if hasattr(Lesson, "order") else "pk").first()
        self._diaspora()
        self._rcp()
        self._partnerships()
        self._impact()
        self._policy()

    def _diaspora(self) -> None:
        """The worker as a diaspora expert; the employer as the institution that posts needs and invites them; a
        diaspora association run by the other worker, with an initiative."""
        from migdev.accounts.models import Membership
        from migdev.core.models import EscoOccupation, Sex
        from migdev.diaspora.models import Assignment, DiasporaOrganisation, ExpertInvitation, Initiative, Need

        occupation = EscoOccupation.objects.filter(isco_group_id="9211").order_by("pk").first()
        self.expert = ExpertProfile.objects.create(
            user=self.worker.user,
            pseudonym="D-MATRIX1",
            sex=Sex.objects.get(pk="F"),
            origin_id="PHL",
            residence_id="CAN",
            occupation=occupation,
            years_experience=8,
        )
        need = {"organisation": self.employer, "country_id": "CAN", "occupation": occupation, "mode": "virtual"}
        self.need = Need.objects.create(
            **need, title="Orchard pruning mentor", duration_weeks=4, start_date="2031-03-01"
        )
        self.expert_invitation = ExpertInvitation.objects.create(need=self.need, expert=self.expert)
        accepted_need = Need.objects.create(
            **need, title="Harvest planning advice", duration_weeks=2, start_date="2031-05-01"
        )
        accepted = ExpertInvitation.objects.create(
            need=accepted_need, expert=self.expert, status=ExpertInvitation.Status.ACCEPTED
        )
        self.expert_assignment = Assignment.objects.create(
            invitation=accepted, start_date="2031-05-01", end_date="2031-05-15"
        )
        association = OrganisationFactory(name="Filipino growers abroad (test)", kind=Organisation.Kind.DIASPORA)
        Membership.objects.create(user=self.other_worker.user, organisation=association, is_admin=True)
        self.diaspora_entry = DiasporaOrganisation.objects.create(
            organisation=association, origin_id="PHL", residence_id="CAN", focus="Skills for growers at home"
        )
        self.initiative = Initiative.objects.create(
            diaspora_organisation=self.diaspora_entry,
            title="Orchard school in Benguet",
            kind=Initiative.Kind.SKILLS_TRANSFER,
            country_id="PHL",
        )

    def _rcp(self) -> None:
        """The employer's organisation as the Colombo Process's secretariat, with a meeting, its outcome document and
        a good practice."""
        from migdev.rcp.models import Document, GoodPractice, Meeting, Process, Secretariat

        colombo = Process.objects.get(rcp_id="colombo")
        Secretariat.objects.create(process=colombo, organisation=self.employer)
        self.rcp_meeting = Meeting.objects.create(
            process=colombo, title="Expert meeting (test)", start_date="2031-03-01", level="expert"
        )
        self.rcp_document = Document.objects.create(
            meeting=self.rcp_meeting, title="Outcome", filename="o.txt", content_type="text/plain", size=1, content=b"x"
        )
        self.rcp_practice = GoodPractice.objects.create(process=colombo, title="Practice (test)", summary="s")

    def _partnerships(self) -> None:
        """The employer as a business partner pledging a commitment (with a progress update and its evidence), and
        an advisory board with a member, a meeting with its minutes and a recommendation; a commitments import."""
        from migdev.partnerships.models import (
            AdvisoryBoard,
            BoardMeeting,
            BoardMember,
            Commitment,
            CommitmentImport,
            Partner,
            ProgressUpdate,
            Recommendation,
        )

        self.partner = Partner.objects.create(
            name="Orchards (test partner)", kind="business", organisation=self.employer
        )
        self.commitment = Commitment.objects.create(title="Fair orchards pledge", pledger=self.partner, form="policy")
        self.progress = ProgressUpdate.objects.create(
            commitment=self.commitment,
            date="2025-01-01",
            text="Started",
            status="in_progress",
            evidence_name="report.pdf",
            evidence_type="application/pdf",
            evidence_data=b"%PDF-1.4\n",
        )
        self.board = AdvisoryBoard.objects.create(
            name="Test business advisory board", mandate="Advise.", secretariat=self.employer
        )
        self.board_member = BoardMember.objects.create(board=self.board, partner=self.partner, role="Chair")
        self.board_meeting = BoardMeeting.objects.create(
            board=self.board,
            date="2025-02-01",
            minutes_name="minutes.txt",
            minutes_type="text/plain; charset=utf-8",
            minutes_data=b"Minutes",
        )
        self.recommendation = Recommendation.objects.create(
            board=self.board, meeting=self.board_meeting, title="Employer pays", text="Adopt it."
        )
        self.commitment_import = CommitmentImport.objects.create(
            file_name="commitments.csv", content=b"title\n", status="failed", message="refused"
        )

    def _impact(self) -> None:
        """A development project in Canada proposed by the employer's organisation, reviewed by the other employer's,
        decided by Canada's official; with a screening version and an evidence document."""
        from migdev.impact.models import Evidence, Project, StageVersion

        self.impact_project = Project.objects.create(
            title="Orchard packing plant (test)",
            sector="agriculture",
            country_id="CAN",
            proponent=self.employer,
            reviewer=self.other_employer,
        )
        StageVersion.objects.create(project=self.impact_project, stage="screening", number=1, data={"answers": {}})
        self.impact_evidence = Evidence.objects.create(
            project=self.impact_project,
            stage="screening",
            item="LM1",
            title="Workforce plan",
            filename="plan.txt",
            content_type="text/plain; charset=utf-8",
            size=4,
            content=b"plan",
        )

    def _policy(self) -> None:
        """Canada's policy records (profile, working group, a plan, a published SDG 10.7.2 self-assessment, a
        capacity-building request) and an initiative of an international organisation the other employer belongs to."""
        from migdev.accounts.models import Membership
        from migdev.engines.sdg_10_7_2 import SUB_IDS
        from migdev.policy.models import (
            CapacityInitiative,
            CapacityRequest,
            DevelopmentPlan,
            SelfAssessment,
            SelfAssessmentAnswer,
            WorkingGroup,
        )

        self.policy_igo = OrganisationFactory(name="Migration agency (test IGO)", kind=Organisation.Kind.IGO)
        Membership.objects.create(user=self.other_member, organisation=self.policy_igo)
        self.policy_group = WorkingGroup.objects.create(country_id="CAN", name="Migration table (test)", mandate="m")
        self.policy_plan = DevelopmentPlan.objects.create(
            country_id="CAN", title="Plan (test)", kind="national_plan", start_year=2025, end_year=2030
        )
        self.policy_assessment = SelfAssessment.objects.create(country_id="CAN", year=2023, is_published=True)
        SelfAssessmentAnswer.objects.bulk_create(
            SelfAssessmentAnswer(assessment=self.policy_assessment, sub_id=sub, code=1) for sub in SUB_IDS
        )
        CapacityRequest.objects.create(country_id="CAN", title="Data (test)", gap="g", domain=2)
        self.policy_initiative = CapacityInitiative.objects.create(
            organisation=self.policy_igo, country_id="CAN", title="Data systems (test)", domain=2, start="2025-01-01"
        )

    @property
    def stats_indicator(self) -> str:
        from migdev.stats.models import Indicator

        return str(Indicator.objects.order_by("pk").values_list("code", flat=True).first())

    @property
    def national_work(self) -> Any:
        """A national law with versions, from the shipped data (Spain's LO 4/2000)."""
        from migdev.law.models import Work

        return Work.objects.filter(country_id="ESP").order_by("pk").first()

    def roles(self) -> dict[str, Any]:
        return {
            "anonymous": AnonymousUser(),
            "worker": self.worker.user,
            "other_worker": self.other_worker.user,
            "employer": self.employer_member,
            "other_employer": self.other_member,
            "recruiter": self.recruiter_member,
            "agency": self.agency_member,
            "official": self.official_destination,
            "official_origin": self.official_origin,
            "official_other": self.official_other,
            "steward": self.steward,
        }

    def ids(self) -> dict[str, str]:
        """The value of each path parameter by its name: the worker's, the employer's or the country's object."""
        from migdev.core.models import EscoOccupation, EscoSkill
        from migdev.law.models import GlossaryTerm, Instrument, Work

        lesson = self.lesson
        return {
            "vacancy_id": str(self.vacancy.pk),
            "scheme_id": str(self.scheme.pk),
            "organisation_id": str(self.employer.pk),
            "agency_id": str(self.agency.pk),
            "pseudonym": self.worker.pseudonym,
            "placement_id": str(self.placement.pk),
            "invitation_id": str(self.invitation.pk),
            "grievance_id": str(self.grievance.pk),
            "flag_id": str(self.flag.pk),
            "run_id": str(self.run.pk),
            "assignment_id": str(self.assignment.pk),
            "person_id": str(self.worker.user.pk),
            "token_id": str(self.token.pk),
            "standard_id": str(self.standard.pk),
            "code": "CAN",
            "indicator": "stock",
            "occupation_id": str(EscoOccupation.objects.filter(isco_group_id="9211").order_by("pk").first().pk),  # type: ignore[union-attr]
            "skill_id": str(EscoSkill.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
            "instrument_id": str(Instrument.objects.exclude(text_slug="").order_by("pk").first().pk),  # type: ignore[union-attr]
            "work_id": str(Work.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
            "term_id": str(GlossaryTerm.objects.order_by("pk").first().pk),  # type: ignore[union-attr]
            "module_id": str(lesson.module_id if lesson else "x"),
            "slug": str(lesson.slug if lesson else "x"),
            **self._national_dates(),
            "need_id": str(self.need.pk),
            "expert_invitation_id": str(self.expert_invitation.pk),
            "expert_assignment_id": str(self.expert_assignment.pk),
            "entry_id": str(self.diaspora_entry.pk),
            "initiative_id": str(self.initiative.pk),
            "rcp_id": "colombo",
            "iso3": "LKA",
            "meeting_id": str(self.rcp_meeting.pk),
            "document_id": str(self.rcp_document.pk),
            "practice_id": str(self.rcp_practice.pk),
            "kind": "processes",
            "fmt": "csv",
            "partner_id": str(self.partner.pk),
            "commitment_id": str(self.commitment.pk),
            "update_id": str(self.progress.pk),
            "board_id": str(self.board.pk),
            "board_member_id": str(self.board_member.pk),
            "board_meeting_id": str(self.board_meeting.pk),
            "recommendation_id": str(self.recommendation.pk),
            "import_id": str(self.commitment_import.pk),
        }

    def _national_dates(self) -> dict[str, str]:
        """The oldest and newest version dates of the national law (for the diff's query)."""
        from migdev.law.models import Expression

        dates = sorted(set(Expression.objects.filter(work=self.national_work).values_list("date", flat=True)))
        return {"national_from": dates[0] if dates else "", "national_to": dates[-1] if dates else ""}


@dataclass
class Clients:
    """One signed-in test client per role, signed in once (outside the savepoints, so sessions survive)."""

    world: MatrixWorld
    by_role: dict[str, Client] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for role, user in self.world.roles().items():
            client = Client(raise_request_exception=False)
            if not isinstance(user, AnonymousUser):
                client.force_login(user)
            self.by_role[role] = client

    def send(self, role: str, method: str, path: str, body: Any = None, form: bool = False) -> Any:
        """Send one request and roll back whatever it wrote."""
        client = self.by_role[role]
        cookies = copy.deepcopy(client.cookies)  # signing out in a rolled-back request must not sign the role out
        with transaction.atomic():
            if method == "get":
                response = client.get(path)
            elif form:
                response = getattr(client, method)(path, body or {})
            else:
                response = getattr(client, method)(
                    path, b"" if body is None else _json(body), content_type="application/json"
                )
            transaction.set_rollback(True)
        client.cookies = cookies
        return response


def _json(body: Any) -> str:
    import json

    return json.dumps(body, default=str)
