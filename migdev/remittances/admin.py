"""Admin of the remittances room for stewards: imports and quotes are read here; they change only through imports
(`migdev import rpw`, the upload page), so that every quote keeps the file it came from."""

from django.contrib import admin
from django.http import HttpRequest

from migdev.remittances.models import PriceImport, PriceQuote, PublishedCorridorAverage


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(PriceImport)
class PriceImportAdmin(ReadOnlyAdmin):
    list_display = ("file_name", "schema", "periods", "quotes", "imported_by", "imported_at")
    list_filter = ("schema",)
    search_fields = ("file_name", "sha256")


@admin.register(PriceQuote)
class PriceQuoteAdmin(ReadOnlyAdmin):
    list_display = ("period", "sending", "receiving", "firm", "provider_type", "tier", "published_total", "total_cost")
    list_filter = ("period", "tier", "provider_type", "transparent", "total_mismatch", "negative_margin", "speed")
    search_fields = ("firm", "sending", "receiving")
    list_select_related = ("price_import",)
    show_full_result_count = False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(PublishedCorridorAverage)
class PublishedCorridorAverageAdmin(ReadOnlyAdmin):
    list_display = ("sending", "receiving", "period", "value")
    list_filter = ("period",)
    search_fields = ("sending", "receiving")
