"""Admin of the law room: stewards edit instruments (tabs for translated titles) and record treaty actions."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from migdev.core.admin import StewardsMaintain
from migdev.law.models import (
    Choice,
    CompactObjective,
    Completeness,
    Definition,
    Expression,
    GlossaryTerm,
    Instrument,
    Lesson,
    LessonArticle,
    Module,
    Question,
    Theme,
    TreatyAction,
    Work,
)


@admin.register(Theme)
class ThemeAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("code", "name")


class CompletenessInline(StewardsMaintain, admin.StackedInline):
    model = Completeness
    extra = 0


class ObjectiveInline(StewardsMaintain, TranslationTabularInline):
    model = CompactObjective
    extra = 0


@admin.register(Instrument)
class InstrumentAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("id", "short_title", "kind", "binding", "adopted", "entry_into_force", "depositary")
    list_filter = ("kind", "binding", "themes")
    search_fields = ("id", "title", "short_title", "reference")
    filter_horizontal = ("themes",)
    inlines = [CompletenessInline, ObjectiveInline]


@admin.register(TreatyAction)
class TreatyActionAdmin(StewardsMaintain, admin.ModelAdmin):
    """Stewards record a new action with its source and the date the source is current to."""

    list_display = ("instrument", "participant", "participant_name", "action", "date", "date_precision", "as_of")
    list_filter = ("instrument", "action", "date_precision")
    list_select_related = ("instrument",)
    search_fields = ("participant", "participant_name", "notes")
    raw_id_fields = ("country",)
    date_hierarchy = "date"


class ExpressionInline(StewardsMaintain, admin.TabularInline):
    """Expressions come from imports (validated AKN), so they are listed, not edited, here."""

    model = Expression
    fields = ("frbr_uri", "language", "date", "source")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False


@admin.register(Work)
class WorkAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("title", "frbr_uri", "doctype", "naming_compliant", "instrument")
    list_filter = ("doctype", "naming_compliant")
    search_fields = ("title", "frbr_uri")
    inlines = [ExpressionInline]


class DefinitionInline(StewardsMaintain, admin.TabularInline):
    """Where the term is defined; the quoted words are taken from the texts when the glossary is (re)loaded."""

    model = Definition
    fields = ("instrument", "eid", "paragraphs", "article_label", "order")
    readonly_fields = ("article_label",)
    extra = 0


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("id", "term", "label_source")
    search_fields = ("id", "term_en", "term_fr", "term_es")
    inlines = [DefinitionInline]


@admin.register(Module)
class ModuleAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("id", "title", "audience", "order")
    list_filter = ("audience",)


class LessonArticleInline(StewardsMaintain, admin.TabularInline):
    model = LessonArticle
    fields = ("order", "instrument", "eid", "label", "anchor")
    extra = 0


@admin.register(Lesson)
class LessonAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("title", "module", "order", "slug")
    list_filter = ("module",)
    filter_horizontal = ("terms",)
    inlines = [LessonArticleInline]


class ChoiceInline(StewardsMaintain, TranslationTabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("text", "lesson", "order", "instrument", "eid")
    list_filter = ("lesson__module",)
    inlines = [ChoiceInline]


from migdev.law import admin_national  # noqa: E402, F401  (national legislation: its own module)

# --- Search index: derived data, shown to stewards read-only (rebuilt by `migdev law_reindex`) ------------------
from migdev.law.search.models import SearchEntry  # noqa: E402


@admin.register(SearchEntry)
class SearchEntryAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("title", "label", "kind", "language", "instrument_type", "country", "year", "latest")
    list_filter = ("kind", "language", "instrument_type", "latest")
    search_fields = ("title", "label", "text")
    exclude = ("stems", "words")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
