"""Admin for reference data: stewards edit names in EN/FR/ES tabs (modeltranslation)."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from migdev.core.models import (
    Country,
    Currency,
    EscoOccupation,
    EscoOccupationSkill,
    EscoSkill,
    IscoGroup,
    Language,
    Region,
    Sex,
)


@admin.register(Region)
class RegionAdmin(TabbedTranslationAdmin):
    list_display = ("m49", "name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("m49", "name")


@admin.register(Country)
class CountryAdmin(TabbedTranslationAdmin):
    list_display = ("iso3", "iso2", "m49", "name", "subregion")
    list_filter = ("subregion__parent",)
    search_fields = ("iso3", "iso2", "name", "official_name")
    list_select_related = ("subregion",)


@admin.register(Currency)
class CurrencyAdmin(TabbedTranslationAdmin):
    list_display = ("code", "numeric", "name")
    search_fields = ("code", "name")


@admin.register(Language)
class LanguageAdmin(TabbedTranslationAdmin):
    list_display = ("code", "iso639_1", "name")
    search_fields = ("code", "iso639_1", "name")


@admin.register(Sex)
class SexAdmin(TabbedTranslationAdmin):
    list_display = ("code", "name")


@admin.register(IscoGroup)
class IscoGroupAdmin(TabbedTranslationAdmin):
    list_display = ("code", "title", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "title")
    raw_id_fields = ("parent",)


class OccupationSkillInline(admin.TabularInline):
    model = EscoOccupationSkill
    raw_id_fields = ("skill",)
    extra = 0


@admin.register(EscoOccupation)
class EscoOccupationAdmin(TabbedTranslationAdmin):
    list_display = ("preferred_label", "code", "isco_group")
    search_fields = ("preferred_label", "alt_labels", "code", "uri")
    raw_id_fields = ("isco_group",)
    list_select_related = ("isco_group",)
    inlines = [OccupationSkillInline]


@admin.register(EscoSkill)
class EscoSkillAdmin(admin.ModelAdmin):
    list_display = ("preferred_label", "skill_type", "reuse_level")
    list_filter = ("skill_type", "reuse_level")
    search_fields = ("preferred_label", "alt_labels", "uri")


@admin.register(EscoOccupationSkill)
class EscoOccupationSkillAdmin(admin.ModelAdmin):
    list_display = ("occupation", "skill", "relation")
    list_filter = ("relation",)
    search_fields = ("occupation__preferred_label", "skill__preferred_label")
    raw_id_fields = ("occupation", "skill")
    list_select_related = ("occupation", "skill")
