"""Admin of the diaspora room for stewards: the registry (tabs for translated fields), needs,
and read-only views of experts, invitations, assignments and survey answers (personal data is changed through the
audited services, not here)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from migdev.core.admin import StewardsMaintain
from migdev.diaspora.models import (
    Assignment,
    DiasporaOrganisation,
    ExpertInvitation,
    ExpertProfile,
    Initiative,
    Need,
    NeedLanguage,
    NeedSkill,
    SurveyResponse,
)


class ReadOnly(StewardsMaintain):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class InitiativeInline(StewardsMaintain, TranslationTabularInline):
    model = Initiative
    extra = 0
    fields = ("title", "kind", "country", "start_year")


@admin.register(DiasporaOrganisation)
class DiasporaOrganisationAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("organisation", "origin", "residence", "focus")
    list_filter = ("origin", "residence")
    search_fields = ("organisation__name", "focus")
    inlines = [InitiativeInline]


@admin.register(Initiative)
class InitiativeAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("title", "kind", "diaspora_organisation", "country")
    list_filter = ("kind",)
    filter_horizontal = ("gcm_objectives",)


class NeedSkillInline(StewardsMaintain, admin.TabularInline):
    model = NeedSkill
    extra = 0
    raw_id_fields = ("skill",)


class NeedLanguageInline(StewardsMaintain, admin.TabularInline):
    model = NeedLanguage
    extra = 0


@admin.register(Need)
class NeedAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("title", "organisation", "country", "mode", "start_date", "state")
    list_filter = ("state", "mode")
    raw_id_fields = ("occupation",)
    inlines = [NeedSkillInline, NeedLanguageInline]


@admin.register(ExpertProfile)
class ExpertProfileAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("pseudonym", "origin", "residence", "occupation", "is_available", "erased_at")
    exclude = ("skills",)


@admin.register(ExpertInvitation)
class ExpertInvitationAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("need", "expert", "status", "created_at")


@admin.register(Assignment)
class AssignmentAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("invitation", "start_date", "end_date", "status", "outcome")


@admin.register(SurveyResponse)
class SurveyResponseAdmin(StewardsMaintain, admin.ModelAdmin):
    """Stewards may remove a spurious answer; answers are never changed."""

    list_display = ("pk", "origin", "residence", "sex", "submitted_on")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
