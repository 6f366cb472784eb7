"""Admin of the statistics store: sources, indicators and areas editable; observations read-only."""

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from migdev.core.admin import StewardsMaintain
from migdev.stats.models import Area, Indicator, Observation, Source


@admin.register(Source)
class SourceAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("code", "title", "publisher", "version", "licence")
    search_fields = ("code", "title", "publisher")


@admin.register(Indicator)
class IndicatorAdmin(StewardsMaintain, TranslationAdmin):
    list_display = ("code", "name", "unit", "sdg_code", "bilateral")
    search_fields = ("code", "name")


@admin.register(Area)
class AreaAdmin(StewardsMaintain, TranslationAdmin):
    list_display = ("m49", "iso3", "name", "kind", "country")
    list_filter = ("kind",)
    search_fields = ("m49", "iso3", "name")
    raw_id_fields = ("country",)


@admin.register(Observation)
class ObservationAdmin(StewardsMaintain, admin.ModelAdmin):
    """Observations come from imports only (`migdev import`), so they are not edited by hand here."""

    list_display = ("indicator", "ref_area", "counterpart_area", "period", "sex", "value", "status", "source")
    list_filter = ("indicator", "source", "period", "sex")
    list_select_related = ("indicator", "ref_area", "counterpart_area", "sex", "source")
    raw_id_fields = ("ref_area", "counterpart_area")
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
