"""Admin for reference data: stewards edit names in EN/FR/ES tabs (modeltranslation)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult
from modeltranslation.admin import TabbedTranslationAdmin

from migdev.core.caching import bump
from migdev.core.models import (
    Country,
    Currency,
    EscoOccupation,
    EscoOccupationSkill,
    EscoSkill,
    GcmGuidingPrinciple,
    GcmObjective,
    IscoGroup,
    Language,
    Region,
    SdgIndicator,
    SdgTarget,
    Sex,
)


def is_steward_request(request: HttpRequest) -> bool:
    """An active steward (or superuser) made the request: stewards maintain the platform's data in the admin."""
    user = request.user
    return bool(user.is_active and (getattr(user, "is_steward", False) or user.is_superuser))


class StewardsRead:
    """Stewards see the model in the admin (Django's model permissions are not used for stewards)."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_steward_request(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_steward_request(request)


class StewardsMaintain(StewardsRead):
    """Stewards see, add, change and delete the model's rows in the admin."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_steward_request(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_steward_request(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_steward_request(request)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        """A steward's edit changes reference data: caches computed from it are stale (core.caching)."""
        bump(f"admin:{obj._meta.label}")
        return super().log_change(request, obj, message)  # type: ignore[misc]

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        bump(f"admin:{obj._meta.label}")
        return super().log_addition(request, obj, message)  # type: ignore[misc]

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        bump(f"admin:{queryset.model._meta.label}")
        return super().log_deletions(request, queryset)  # type: ignore[misc]


# Stewards see every durable job (read-only, as the backend's own admin has it).
admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class JobAdmin(StewardsRead, DBTaskResultAdmin):
    pass


@admin.register(Region)
class RegionAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("m49", "name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("m49", "name")


@admin.register(Country)
class CountryAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("iso3", "iso2", "m49", "name", "subregion")
    list_filter = ("subregion__parent",)
    search_fields = ("iso3", "iso2", "name", "official_name")
    list_select_related = ("subregion",)


@admin.register(Currency)
class CurrencyAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("code", "numeric", "name")
    search_fields = ("code", "name")


@admin.register(Language)
class LanguageAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("code", "iso639_1", "name")
    search_fields = ("code", "iso639_1", "name")


@admin.register(Sex)
class SexAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("code", "name")


@admin.register(IscoGroup)
class IscoGroupAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("code", "title", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "title")
    raw_id_fields = ("parent",)


class OccupationSkillInline(StewardsMaintain, admin.TabularInline):
    model = EscoOccupationSkill
    raw_id_fields = ("skill",)
    extra = 0


@admin.register(EscoOccupation)
class EscoOccupationAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("preferred_label", "code", "isco_group")
    search_fields = ("preferred_label", "alt_labels", "code", "uri")
    raw_id_fields = ("isco_group",)
    list_select_related = ("isco_group",)
    inlines = [OccupationSkillInline]


@admin.register(EscoSkill)
class EscoSkillAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("preferred_label", "skill_type", "reuse_level")
    list_filter = ("skill_type", "reuse_level")
    search_fields = ("preferred_label", "alt_labels", "uri")


@admin.register(EscoOccupationSkill)
class EscoOccupationSkillAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("occupation", "skill", "relation")
    list_filter = ("relation",)
    search_fields = ("occupation__preferred_label", "skill__preferred_label")
    raw_id_fields = ("occupation", "skill")
    list_select_related = ("occupation", "skill")


@admin.register(GcmObjective)
class GcmObjectiveAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("number", "short_label", "resolution_paragraph")


@admin.register(GcmGuidingPrinciple)
class GcmGuidingPrincipleAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("letter", "name")


@admin.register(SdgTarget)
class SdgTargetAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("code", "goal", "text")


@admin.register(SdgIndicator)
class SdgIndicatorAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("code", "target", "core", "text")
    list_filter = ("core",)
