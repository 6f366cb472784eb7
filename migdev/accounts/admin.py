"""The Django admin for stewards: users and roles, organisations (approve), memberships, tokens, the audit log."""

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from migdev.accounts import services
from migdev.accounts.models import ApiToken, AuditEvent, Membership, Organisation, User
from migdev.core.errors import DomainError


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "is_steward", "is_worker", "is_staff", "is_active"]
    list_filter = ["is_steward", "is_worker", "is_staff", "is_active", "official_countries"]
    filter_horizontal = ["official_countries", "groups", "user_permissions"]
    readonly_fields = ["erased_at", "last_login", "date_joined"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("MigDev roles"), {"fields": ["is_steward", "is_worker", "official_countries", "country", "erased_at"]}),
    )

    def save_model(self, request: HttpRequest, obj: User, form: ModelForm, change: bool) -> None:
        # Stewards use the admin: they get staff status with the role.
        if obj.is_steward:
            obj.is_staff = True
        super().save_model(request, obj, form, change)
        personal = [name for name in form.changed_data if name in {"username", *services.PROFILE_FIELDS}]
        if personal:
            action = AuditEvent.Action.UPDATE if change else AuditEvent.Action.CREATE
            services.record_audit(request.user, action, obj, obj, personal)

    def save_related(self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if change and "official_countries" in form.changed_data:
            obj = form.instance
            services.record_audit(request.user, AuditEvent.Action.UPDATE, obj, obj, ["official_countries"])


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name"]
    readonly_fields = ["status", "reviewed_by", "reviewed_at", "created_at"]
    inlines = [MembershipInline]
    actions = ["approve", "reject"]

    @admin.action(description=_("Approve the selected pending organisations"), permissions=["approve"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> None:
        self._review(request, queryset, services.approve_organisation)

    @admin.action(description=_("Reject the selected pending organisations"), permissions=["approve"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> None:
        self._review(request, queryset, services.reject_organisation)

    def has_approve_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("accounts.approve_organisation"))

    def _review(self, request: HttpRequest, queryset: QuerySet[Organisation], review: Any) -> None:
        for organisation in queryset:
            try:
                review(request.user, organisation)
            except DomainError as error:
                self.message_user(request, f"{organisation.name}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, f"{organisation.name}: {organisation.get_status_display()}")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "is_admin", "joined_at"]
    list_filter = ["is_admin"]
    autocomplete_fields = ["user", "organisation"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows shown, never added or changed here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    readonly_fields = ["user", "name", "prefix", "key_hash", "created_at", "last_used_at", "revoked_at"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor_label", "action", "subject", "object_type", "object_id", "fields"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_label", "object_id"]
    readonly_fields = ["at", "actor", "actor_label", "action", "subject", "object_type", "object_id", "fields"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
