"""A country's migration policy profile: policies and laws in force, the lead agency, and the inter-ministerial
working group (members by ministry, mandate, meetings, decisions) as a record of its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import Country


class PolicyProfile(models.Model):
    """Who leads migration policy in a country, in a sentence, with its source and as-of date."""

    country = models.OneToOneField(
        Country, verbose_name=_("country"), primary_key=True, on_delete=models.PROTECT, related_name="+"
    )
    lead_agency = models.CharField(_("lead agency"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Empty: shown as unverified."))
    as_of = models.DateField(_("as of"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo example"), default=False)

    class Meta:
        verbose_name = _("policy profile")
        verbose_name_plural = _("policy profiles")

    def __str__(self) -> str:
        return str(self.country_id)


class PolicyInstrument(models.Model):
    """A national migration policy, strategy or law; a law held by the law room is linked by its document id."""

    class Kind(models.TextChoices):
        POLICY = "policy", _("Policy")
        STRATEGY = "strategy", _("Strategy or action plan")
        LAW = "law", _("Law")
        REGULATION = "regulation", _("Regulation")
        AGREEMENT = "agreement", _("Bilateral or regional agreement")

    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    adopted = models.DateField(_("adopted on"), null=True, blank=True)
    in_force = models.BooleanField(_("in force"), default=True)
    law_work_id = models.PositiveIntegerField(
        _("law room document"), null=True, blank=True, help_text=_("The id of the law in the law room, if it holds it.")
    )
    url = models.URLField(_("address"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Empty: shown as unverified."))
    is_demo = models.BooleanField(_("demo example"), default=False)

    class Meta:
        ordering = ["country", "-in_force", "title"]
        verbose_name = _("policy or law")
        verbose_name_plural = _("policies and laws")

    def __str__(self) -> str:
        return self.title


class WorkingGroup(models.Model):
    """An inter-ministerial working group on migration: a good practice for policy coherence."""

    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    mandate = models.TextField(_("mandate"))
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    established = models.DateField(_("established on"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo example"), default=False)

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("inter-ministerial working group")
        verbose_name_plural = _("inter-ministerial working groups")

    def __str__(self) -> str:
        return self.name


class WorkingGroupMember(models.Model):
    """A ministry or agency sitting in the group, with its role."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SECRETARIAT = "secretariat", _("Secretariat")
        MEMBER = "member", _("Member")
        OBSERVER = "observer", _("Observer")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="members")
    ministry = models.CharField(_("ministry or agency"), max_length=200)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        ordering = ["group", "role", "ministry"]
        verbose_name = _("member ministry")
        verbose_name_plural = _("member ministries")

    def __str__(self) -> str:
        return self.ministry


class WorkingGroupMeeting(models.Model):
    """A meeting of the group and what it discussed."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["group", "-date"]
        verbose_name = _("working group meeting")
        verbose_name_plural = _("working group meetings")

    def __str__(self) -> str:
        return f"{self.group} {self.date}"


class WorkingGroupDecision(models.Model):
    """A decision taken at a meeting, and how far it has been carried out."""

    class Status(models.TextChoices):
        AGREED = "agreed", _("Agreed")
        IN_PROGRESS = "in_progress", _("Under way")
        DONE = "done", _("Carried out")

    meeting = models.ForeignKey(WorkingGroupMeeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.AGREED)

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:60]
