"""Capacity building: a country's requests (the gap, its SDG 10.7.2 domain, GCM objectives) and the initiatives
international organisations offer and run, with partners, dates and results."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.models import Country, GcmObjective

DOMAIN_CHOICES = [
    (1, _("1. Migrant rights")),
    (2, _("2. Whole-of-government / evidence-based policies")),
    (3, _("3. Cooperation and partnerships")),
    (4, _("4. Socioeconomic well-being")),
    (5, _("5. Mobility dimensions of crises")),
    (6, _("6. Safe, orderly and regular migration")),
]


class CapacityRequest(models.Model):
    """A country asks for support to close a gap of its migration governance."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "answered", _("Answered by an initiative")
        CLOSED = "closed", _("Closed")

    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    gap = models.TextField(_("gap to close"))
    domain = models.PositiveSmallIntegerField(_("SDG 10.7.2 domain"), choices=DOMAIN_CHOICES)
    sub_id = models.CharField(_("SDG 10.7.2 sub-category"), max_length=2, blank=True)
    gcm_objectives = models.ManyToManyField(
        GcmObjective, verbose_name=_("GCM objectives"), blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo example"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("capacity-building request")
        verbose_name_plural = _("capacity-building requests")

    def __str__(self) -> str:
        return self.title


class CapacityInitiative(models.Model):
    """A capacity-building initiative an international organisation offers or runs in a country."""

    class Status(models.TextChoices):
        OFFERED = "offered", _("Offered")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    domain = models.PositiveSmallIntegerField(_("SDG 10.7.2 domain"), choices=DOMAIN_CHOICES)
    gcm_objectives = models.ManyToManyField(
        GcmObjective, verbose_name=_("GCM objectives"), blank=True, related_name="+"
    )
    partners = models.CharField(_("partners"), max_length=500, blank=True, help_text=_("Separated by semicolons."))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OFFERED)
    results = models.TextField(_("results"), blank=True)
    answers: "models.ManyToManyField[CapacityRequest, Any]" = models.ManyToManyField(
        CapacityRequest, verbose_name=_("requests answered"), blank=True, related_name="initiatives"
    )
    is_demo = models.BooleanField(_("demo example"), default=False)

    class Meta:
        ordering = ["country__name", "start", "title"]
        verbose_name = _("capacity-building initiative")
        verbose_name_plural = _("capacity-building initiatives")

    def __str__(self) -> str:
        return self.title

    @property
    def partner_names(self) -> list[str]:
        return [name.strip() for name in self.partners.split(";") if name.strip()]
