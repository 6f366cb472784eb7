"""Admin of the law room: stewards edit instruments (tabs for translated titles) and record treaty actions."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from migdev.law.models import CompactObjective, Completeness, Expression, Instrument, Theme, TreatyAction, Work


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


class ExpressionInline(admin.TabularInline):
    """Expressions come from imports (validated AKN), so they are listed, not edited, here."""

    model = Expression
    fields = ("frbr_uri", "language", "date", "source")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False


@admin.register(Work)
class WorkAdmin(admin.ModelAdmin):
    list_display = ("title", "frbr_uri", "doctype", "naming_compliant", "instrument")
    list_filter = ("doctype", "naming_compliant")
    search_fields = ("title", "frbr_uri")
    inlines = [ExpressionInline]
