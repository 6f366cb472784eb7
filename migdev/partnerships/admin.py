"""Admin of the partnerships room for stewards: partners, commitments (with RCPs and progress), advisory boards with
their members, meetings and recommendations."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from migdev.core.admin import StewardsMaintain, StewardsRead
from migdev.partnerships.models import (
    AdvisoryBoard,
    BoardMeeting,
    BoardMember,
    Commitment,
    CommitmentImport,
    CommitmentRcp,
    Partner,
    ProgressUpdate,
    Recommendation,
)


@admin.register(Partner)
class PartnerAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("name", "kind", "country", "organisation", "is_demo")
    list_filter = ("kind", "is_demo")
    search_fields = ("name",)
    raw_id_fields = ("organisation",)


class CommitmentRcpInline(StewardsMaintain, admin.TabularInline):
    model = CommitmentRcp
    extra = 0


class ProgressInline(StewardsMaintain, admin.TabularInline):
    model = ProgressUpdate
    extra = 0
    fields = ("date", "status", "text", "evidence_url", "evidence_name")
    readonly_fields = ("evidence_name",)


@admin.register(Commitment)
class CommitmentAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("title", "pledger", "type", "form", "status", "deadline", "is_demo")
    list_filter = ("status", "type", "form", "is_demo")
    search_fields = ("title", "summary", "pledger__name")
    filter_horizontal = ("partners", "gcm_objectives", "guiding_principles", "sdg_targets", "countries")
    raw_id_fields = ("pledger", "matches", "created_by")
    inlines = [CommitmentRcpInline, ProgressInline]


class BoardMemberInline(StewardsMaintain, admin.TabularInline):
    model = BoardMember
    extra = 0
    raw_id_fields = ("partner",)
    fields = ("partner", "person_name", "role", "since", "until")


class BoardMeetingInline(StewardsMaintain, admin.TabularInline):
    model = BoardMeeting
    extra = 0
    fields = ("date", "place", "agenda", "summary", "minutes_name")
    readonly_fields = ("minutes_name",)


@admin.register(AdvisoryBoard)
class AdvisoryBoardAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("name", "established", "secretariat", "is_demo")
    raw_id_fields = ("secretariat",)
    inlines = [BoardMemberInline, BoardMeetingInline]


@admin.register(Recommendation)
class RecommendationAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("title", "board", "adopted", "follow_up")
    list_filter = ("board", "follow_up")
    filter_horizontal = ("commitments",)
    raw_id_fields = ("meeting",)


@admin.register(CommitmentImport)
class CommitmentImportAdmin(StewardsRead, admin.ModelAdmin):
    """The stewards' CSV uploads and what came of them (the job records the outcome; nothing here to edit)."""

    list_display = ("file_name", "status", "uploaded_by", "uploaded_at", "finished_at")
    list_filter = ("status",)
    fields = ("file_name", "status", "message", "job_id", "uploaded_by", "uploaded_at", "finished_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
