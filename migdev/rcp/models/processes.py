"""Processes (RCPs, inter-regional forums, the global process), their members, sources, secretariats and the change
history of every fact."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import Country


class Source(models.Model):
    """A source of the shipped data (S1, S20, ...), as PROVENANCE.md lists it."""

    code = models.CharField(_("code"), max_length=10, primary_key=True)
    title = models.CharField(_("title"), max_length=500)
    url = models.URLField(_("address"), max_length=500, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Process(models.Model):
    """An inter-state consultation mechanism on migration; every fact is as the sources of `source_ids` give it."""

    class Kind(models.TextChoices):
        RCP = "rcp", _("Regional consultative process")
        IRF = "irf", _("Inter-regional forum")
        GLOBAL = "global", _("Global process")

    rcp_id = models.SlugField(_("identifier"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300)
    acronyms = models.CharField(_("acronyms"), max_length=200, blank=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    kind_note = models.CharField(_("type as the source gives it"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=200, blank=True)
    established_year = models.PositiveSmallIntegerField(_("established"), null=True, blank=True)
    established_note = models.TextField(_("established (note)"), blank=True)
    status = models.CharField(_("status"), max_length=200, blank=True)
    formal_association = models.CharField(_("association with a regional body"), max_length=300, blank=True)
    secretariat = models.TextField(_("secretariat"), blank=True)
    chair_history = models.TextField(_("chair history"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    member_count_reported = models.CharField(_("members (as the source counts them)"), max_length=200, blank=True)
    member_count_as_of = models.CharField(_("members counted as of"), max_length=100, blank=True)
    observers_summary = models.TextField(_("observers"), blank=True)
    thematic_focus = models.TextField(_("thematic focus"), blank=True)
    theme_tags = models.CharField(_("themes"), max_length=500, blank=True)
    iom_page = models.URLField(_("IOM page"), max_length=500, blank=True)
    official_site = models.URLField(_("official site"), max_length=500, blank=True)
    source_ids = models.CharField(_("sources"), max_length=300, blank=True)
    uncertain = models.TextField(_("uncertain or disputed"), blank=True)
    uncertain_fields = models.CharField(_("uncertain facts"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("consultative process")
        verbose_name_plural = _("consultative processes")

    def __str__(self) -> str:
        return self.name

    @property
    def themes(self) -> list[str]:
        return [tag for tag in self.theme_tags.split(";") if tag]

    @property
    def sources(self) -> list[str]:
        return [code for code in self.source_ids.split(";") if code]

    def is_uncertain(self, field: str) -> bool:
        return field in self.uncertain_fields.split(";")


class Member(models.Model):
    """A state, territory or organisation taking part in a process, in a role, as of a date a source gives."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        PARTICIPANT = "participant", _("Participant")
        PARTNER_COUNTRY = "partner_country", _("Partner country")
        OBSERVER = "observer", _("Observer")
        FOUNDING_PARTICIPANT = "founding_participant", _("Founding participant")
        PARTICIPANT_2002 = "participant_2002", _("Participant in 2002 (first conference, not current membership)")
        OBSERVER_2002 = "observer_2002", _("Observer in 2002 (first conference, not current membership)")
        ACCESSION_PENDING = "accession_pending", _("Accession pending")
        MEMBER_ORGANIZATION = "member_organization", _("Member organisation")
        OBSERVER_ORGANIZATION = "observer_organization", _("Observer organisation")
        PARTICIPATING_ORGANIZATION = "participating_organization", _("Participating organisation")
        STEERING_COMMITTEE_ORGANIZATION = "steering_committee_organization", _("Steering committee organisation")
        PARTNER_ORGANIZATION = "partner_organization", _("Partner organisation")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="members")
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(_("code as the source gives it"), max_length=10, blank=True)
    entity_name = models.CharField(_("name"), max_length=200)
    entity_type = models.CharField(_("kind"), max_length=30)
    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    as_of = models.CharField(_("as of"), max_length=60)
    as_of_year = models.PositiveSmallIntegerField(_("as of (year)"), null=True, blank=True)
    source_ids = models.CharField(_("sources"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["process", "role", "entity_name"]
        verbose_name = _("member or observer")
        verbose_name_plural = _("members and observers")
        constraints = [
            models.UniqueConstraint(fields=["process", "entity_name", "role"], name="rcp_member_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.entity_name} ({self.role}) @ {self.process.rcp_id}"

    @property
    def sources(self) -> list[str]:
        return [code for code in self.source_ids.split(";") if code]


class Secretariat(models.Model):
    """An organisation acting as a process's secretariat: its members may add and edit the process's meetings and
    good practices."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="secretariats")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="rcp_secretariats",
    )

    class Meta:
        verbose_name = _("secretariat")
        verbose_name_plural = _("secretariats")
        constraints = [models.UniqueConstraint(fields=["process", "organisation"], name="rcp_secretariat_unique")]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.process.rcp_id}"


class FactChange(models.Model):
    """One change of one fact of a process: the old and new value, who or which import made it, and when; a
    correction also names its source and the date the corrected fact reflects. A correction wins over later imports:
    an import whose file differs from a corrected fact leaves the fact as corrected and records a conflict."""

    class Kind(models.TextChoices):
        IMPORT = "import", _("Import of the shipped data")
        CORRECTION = "correction", _("Correction")
        CONFLICT = "conflict", _("Import not applied (the fact was corrected)")

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(_("fact"), max_length=60)
    kind = models.CharField(_("kind of change"), max_length=12, choices=Kind.choices, default=Kind.IMPORT)
    old_value = models.TextField(_("old value"), blank=True)
    new_value = models.TextField(_("new value"), blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    via = models.CharField(_("changed through"), max_length=200)
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("fact change")
        verbose_name_plural = _("fact changes")

    def __str__(self) -> str:
        return f"{self.process.rcp_id}.{self.field} @ {self.changed_at:%Y-%m-%d}"
