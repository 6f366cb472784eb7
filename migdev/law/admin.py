"""Admin of the law room: stewards edit instruments (tabs for translated titles) and record treaty actions."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from migdev.law.models import CompactObjective, Completeness, Instrument, Theme, TreatyAction


@admin.register(Theme)
class ThemeAdmin(TabbedTranslationAdmin):
    list_display = ("code", "name")


class CompletenessInline(admin.StackedInline):
    model = Completeness
    extra = 0


class ObjectiveInline(TranslationTabularInline):
    model = CompactObjective
    extra = 0


@admin.register(Instrument)
class InstrumentAdmin(TabbedTranslationAdmin):
    list_display = ("id", "short_title", "kind", "binding", "adopted", "entry_into_force", "depositary")
    list_filter = ("kind", "binding", "themes")
    search_fields = ("id", "title", "short_title", "reference")
    filter_horizontal = ("themes",)
    inlines = [CompletenessInline, ObjectiveInline]


@admin.register(TreatyAction)
class TreatyActionAdmin(admin.ModelAdmin):
    """Stewards record a new action with its source and the date the source is current to."""

    list_display = ("instrument", "participant", "participant_name", "action", "date", "date_precision", "as_of")
    list_filter = ("instrument", "action", "date_precision")
    list_select_related = ("instrument",)
    search_fields = ("participant", "participant_name", "notes")
    raw_id_fields = ("country",)
    date_hierarchy = "date"
