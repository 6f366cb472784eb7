"""The shipped library: the screening checklist (a proposal), mitigation and enhancement measures tagged with GCM
objectives, and monitoring indicators tagged with SDG indicators (MigDev's own proposals)."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import GcmObjective, SdgIndicator
from migdev.impact.dimensions import DIMENSION_CHOICES


class ScreeningItem(models.Model):
    """One of the 18 questions of MigDev's proposed screening checklist."""

    code = models.CharField(_("item"), max_length=8, primary_key=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    dimension = models.CharField(_("dimension"), max_length=30, choices=DIMENSION_CHOICES)
    topic = models.CharField(_("topic"), max_length=120)
    question = models.TextField(_("question"))
    evidence_hint = models.TextField(_("evidence or indicator"), blank=True)
    trigger = models.TextField(_("scoping trigger"), blank=True)
    gcm_objectives = models.ManyToManyField(
        GcmObjective, verbose_name=_("GCM objectives"), blank=True, related_name="impact_screening_items"
    )
    sdg_indicators: "models.ManyToManyField[SdgIndicator, Any]" = models.ManyToManyField(
        SdgIndicator, verbose_name=_("SDG indicators"), blank=True, related_name="impact_screening_items"
    )
    sdg_codes = models.CharField(_("SDG indicators as given"), max_length=100, blank=True)
    source_ids = models.CharField(_("sources"), max_length=100, blank=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("screening item")
        verbose_name_plural = _("screening items")

    def __str__(self) -> str:
        return self.code


class Measure(models.Model):
    """A mitigation or enhancement measure of the library (MigDev's proposal)."""

    class Kind(models.TextChoices):
        MITIGATION = "mitigation", _("mitigation")
        ENHANCEMENT = "enhancement", _("enhancement")

    code = models.CharField(_("code"), max_length=20, primary_key=True)
    dimension = models.CharField(_("dimension"), max_length=30, choices=DIMENSION_CHOICES)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    gcm_objectives = models.ManyToManyField(
        GcmObjective, verbose_name=_("GCM objectives"), blank=True, related_name="impact_measures"
    )
    inspiration = models.CharField(_("general inspiration (source id)"), max_length=20, blank=True)

    class Meta:
        ordering = ["dimension", "code"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self) -> str:
        return self.title


class MonitoringIndicator(models.Model):
    """A monitoring indicator of the library (MigDev's proposal), tagged with the SDG indicators it informs."""

    code = models.CharField(_("code"), max_length=30, primary_key=True)
    dimension = models.CharField(_("dimension"), max_length=30, choices=DIMENSION_CHOICES)
    name = models.CharField(_("name"), max_length=200)
    disaggregation = models.CharField(_("disaggregation"), max_length=30, blank=True)
    sdg_indicators = models.ManyToManyField(
        SdgIndicator, verbose_name=_("SDG indicators"), blank=True, related_name="impact_monitoring_indicators"
    )

    class Meta:
        ordering = ["dimension", "code"]
        verbose_name = _("monitoring indicator")
        verbose_name_plural = _("monitoring indicators")

    def __str__(self) -> str:
        return self.name
