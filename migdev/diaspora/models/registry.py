"""The registry of diaspora organisations and their initiatives, with the GCM objectives (core's) initiatives serve."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.models import Country, GcmObjective


class DiasporaOrganisation(models.Model):
    """A diaspora organisation's registry entry: whose diaspora (origin), where it is (residence), focus, contact.

    It belongs to an account organisation, whose members edit it (stewards too).
    """

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="diaspora_entry"
    )
    origin = models.ForeignKey(Country, verbose_name=_("country of origin"), on_delete=models.PROTECT, related_name="+")
    residence = models.ForeignKey(
        Country, verbose_name=_("country of residence"), on_delete=models.PROTECT, related_name="+"
    )
    focus = models.CharField(_("focus"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("diaspora organisation")
        verbose_name_plural = _("diaspora organisations")

    def __str__(self) -> str:
        return self.organisation.name


class Initiative(models.Model):
    """An initiative of a diaspora organisation towards the country of origin, with the GCM objectives it serves."""

    class Kind(models.TextChoices):
        INVESTMENT = "investment", _("Investment")
        PHILANTHROPY = "philanthropy", _("Philanthropy")
        SKILLS_TRANSFER = "skills_transfer", _("Skills transfer")
        TRADE = "trade", _("Trade")

    diaspora_organisation = models.ForeignKey(
        DiasporaOrganisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="initiatives"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country where it takes place"), on_delete=models.PROTECT, related_name="+"
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    gcm_objectives = models.ManyToManyField(
        GcmObjective, verbose_name=_("GCM objectives served"), blank=True, related_name="diaspora_initiatives"
    )

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self) -> int:
        """The account organisation the initiative belongs to (what the membership rules look at)."""
        return self.diaspora_organisation.organisation_id
