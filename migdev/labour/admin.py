"""The Django admin of the labour exchange, for stewards: every model of the room; schemes in EN/FR/ES tabs.

Opening a worker's profile here is a read of the full record and is audited like any other.
"""

from typing import Any

from django.contrib import admin
from django.db import models as db_models
from django.http import HttpRequest, HttpResponse
from modeltranslation.admin import TabbedTranslationAdmin

from migdev.accounts.models import AuditEvent
from migdev.accounts.services import record_audit
from migdev.labour import models


def _is_steward(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_active and (getattr(user, "is_steward", False) or user.is_superuser))


class StewardAdmin(admin.ModelAdmin):
    """Stewards (and superusers) manage the labour models in the admin."""

    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _is_steward(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_steward(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _is_steward(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_steward(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_steward(request)


class StewardInline(admin.TabularInline):
    extra = 0

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_steward(request)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_steward(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_steward(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _is_steward(request)


# --- registry ------------------------------------------------------------------------------------------------------


@admin.register(models.RecruiterLicence)
class RecruiterLicenceAdmin(StewardAdmin):
    list_display = ["organisation", "number", "issuing_country", "valid_from", "valid_to", "certification"]
    list_filter = ["certification", "issuing_country"]
    search_fields = ["number", "organisation__name"]
    autocomplete_fields = ["organisation"]


@admin.register(models.LabourAgreement)
class LabourAgreementAdmin(StewardAdmin):
    list_display = ["title", "kind", "destination", "signed_on"]
    list_filter = ["kind"]
    search_fields = ["title"]
    filter_horizontal = ["origins"]


class SchemeOriginCapInline(StewardInline):
    model = models.SchemeOriginCap


@admin.register(models.Scheme)
class SchemeAdmin(TabbedTranslationAdmin, StewardAdmin):
    list_display = ["name", "code", "kind", "destination", "cap_per_season", "is_active"]
    list_filter = ["kind", "is_active", "destination"]
    search_fields = ["name", "code"]
    filter_horizontal = ["eligible_origins", "eligible_occupations"]
    inlines = [SchemeOriginCapInline]


@admin.register(models.LabourStandard)
class LabourStandardAdmin(StewardAdmin):
    list_display = ["country", "valid_from", "minimum_wage", "currency", "wage_period", "max_weekly_hours", "verified"]
    list_filter = ["verified"]
    search_fields = ["country__name", "source"]


class WorkerLanguageInline(StewardInline):
    model = models.WorkerLanguage


class WorkerOccupationInline(StewardInline):
    model = models.WorkerOccupation
    raw_id_fields = ["occupation"]


class WorkerSkillInline(StewardInline):
    model = models.WorkerSkill
    raw_id_fields = ["skill"]


class ConsentInline(StewardInline):
    model = models.Consent


@admin.register(models.WorkerProfile)
class WorkerProfileAdmin(StewardAdmin):
    list_display = ["pseudonym", "sex", "nationality", "education", "is_available", "registered_on", "erased_at"]
    list_filter = ["sex", "is_available", "nationality"]
    search_fields = ["pseudonym"]
    raw_id_fields = ["user", "sending_agency"]
    filter_horizontal = ["preferred_destinations", "preferred_schemes"]
    readonly_fields = ["erased_at"]
    inlines = [WorkerLanguageInline, WorkerOccupationInline, WorkerSkillInline, ConsentInline]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        worker = self.get_object(request, object_id)
        if worker is not None and request.method == "GET" and request.user.pk != worker.user_id:
            record_audit(request.user, AuditEvent.Action.READ, worker.user, worker, [])
        return super().change_view(request, object_id, form_url, extra_context)


class VacancySkillInline(StewardInline):
    model = models.VacancySkill
    raw_id_fields = ["skill"]


class VacancyLanguageInline(StewardInline):
    model = models.VacancyLanguage


class VacancyCostTermInline(StewardInline):
    model = models.VacancyCostTerm


@admin.register(models.Vacancy)
class VacancyAdmin(StewardAdmin):
    list_display = ["title", "employer", "destination", "isco_group", "positions", "start_date", "state"]
    list_filter = ["state", "destination", "scheme"]
    search_fields = ["title", "employer__name"]
    raw_id_fields = ["occupation", "isco_group", "employer", "recruiter"]
    filter_horizontal = ["contract_languages"]
    inlines = [VacancySkillInline, VacancyLanguageInline, VacancyCostTermInline]


@admin.register(models.Invitation)
class InvitationAdmin(StewardAdmin):
    list_display = ["vacancy", "worker", "status", "created_at", "answered_at"]
    list_filter = ["status"]
    raw_id_fields = ["vacancy", "worker"]


# --- protection (registered simply) --------------------------------------------------------------------------------


class PlacementEventInline(StewardInline):
    model = models.PlacementEvent


@admin.register(models.Placement)
class PlacementAdmin(StewardAdmin):
    list_display = ["worker", "vacancy", "season", "state", "named_request", "arrived_on", "returned_on"]
    list_filter = ["state", "season", "named_request"]
    search_fields = ["worker__pseudonym", "vacancy__title"]
    raw_id_fields = ["worker", "vacancy", "recruiter"]
    inlines = [PlacementEventInline]


@admin.register(models.Contract)
class ContractAdmin(StewardAdmin):
    list_display = ["placement", "stage", "employer", "wage_amount", "wage_currency", "weekly_hours", "signed_on"]
    list_filter = ["stage"]
    raw_id_fields = ["placement", "employer", "occupation"]


@admin.register(models.CostPayment)
class CostPaymentAdmin(StewardAdmin):
    list_display = ["placement", "category", "amount", "currency", "paid_by", "paid_to", "paid_on", "reported_by"]
    list_filter = ["category", "paid_by", "reported_by"]
    raw_id_fields = ["placement", "paid_to"]


@admin.register(models.Grievance)
class GrievanceAdmin(StewardAdmin):
    list_display = ["worker", "against", "indicator", "status", "filed_at", "resolved_at"]
    list_filter = ["status", "indicator"]
    raw_id_fields = ["worker", "placement", "against"]


@admin.register(models.RiskFlag)
class RiskFlagAdmin(StewardAdmin):
    list_display = ["kind", "indicator", "placement", "organisation", "raised_at", "resolved_at"]
    list_filter = ["kind", "indicator"]
    raw_id_fields = ["placement", "organisation"]
