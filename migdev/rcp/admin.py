"""Admin of the rcp room for stewards: processes (tabs for translated fields), members, sources, secretariats,
meetings, documents and good practices; the fact history is read-only."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TabbedTranslationAdmin

from migdev.core.admin import StewardsMaintain
from migdev.rcp.models import Document, FactChange, GoodPractice, Meeting, Member, Process, Secretariat, Source
from migdev.rcp.services.facts import CORRECTABLE, column


@admin.register(Process)
class ProcessAdmin(StewardsMaintain, TabbedTranslationAdmin):
    """Translations of the facts; the facts themselves are corrected on the process's page (or by the API), where
    each correction names its source and date and goes to the fact's history."""

    list_display = ("rcp_id", "name", "kind", "region", "established_year")
    list_filter = ("kind",)
    search_fields = ("rcp_id", "name", "acronyms")
    facts = (
        "rcp_id", *(column(field) for field in CORRECTABLE), "kind_note", "member_count_as_of", "source_ids",
        "uncertain_fields",
    )  # fmt: skip

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.facts if obj is not None else ()


@admin.register(Member)
class MemberAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("entity_name", "process", "role", "as_of")
    list_filter = ("role",)
    search_fields = ("entity_name", "code")
    raw_id_fields = ("process", "country")


@admin.register(Source)
class SourceAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("code", "title", "url")


@admin.register(Secretariat)
class SecretariatAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("process", "organisation")
    raw_id_fields = ("organisation",)


@admin.register(Meeting)
class MeetingAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("title", "process", "start_date", "level", "is_demo")
    list_filter = ("level", "is_demo")


@admin.register(Document)
class DocumentAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("title", "meeting", "content_type", "size", "uploaded_at")
    exclude = ("content",)


@admin.register(GoodPractice)
class GoodPracticeAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("title", "process", "year", "is_demo")
    list_filter = ("is_demo",)


@admin.register(FactChange)
class FactChangeAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("process", "field", "kind", "changed_at", "source", "as_of", "via")
    list_filter = ("kind",)
    readonly_fields = (
        "process", "field", "kind", "old_value", "new_value", "source", "as_of", "changed_by", "via", "changed_at",
    )  # fmt: skip

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
