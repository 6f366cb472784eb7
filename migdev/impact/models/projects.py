"""A development project under migration impact assessment, the versioned output of each stage, and evidence."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import Country, Currency
from migdev.impact.dimensions import STAGE_CHOICES


class Project(models.Model):
    """A development project: its facts, who proposes, reviews and decides, and where it stands in the workflow."""

    class Sector(models.TextChoices):
        INFRASTRUCTURE = "infrastructure", _("Transport and infrastructure")
        ENERGY = "energy", _("Energy")
        MINING = "mining", _("Mining and extractives")
        AGRICULTURE = "agriculture", _("Agriculture and food")
        URBAN = "urban", _("Urban development and housing")
        WATER = "water", _("Water and sanitation")
        HEALTH = "health", _("Health")
        EDUCATION = "education", _("Education and skills")
        INDUSTRY = "industry", _("Industry and manufacturing")
        TOURISM = "tourism", _("Tourism")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFTING = "drafting", _("Being drafted")
        SCREENED_OUT = "screened_out", _("Screened out: no assessment needed")
        IN_REVIEW = "in_review", _("Submitted for review")
        REVISION = "revision", _("Revision requested")
        AWAITING_DECISION = "awaiting_decision", _("Awaiting decision")
        APPROVED = "approved", _("Approved")
        CONDITIONAL = "conditional", _("Approved with conditions")
        REFUSED = "refused", _("Refused")

    class Outcome(models.TextChoices):
        NONE = "none", _("No assessment needed")
        LIGHT = "light", _("Light assessment")
        FULL = "full", _("Full assessment")

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="impact_projects"
    )
    places = models.CharField(_("places"), max_length=300, blank=True)
    budget = models.DecimalField(_("budget"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.ForeignKey(
        Currency, verbose_name=_("currency"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    proponent = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("proponent"),
        on_delete=models.PROTECT,
        related_name="impact_projects",
    )
    reviewer = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("reviewing organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="impact_reviews",
    )
    ministry = models.CharField(_("responsible ministry"), max_length=200, blank=True)
    stage = models.CharField(_("stage"), max_length=20, choices=STAGE_CHOICES, default="screening")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFTING)
    screening_outcome = models.CharField(_("screening outcome"), max_length=10, choices=Outcome.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "pk"]
        verbose_name = _("development project")
        verbose_name_plural = _("development projects")

    def __str__(self) -> str:
        return self.title

    @property
    def closed(self) -> bool:
        return self.status in (self.Status.SCREENED_OUT, self.Status.REFUSED)


class StageVersion(models.Model):
    """One saved output of one stage of a project: every save is a new version, with its author and time."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="versions")
    stage = models.CharField(_("stage"), max_length=20, choices=STAGE_CHOICES)
    number = models.PositiveIntegerField(_("version"))
    data = models.JSONField(_("output"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        ordering = ["project", "stage", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "stage", "number"], name="impact_one_number_per_stage_version")
        ]
        verbose_name = _("stage version")
        verbose_name_plural = _("stage versions")

    def __str__(self) -> str:
        return f"{self.project} — {self.stage} v{self.number}"


class Evidence(models.Model):
    """A document supporting an answer or a stage (stored in the database, size- and type-checked)."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="evidence")
    stage = models.CharField(_("stage"), max_length=20, choices=STAGE_CHOICES)
    item = models.CharField(_("screening item"), max_length=8, blank=True)
    title = models.CharField(_("title"), max_length=300)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    content = models.BinaryField(_("content"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["project", "stage", "uploaded_at"]
        verbose_name = _("evidence document")
        verbose_name_plural = _("evidence documents")

    def __str__(self) -> str:
        return self.title
