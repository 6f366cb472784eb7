"""Users, organisations, roles, API tokens and the audit log of personal data."""

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import Country


class User(AbstractUser):
    """A person who signs in. Roles are additive: steward, country official, organisation member, worker."""

    is_steward = models.BooleanField(
        _("platform steward"), default=False, help_text=_("Stewards maintain the platform's data.")
    )
    is_worker = models.BooleanField(
        _("migrant worker"), default=False, help_text=_("An individual person with a worker profile.")
    )
    official_countries = models.ManyToManyField(
        Country,
        verbose_name=_("country official for"),
        blank=True,
        related_name="officials",
        help_text=_("Countries whose records this user may edit as a country official."),
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country of origin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For migrant workers: officials of this country may view the person's record."),
    )
    erased_at = models.DateTimeField(
        _("erased at"), null=True, blank=True, help_text=_("Set when the person's data was erased on request.")
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Organisation(models.Model):
    """A ministry, agency, employer, recruiter, NGO, diaspora group or research body."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government ministry or agency")
        IGO = "igo", _("Intergovernmental organisation")
        EMPLOYER = "employer", _("Employer")
        RECRUITMENT_AGENCY = "recruitment_agency", _("Recruitment agency")
        SENDING_AGENCY = "sending_agency", _("Origin sending agency")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        DIASPORA = "diaspora", _("Diaspora organisation")
        RESEARCH = "research", _("Research institution")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    members: "models.ManyToManyField[User, Membership]" = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations", verbose_name=_("members")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class Membership(models.Model):
    """A user's membership of an organisation; admins may add members."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    is_admin = models.BooleanField(_("organisation administrator"), default=False)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="uniq_membership")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class ApiToken(models.Model):
    """A bearer token for the API; only its SHA-256 hash is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        """Tokens are stored as SHA-256 hashes; the clear key is shown once, at creation."""
        return hashlib.sha256(key.encode()).hexdigest()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class AuditLogIsAppendOnly(Exception):
    """An audit entry was about to be changed or deleted: the log only grows."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """Audit entries are added, never changed or deleted in bulk."""

    def update(self, **kwargs: Any) -> int:
        raise AuditLogIsAppendOnly("audit entries are never edited")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AuditLogIsAppendOnly("audit entries are never deleted")


class AuditEvent(models.Model):
    """Who did what to whose personal data, and when. Rows are never edited or deleted (the model refuses to).

    The people it names are kept from deletion (PROTECT): a person's data is erased, never their account deleted,
    so deleting a user cannot null out the entries about them or by them.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("updated")
        DELETE = "delete", _("deleted")
        READ = "read", _("read full record")
        EXPORT = "export", _("exported")
        ERASE = "erase", _("erased")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=150, blank=True)
    action = models.CharField(_("what"), max_length=10, choices=Action.choices)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("whose data"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_events_about",
    )
    object_type = models.CharField(_("record type"), max_length=100)
    object_id = models.CharField(_("record id"), max_length=64)
    fields = models.JSONField(_("fields"), default=list, blank=True, help_text=_("Names of the fields, never values."))

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}#{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditLogIsAppendOnly("audit entries are never edited")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AuditLogIsAppendOnly("audit entries are never deleted")
