"""A store for statistical series: sources, indicators, reference areas and observations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import Country, Sex


class Source(models.Model):
    """Where figures come from: publisher, title, licence, version, and the attribution to show."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    publisher = models.CharField(_("publisher"), max_length=200)
    title = models.CharField(_("title"), max_length=300)
    licence = models.CharField(_("licence"), max_length=200)
    url = models.URLField(_("URL"), blank=True)
    version = models.CharField(_("version"), max_length=60, blank=True)
    attribution = models.TextField(_("attribution"), blank=True)
    dataflow = models.CharField(
        _("SDMX dataflow"), max_length=100, blank=True, help_text=_("e.g. MIGDEV:UNDESA_IMS(1.0), used in SDMX-CSV")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    """What is measured, in which unit; the SDG indicator code where there is one."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=40, help_text=_("SDMX unit of measure: PS persons, PT per cent"))
    decimals = models.PositiveSmallIntegerField(_("decimals shown"), default=0)
    sdg_code = models.CharField(_("SDG indicator"), max_length=20, blank=True)
    bilateral = models.BooleanField(_("bilateral (has a counterpart area)"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class Area(models.Model):
    """A reference area by its UN M49 code: a country, or an aggregate such as WORLD (900)."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country or area")
        AGGREGATE = "aggregate", _("Region or group")

    m49 = models.PositiveIntegerField(_("M49 code"), primary_key=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    iso3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, blank=True, db_index=True)
    country = models.OneToOneField(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="stats_area"
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["m49"]
        verbose_name = _("reference area")
        verbose_name_plural = _("reference areas")

    def __str__(self) -> str:
        return self.name


class Observation(models.Model):
    """One value of an indicator for an area (and counterpart area), period and sex."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    ref_area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="observations")
    counterpart_area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="counterpart_observations"
    )
    period = models.CharField(_("period"), max_length=10)
    sex = models.ForeignKey(Sex, on_delete=models.PROTECT, related_name="+")
    value = models.FloatField(_("value"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="observations")
    status = models.CharField(_("status flags"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        indexes = [
            models.Index(fields=["indicator", "ref_area", "period"], name="obs_indicator_area_period"),
            models.Index(fields=["indicator", "counterpart_area", "period"], name="obs_indicator_cpart_period"),
            models.Index(fields=["indicator", "period", "sex"], name="obs_indicator_period_sex"),
        ]

    def __str__(self) -> str:
        counterpart = f" <- {self.counterpart_area_id}" if self.counterpart_area_id else ""
        return f"{self.indicator_id} {self.ref_area_id}{counterpart} {self.period} {self.sex_id}: {self.value:g}"
