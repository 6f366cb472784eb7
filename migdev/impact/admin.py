"""Admin of the impact room for stewards: projects with their versions and evidence (versions read-only: the history
is kept as saved), and the library (tabs for translated fields)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TabbedTranslationAdmin

from migdev.core.admin import StewardsMaintain, StewardsRead
from migdev.impact.models import Evidence, Measure, MonitoringIndicator, Project, ScreeningItem, StageVersion


class StageVersionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = StageVersion
    fields = ("stage", "number", "author", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Project)
class ProjectAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("title", "country", "sector", "proponent", "stage", "status", "screening_outcome", "updated_at")
    list_filter = ("stage", "status", "sector", "screening_outcome")
    search_fields = ("title", "places", "ministry")
    raw_id_fields = ("country", "currency", "proponent", "reviewer", "created_by")
    inlines = [StageVersionInline]


@admin.register(StageVersion)
class StageVersionAdmin(StewardsRead, admin.ModelAdmin):
    list_display = ("project", "stage", "number", "author", "created_at")
    list_filter = ("stage",)
    readonly_fields = ("project", "stage", "number", "data", "author", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Evidence)
class EvidenceAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("title", "project", "stage", "item", "content_type", "size", "uploaded_at")
    list_filter = ("stage",)
    exclude = ("content",)
    readonly_fields = ("filename", "content_type", "size", "uploaded_by", "uploaded_at")
    raw_id_fields = ("project",)


@admin.register(ScreeningItem)
class ScreeningItemAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("code", "dimension", "topic")
    filter_horizontal = ("gcm_objectives", "sdg_indicators")


@admin.register(Measure)
class MeasureAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("code", "title", "dimension", "kind")
    list_filter = ("dimension", "kind")
    filter_horizontal = ("gcm_objectives",)


@admin.register(MonitoringIndicator)
class MonitoringIndicatorAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("code", "name", "dimension")
    list_filter = ("dimension",)
    filter_horizontal = ("sdg_indicators",)
