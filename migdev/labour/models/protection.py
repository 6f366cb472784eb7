"""Tables of labour protection: placements through the season, contracts, the cost ledger, grievances, risk flags."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.models import Currency, EscoOccupation, Language
from migdev.labour.models.registry import (
    CostCategory,
    Payer,
    Vacancy,
    WagePeriod,
    WorkerProfile,
)

# ---------------------------------------------------------------------------------------------------------------------
# Placements and circular migration


class Placement(models.Model):
    """A worker placed in a vacancy for one season, from offer to return."""

    class State(models.TextChoices):
        OFFERED = "offered", _("Offered")
        ACCEPTED = "accepted", _("Accepted")
        CONTRACT_ORIGIN = "contract_origin", _("Contract signed at origin")
        DEPARTED = "departed", _("Departed")
        ARRIVED = "arrived", _("Arrived")
        CONTRACT_DESTINATION = "contract_destination", _("Contract signed at destination")
        COMPLETED = "completed", _("Completed")
        RETURNED = "returned", _("Returned")
        TERMINATED = "terminated", _("Terminated")
        ABSCONDED = "absconded", _("Absconded")
        DECLINED = "declined", _("Declined")

    worker = models.ForeignKey(WorkerProfile, on_delete=models.PROTECT, related_name="placements")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="placements")
    recruiter = models.ForeignKey(
        Organisation,
        verbose_name=_("recruitment agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recruited_placements",
    )
    season = models.PositiveSmallIntegerField(_("season (year)"))
    named_request = models.BooleanField(_("named by the employer as a returning worker"), default=False)
    state = models.CharField(_("state"), max_length=25, choices=State.choices, default=State.OFFERED)
    offered_on = models.DateField(_("offered on"))
    departed_on = models.DateField(_("departed on"), null=True, blank=True)
    arrived_on = models.DateField(_("arrived on"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    due_return_on = models.DateField(_("due to return on"), null=True, blank=True)
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    ended_reason = models.TextField(_("reason (termination or absconding)"), blank=True)

    class Meta:
        ordering = ["-season", "-offered_on"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")

    def __str__(self) -> str:
        return f"{self.worker} → {self.vacancy} ({self.season})"


class PlacementEvent(models.Model):
    """A step of a placement's history: who moved it to which state, when."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="events")
    state = models.CharField(_("state"), max_length=25, choices=Placement.State.choices)
    on = models.DateField(_("date"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["on", "pk"]


class Contract(models.Model):
    """A contract of a placement, as signed at origin or at destination; differences are contract substitution."""

    class Stage(models.TextChoices):
        ORIGIN = "origin", _("Signed at origin")
        DESTINATION = "destination", _("Signed at destination")

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="contracts")
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    employer = models.ForeignKey(Organisation, verbose_name=_("employer"), on_delete=models.PROTECT, related_name="+")
    occupation = models.ForeignKey(
        EscoOccupation, verbose_name=_("occupation"), on_delete=models.PROTECT, related_name="+"
    )
    wage_amount = models.DecimalField(_("wage"), max_digits=12, decimal_places=2)
    wage_currency = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+")
    wage_period = models.CharField(_("wage period"), max_length=5, choices=WagePeriod.choices)
    weekly_hours = models.PositiveSmallIntegerField(_("weekly hours"))
    rest_days_per_week = models.PositiveSmallIntegerField(_("rest days per week"), default=1)
    language = models.ForeignKey(
        Language, verbose_name=_("language of the contract"), on_delete=models.PROTECT, related_name="+"
    )
    retains_documents = models.BooleanField(_("employer keeps identity documents"), default=False)
    signed_on = models.DateField(_("signed on"))

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [models.UniqueConstraint(fields=["placement", "stage"], name="uniq_contract_stage")]


class CostPayment(models.Model):
    """A recruitment cost actually paid for a placement: what, how much, by whom, to whom, and who reported it."""

    class Reporter(models.TextChoices):
        WORKER = "worker", _("Reported by the worker")
        INSPECTOR = "inspector", _("Found by an inspector")
        RECRUITER = "recruiter", _("Declared by the recruiter")

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="cost_payments")
    category = models.CharField(_("cost"), max_length=20, choices=CostCategory.choices)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+")
    amount_in_wage_currency = models.DecimalField(
        _("amount in the wage currency"),
        max_digits=12,
        decimal_places=2,
        help_text=_("Converted at the rate of the payment date, for SDG indicator 10.7.1."),
    )
    paid_by = models.CharField(_("paid by"), max_length=10, choices=Payer.choices)
    paid_to = models.ForeignKey(
        Organisation, verbose_name=_("paid to"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    paid_on = models.DateField(_("paid on"))
    reported_by = models.CharField(_("reported"), max_length=10, choices=Reporter.choices)

    class Meta:
        ordering = ["paid_on"]
        verbose_name = _("recruitment cost payment")
        verbose_name_plural = _("recruitment cost payments")


class Grievance(models.Model):
    """A worker's confidential complaint against an employer or recruiter."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        INVESTIGATING = "investigating", _("Under investigation")
        RESOLVED = "resolved", _("Resolved")
        DISMISSED = "dismissed", _("Dismissed")

    worker = models.ForeignKey(WorkerProfile, on_delete=models.PROTECT, related_name="grievances")
    placement = models.ForeignKey(
        Placement, null=True, blank=True, on_delete=models.SET_NULL, related_name="grievances"
    )
    against = models.ForeignKey(
        Organisation, verbose_name=_("against"), on_delete=models.PROTECT, related_name="grievances"
    )
    indicator = models.CharField(_("what happened"), max_length=30)  # one of protection.FORCED_LABOUR_INDICATORS
    description = models.TextField(_("description"))
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.OPEN)
    resolution = models.TextField(_("resolution"), blank=True)
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("grievance")
        verbose_name_plural = _("grievances")


class RiskFlag(models.Model):
    """A protection flag raised by a rule: a fee the worker paid, a substituted contract, a forced-labour indicator."""

    class Kind(models.TextChoices):
        WORKER_PAID_FEE = "worker_paid_fee", _("Worker paid a recruitment cost")
        CONTRACT_SUBSTITUTION = "contract_substitution", _("Contract substitution")
        FORCED_LABOUR = "forced_labour", _("Forced labour indicator")
        C189 = "c189", _("Domestic work standard (ILO C189) not met")

    kind = models.CharField(_("kind"), max_length=25, choices=Kind.choices)
    indicator = models.CharField(_("ILO indicator"), max_length=30, blank=True)
    placement = models.ForeignKey(Placement, null=True, blank=True, on_delete=models.CASCADE, related_name="flags")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="labour_flags"
    )
    details = models.JSONField(_("details"), default=dict)
    raised_at = models.DateTimeField(_("raised at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        verbose_name = _("risk flag")
        verbose_name_plural = _("risk flags")
