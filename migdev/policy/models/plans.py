"""Development plans (PRSPs, national development plans) and their migration chapter assessed item by item."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import Country


class DevelopmentPlan(models.Model):
    """A country's poverty reduction strategy or development plan whose migration chapter is assessed."""

    class Kind(models.TextChoices):
        PRSP = "prsp", _("Poverty Reduction Strategy Paper")
        NATIONAL = "national_plan", _("National development plan")
        SECTORAL = "sectoral", _("Sectoral strategy")
        LOCAL = "local", _("Local or regional development plan")

    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type of plan"), max_length=20, choices=Kind.choices)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    document_url = models.URLField(_("address of the plan"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    is_demo = models.BooleanField(_("demo example"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["country__name", "-start_year", "title"]
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")

    def __str__(self) -> str:
        return self.title


class PlanItemAssessment(models.Model):
    """How far the plan addresses one item of the migration-chapter checklist, with its evidence."""

    class Rating(models.TextChoices):
        ADDRESSED = "addressed", _("Addressed")
        PARTLY = "partly", _("Partly addressed")
        ABSENT = "absent", _("Not addressed")

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="items")
    item = models.CharField(_("checklist item"), max_length=40)
    rating = models.CharField(_("rating"), max_length=10, choices=Rating.choices)
    evidence = models.TextField(_("evidence"), blank=True, help_text=_("Where the plan says so: chapter, page, quote."))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_at = models.DateTimeField(_("assessed at"), auto_now=True)

    class Meta:
        ordering = ["plan", "item"]
        verbose_name = _("checklist answer")
        verbose_name_plural = _("checklist answers")
        constraints = [models.UniqueConstraint(fields=["plan", "item"], name="policy_uniq_plan_item")]

    def __str__(self) -> str:
        return f"{self.plan} · {self.item}"
