"""Diaspora experts, home institutions' needs, invitations and assignments (the virtual transfer of skills)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.models import Country, EscoOccupation, EscoSkill, Language, Sex


class Cefr(models.IntegerChoices):
    A1 = 1, "A1"
    A2 = 2, "A2"
    B1 = 3, "B1"
    B2 = 4, "B2"
    C1 = 5, "C1"
    C2 = 6, "C2"


class Mode(models.TextChoices):
    VIRTUAL = "virtual", _("Virtual (remote)")
    PHYSICAL = "physical", _("Physical (on site)")


class ExpertProfile(models.Model):
    """A diaspora professional's profile, owned by them; institutions see a pseudonym until they are accepted."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="diaspora_expert")
    pseudonym = models.CharField(_("pseudonym"), max_length=12, unique=True)
    sex = models.ForeignKey(Sex, verbose_name=_("sex"), on_delete=models.PROTECT, related_name="+")
    origin = models.ForeignKey(Country, verbose_name=_("country of origin"), on_delete=models.PROTECT, related_name="+")
    residence = models.ForeignKey(
        Country, verbose_name=_("country of residence"), on_delete=models.PROTECT, related_name="+"
    )
    occupation = models.ForeignKey(
        EscoOccupation, verbose_name=_("occupation (ESCO)"), on_delete=models.PROTECT, related_name="+"
    )
    years_experience = models.PositiveSmallIntegerField(_("years of experience"), default=0)
    skills = models.ManyToManyField(EscoSkill, verbose_name=_("skills (ESCO)"), related_name="+")
    virtual = models.BooleanField(_("available for virtual assignments"), default=True)
    physical = models.BooleanField(_("available for assignments on site"), default=False)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    summary = models.TextField(_("professional summary"), blank=True)
    is_available = models.BooleanField(_("open to invitations"), default=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    class Meta:
        ordering = ["pseudonym"]
        verbose_name = _("diaspora expert")
        verbose_name_plural = _("diaspora experts")

    def __str__(self) -> str:
        return self.pseudonym

    def modes(self) -> set[str]:
        return {m for m, on in ((Mode.VIRTUAL, self.virtual), (Mode.PHYSICAL, self.physical)) if on}


class ExpertLanguage(models.Model):
    expert = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="languages")
    language = models.ForeignKey(Language, verbose_name=_("language"), on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("CEFR level"), choices=Cefr.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["expert", "language"], name="uniq_diaspora_expert_language")]
        verbose_name = _("expert's language")
        verbose_name_plural = _("expert's languages")


class Need(models.Model):
    """A home-country institution's need for skills: what, in which mode, for how long, from when."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        FILLED = "filled", _("Filled")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="diaspora_needs"
    )
    country = models.ForeignKey(Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    occupation = models.ForeignKey(
        EscoOccupation, verbose_name=_("occupation (ESCO)"), on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    duration_weeks = models.PositiveSmallIntegerField(_("duration (weeks)"))
    start_date = models.DateField(_("start date"))
    min_experience_years = models.PositiveSmallIntegerField(_("minimum years of experience"), default=0)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self) -> str:
        return self.title


class NeedSkill(models.Model):
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(EscoSkill, verbose_name=_("skill"), on_delete=models.PROTECT, related_name="+")
    essential = models.BooleanField(_("essential"), default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["need", "skill"], name="uniq_diaspora_need_skill")]
        verbose_name = _("skill asked")
        verbose_name_plural = _("skills asked")


class NeedLanguage(models.Model):
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="languages")
    language = models.ForeignKey(Language, verbose_name=_("language"), on_delete=models.PROTECT, related_name="+")
    min_level = models.PositiveSmallIntegerField(_("minimum CEFR level"), choices=Cefr.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["need", "language"], name="uniq_diaspora_need_language")]
        verbose_name = _("language asked")
        verbose_name_plural = _("languages asked")


class ExpertInvitation(models.Model):
    """An institution invites a (pseudonymous) expert to a need; accepting reveals the expert's name to it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    need = models.ForeignKey(Need, verbose_name=_("need"), on_delete=models.CASCADE, related_name="invitations")
    expert = models.ForeignKey(
        ExpertProfile, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="invitations"
    )
    message = models.TextField(_("message"), blank=True)
    score = models.FloatField(_("match score"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["need", "expert"], name="uniq_diaspora_invitation")]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.expert} → {self.need}"

    @property
    def organisation_id(self) -> int:
        return self.need.organisation_id


class Assignment(models.Model):
    """An accepted invitation carried out: dates, and the outcome the institution or the expert reports."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Under way")
        COMPLETED = "completed", _("Assignment completed")
        CANCELLED = "cancelled", _("Assignment cancelled")

    class Outcome(models.TextChoices):
        MET = "met", _("Objectives met")
        PARTLY = "partly", _("Objectives partly met")
        NOT_MET = "not_met", _("Objectives not met")

    invitation = models.OneToOneField(ExpertInvitation, on_delete=models.CASCADE, related_name="assignment")
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    outcome_report = models.TextField(_("outcome report"), blank=True)
    hours_contributed = models.PositiveIntegerField(_("hours contributed"), null=True, blank=True)
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return str(self.invitation)

    @property
    def organisation_id(self) -> int:
        return self.invitation.need.organisation_id

    @property
    def expert(self) -> ExpertProfile:
        return self.invitation.expert
