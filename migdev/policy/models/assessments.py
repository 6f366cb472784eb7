"""SDG 10.7.2 self-assessments: a country's answers to the 30 sub-categories with evidence, private to its officials
until published."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import Country


class SelfAssessment(models.Model):
    """One country's self-assessment for one year; the score is computed from the answers by the engine."""

    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    note = models.TextField(_("note"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    is_demo = models.BooleanField(_("demo example"), default=False)

    class Meta:
        ordering = ["country__name", "-year"]
        verbose_name = _("SDG 10.7.2 self-assessment")
        verbose_name_plural = _("SDG 10.7.2 self-assessments")
        constraints = [models.UniqueConstraint(fields=["country", "year"], name="policy_uniq_assessment_year")]

    def __str__(self) -> str:
        return f"{self.country_id} {self.year}"

    def codes(self) -> dict[str, Decimal]:
        """The answers as {sub-category id: code} (reads the prefetched answers)."""
        return {a.sub_id: a.code for a in self.answers.all()}


class SelfAssessmentAnswer(models.Model):
    """The code given to one sub-category, with the evidence for it."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    sub_id = models.CharField(_("sub-category"), max_length=2)
    code = models.DecimalField(_("code"), max_digits=2, decimal_places=1)
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        ordering = ["assessment", "sub_id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["assessment", "sub_id"], name="policy_uniq_answer")]

    def __str__(self) -> str:
        return f"{self.assessment} {self.sub_id}={self.code}"
