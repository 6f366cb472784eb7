"""Reads of the registry: partners, commitments (with facets and search), progress, boards."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from migdev.accounts.models import User
from migdev.core.errors import NotFound
from migdev.core.models import GcmGuidingPrinciple, GcmObjective, SdgTarget
from migdev.partnerships.models import (
    AdvisoryBoard,
    BoardMeeting,
    Commitment,
    CommitmentImport,
    Partner,
    ProgressUpdate,
    Recommendation,
)

OPEN = (Commitment.Status.PLANNED, Commitment.Status.IN_PROGRESS)


@dataclass(frozen=True)
class CommitmentFilters:
    q: str = ""
    objective: int | None = None
    kind: str = ""
    country: str = ""
    rcp: str = ""
    status: str = ""
    form: str = ""
    type: str = ""
    partner: int | None = None


def _in_range(number: int) -> bool:
    return 0 < number < 2**31


def commitments_base() -> QuerySet[Commitment]:
    return Commitment.objects.select_related("pledger", "pledger__country", "currency", "matches").prefetch_related(
        "partners", "gcm_objectives", "guiding_principles", "sdg_targets", "countries", "rcps"
    )


def overdue_q(today: date | None = None) -> Q:
    return Q(status__in=OPEN, deadline__lt=today or timezone.localdate())


def commitments(filters: CommitmentFilters = CommitmentFilters()) -> QuerySet[Commitment]:
    """Commitments matching the facets; `status` "overdue" is computed from the deadline."""
    found = commitments_base()
    if filters.q:
        words = filters.q[:100]
        found = found.filter(
            Q(title__icontains=words) | Q(summary__icontains=words) | Q(pledger__name__icontains=words)
        )
    if filters.objective is not None:
        found = found.filter(gcm_objectives__number=filters.objective)
    if filters.kind:
        found = found.filter(Q(pledger__kind=filters.kind[:30]) | Q(partners__kind=filters.kind[:30]))
    if filters.country:
        found = found.filter(countries__iso3=filters.country.upper()[:3])
    if filters.rcp:
        found = found.filter(rcps__rcp_id=filters.rcp[:30])
    if filters.status == "overdue":
        found = found.filter(overdue_q())
    elif filters.status:
        found = found.filter(status=filters.status[:20]).exclude(overdue_q())
    if filters.form:
        found = found.filter(form=filters.form[:20])
    if filters.type:
        found = found.filter(type=filters.type[:20])
    if filters.partner is not None and _in_range(filters.partner):
        found = found.filter(Q(pledger_id=filters.partner) | Q(partners__id=filters.partner))
    return found.distinct().order_by("-created_at", "pk")


def commitment_by_id(commitment_id: int) -> Commitment:
    found = commitments_base().filter(pk=commitment_id).first() if _in_range(commitment_id) else None
    if found is None:
        raise NotFound(f"No commitment {commitment_id}", field="commitment_id")
    return found


def progress_updates(commitment: Commitment) -> QuerySet[ProgressUpdate]:
    return commitment.updates.defer("evidence_data").order_by("-date", "-pk")


def update_by_id(update_id: int) -> ProgressUpdate:
    found = (
        ProgressUpdate.objects.select_related("commitment__pledger").filter(pk=update_id).first()
        if (_in_range(update_id))
        else None
    )
    if found is None or not found.evidence_name:
        raise NotFound(f"No evidence document {update_id}", field="update_id")
    return found


def partners(kind: str = "", q: str = "") -> QuerySet[Partner]:
    found = Partner.objects.select_related("country", "organisation").annotate(
        n_pledges=Count("pledges", distinct=True), n_partnerships=Count("partnerships", distinct=True)
    )
    if kind:
        found = found.filter(kind=kind[:30])
    if q:
        found = found.filter(name__icontains=q[:100])
    return found.order_by("name")


def partner_by_id(partner_id: int) -> Partner:
    found = partners().filter(pk=partner_id).first() if _in_range(partner_id) else None
    if found is None:
        raise NotFound(f"No partner {partner_id}", field="partner_id")
    return found


def pledgers_of(user: object) -> list[Partner]:
    """The partners whose organisation the user is a member of (approved), or every partner for a steward."""
    if not isinstance(user, User) or not user.is_active:
        return []
    if user.is_steward or user.is_superuser:
        return list(Partner.objects.order_by("name"))
    return list(
        Partner.objects.filter(organisation__memberships__user=user, organisation__status="approved")
        .distinct()
        .order_by("name")
    )


def boards() -> QuerySet[AdvisoryBoard]:
    return AdvisoryBoard.objects.annotate(
        n_members=Count("members", distinct=True), n_recommendations=Count("recommendations", distinct=True)
    ).order_by("name")


def board_by_id(board_id: int) -> AdvisoryBoard:
    found = (
        AdvisoryBoard.objects.select_related("secretariat")
        .prefetch_related(
            "members__partner",
            Prefetch("meetings", queryset=BoardMeeting.objects.defer("minutes_data")),
            Prefetch(
                "recommendations",
                queryset=Recommendation.objects.select_related("meeting").defer("meeting__minutes_data"),
            ),
            "recommendations__commitments__pledger",
        )
        .filter(pk=board_id)
        .first()
        if _in_range(board_id)
        else None
    )
    if found is None:
        raise NotFound(f"No advisory board {board_id}", field="board_id")
    return found


def gcm_objectives() -> QuerySet[GcmObjective]:
    return GcmObjective.objects.order_by("number")


def guiding_principles() -> QuerySet[GcmGuidingPrinciple]:
    return GcmGuidingPrinciple.objects.order_by("letter")


def sdg_targets() -> QuerySet[SdgTarget]:
    return SdgTarget.objects.order_by("goal", "code")


def imports() -> QuerySet[CommitmentImport]:
    """The stewards' commitments imports, newest first (without the files themselves)."""
    return CommitmentImport.objects.select_related("uploaded_by").defer("content").order_by("-uploaded_at", "-pk")


def import_by_id(import_id: int) -> CommitmentImport:
    found = imports().filter(pk=import_id).first() if _in_range(import_id) else None
    if found is None:
        raise NotFound(f"No import {import_id}", field="import_id")
    return found


def meeting_of(board: AdvisoryBoard, meeting_id: int) -> BoardMeeting:
    found = board.meetings.filter(pk=meeting_id).first() if _in_range(meeting_id) else None
    if found is None:
        raise NotFound(f"No meeting {meeting_id} of this board", field="meeting_id")
    return found


def minutes_of(meeting_id: int) -> BoardMeeting:
    found = BoardMeeting.objects.filter(pk=meeting_id).first() if _in_range(meeting_id) else None
    if found is None or not found.minutes_name:
        raise NotFound(f"No minutes of meeting {meeting_id}", field="meeting_id")
    return found


def recommendation_of(board: AdvisoryBoard, recommendation_id: int) -> Recommendation:
    found = board.recommendations.filter(pk=recommendation_id).first() if _in_range(recommendation_id) else None
    if found is None:
        raise NotFound(f"No recommendation {recommendation_id} of this board", field="recommendation_id")
    return found
