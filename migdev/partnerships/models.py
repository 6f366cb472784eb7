"""Partners, their commitments (modelled on the GCM pledges and the GFMD practice database), progress updates, and
advisory boards with members, meetings and the recommendations commitments answer."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.models import Country, Currency, GcmGuidingPrinciple, GcmObjective, SdgTarget, UploadRecord


class Partner(models.Model):
    """A government, IGO, business, social partner, civil-society or diaspora organisation, local authority or
    academic body that pledges or takes part in commitments; linked to an account organisation where one exists."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        IGO = "igo", _("Intergovernmental organisation")
        BUSINESS = "business", _("Business")
        EMPLOYER_ORGANISATION = "employer_organisation", _("Employer organisation")
        WORKER_ORGANISATION = "worker_organisation", _("Worker organisation")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        DIASPORA = "diaspora", _("Diaspora organisation")
        LOCAL_AUTHORITY = "local_authority", _("Local authority")
        ACADEMIA = "academia", _("Academia or other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("type of partner"), max_length=30, choices=Kind.choices)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("account organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner",
    )
    website = models.URLField(_("website"), blank=True)
    is_demo = models.BooleanField(_("demo example"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


BUSINESS_KINDS = (Partner.Kind.BUSINESS, Partner.Kind.EMPLOYER_ORGANISATION)


class Commitment(models.Model):
    """A pledge: who commits to what, with whom, serving which GCM objectives and SDG targets, by when."""

    class Type(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        COMMON = "common", _("Common")
        PARTNERSHIP = "partnership", _("In partnership")
        MATCHING = "matching", _("Matching another pledge")

    class Form(models.TextChoices):
        FINANCIAL = "financial", _("Financial")
        HUMAN_RESOURCES = "human_resources", _("Human resources")
        PROCESS = "process", _("Process")
        POLICY = "policy", _("Policy")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        FULFILLED = "fulfilled", _("Fulfilled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    pledger = models.ForeignKey(Partner, verbose_name=_("pledged by"), on_delete=models.PROTECT, related_name="pledges")
    partners = models.ManyToManyField(Partner, verbose_name=_("partners"), blank=True, related_name="partnerships")
    type = models.CharField(_("type of pledge"), max_length=20, choices=Type.choices, default=Type.INDIVIDUAL)
    matches = models.ForeignKey(
        "self",
        verbose_name=_("matches the pledge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="matched_by",
    )
    form = models.CharField(_("form"), max_length=20, choices=Form.choices)
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.ForeignKey(
        Currency, verbose_name=_("currency"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    gcm_objectives = models.ManyToManyField(
        GcmObjective, verbose_name=_("GCM objectives served"), blank=True, related_name="commitments"
    )
    guiding_principles = models.ManyToManyField(
        GcmGuidingPrinciple, verbose_name=_("GCM guiding principles"), blank=True, related_name="commitments"
    )
    sdg_targets = models.ManyToManyField(
        SdgTarget, verbose_name=_("SDG targets"), blank=True, related_name="commitments"
    )
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), blank=True, related_name="commitments")
    start = models.DateField(_("start"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    is_demo = models.BooleanField(_("demo example"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self) -> int | None:
        """The account organisation of the pledger (what the membership rules look at)."""
        return self.pledger.organisation_id

    @property
    def is_overdue(self) -> bool:
        """Past its deadline and neither fulfilled nor withdrawn (computed, never stored)."""
        open_ = self.status in (self.Status.PLANNED, self.Status.IN_PROGRESS)
        return bool(open_ and self.deadline and self.deadline < timezone.localdate())

    @property
    def shown_status(self) -> str:
        return "overdue" if self.is_overdue else self.status

    @property
    def rcp_ids(self) -> list[str]:
        return [r.rcp_id for r in self.rcps.all()]


class CommitmentRcp(models.Model):
    """A Regional Consultative Process a commitment involves, by its id in the shipped list (data/rcps.csv)."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="rcps")
    rcp_id = models.CharField(_("RCP"), max_length=30, db_index=True)

    class Meta:
        ordering = ["rcp_id"]
        verbose_name = _("RCP involved")
        verbose_name_plural = _("RCPs involved")
        constraints = [models.UniqueConstraint(fields=["commitment", "rcp_id"], name="uniq_commitment_rcp")]

    def __str__(self) -> str:
        return self.rcp_id


class ProgressUpdate(models.Model):
    """A dated account of progress on a commitment, with evidence: a checked document or an http(s) link."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    status = models.CharField(_("status after this update"), max_length=20, choices=Commitment.Status.choices)
    evidence_url = models.URLField(_("evidence (web address)"), blank=True, max_length=500)
    evidence_name = models.CharField(_("evidence document"), max_length=200, blank=True)
    evidence_type = models.CharField(_("document type"), max_length=100, blank=True)
    evidence_data = models.BinaryField(_("document"), blank=True, default=b"", editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.commitment} ({self.date})"

    @property
    def organisation_id(self) -> int | None:
        return self.commitment.organisation_id


class AdvisoryBoard(models.Model):
    """An advisory board (e.g. a business advisory board): its mandate, secretariat, members and meetings."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    mandate = models.TextField(_("mandate"))
    established = models.DateField(_("established"), null=True, blank=True)
    secretariat = models.ForeignKey(
        Organisation,
        verbose_name=_("secretariat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="advisory_boards",
    )
    website = models.URLField(_("website"), blank=True)
    is_demo = models.BooleanField(_("demo example"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("advisory board")
        verbose_name_plural = _("advisory boards")

    def __str__(self) -> str:
        return self.name

    @property
    def organisation_id(self) -> int | None:
        """The secretariat (its members are the board secretaries)."""
        return self.secretariat_id


class BoardMember(models.Model):
    """A seat on a board: an organisation (a registered partner) or a person (named as published, optionally with
    the partner they come from), with their role on the board and from/to dates."""

    board = models.ForeignKey(AdvisoryBoard, on_delete=models.CASCADE, related_name="members")
    partner = models.ForeignKey(
        Partner, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person_name = models.CharField(_("person"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=100)
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["board", "until", "since", "pk"]
        verbose_name = _("board member")
        verbose_name_plural = _("board members")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(partner__isnull=False) | ~models.Q(person_name=""), name="board_member_is_someone"
            )
        ]

    def __str__(self) -> str:
        who = self.person_name or str(self.partner)
        return f"{who} ({self.role})"

    @property
    def is_current(self) -> bool:
        return self.until is None or self.until >= date.today()


class BoardMeeting(models.Model):
    """A meeting of a board: date, place, agenda, and its minutes (a checked document stored in the database)."""

    board = models.ForeignKey(AdvisoryBoard, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    minutes_name = models.CharField(_("minutes"), max_length=200, blank=True)
    minutes_type = models.CharField(_("document type"), max_length=100, blank=True)
    minutes_data = models.BinaryField(_("document"), blank=True, default=b"", editable=False)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("board meeting")
        verbose_name_plural = _("board meetings")

    def __str__(self) -> str:
        return f"{self.board} {self.date}"

    @property
    def organisation_id(self) -> int | None:
        return self.board.secretariat_id


class Recommendation(models.Model):
    """A recommendation the board adopted; commitments that answer it are its follow-up."""

    class FollowUp(models.TextChoices):
        OPEN = "open", _("Awaiting follow-up")
        IN_PROGRESS = "in_progress", _("Being followed up")
        IMPLEMENTED = "implemented", _("Implemented")
        NOT_TAKEN_UP = "not_taken_up", _("Not taken up")

    board = models.ForeignKey(AdvisoryBoard, on_delete=models.CASCADE, related_name="recommendations")
    meeting = models.ForeignKey(
        BoardMeeting, verbose_name=_("adopted at"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    adopted = models.DateField(_("adopted on"), null=True, blank=True)
    follow_up = models.CharField(_("follow-up"), max_length=20, choices=FollowUp.choices, default=FollowUp.OPEN)
    commitments = models.ManyToManyField(
        Commitment, verbose_name=_("commitments answering it"), blank=True, related_name="recommendations"
    )

    class Meta:
        ordering = ["board", "-adopted", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self) -> int | None:
        return self.board.secretariat_id


class CommitmentImport(UploadRecord):
    """A commitments CSV a steward uploaded (page or API), checked and loaded whole or not at all by a background
    job (`tasks.load_uploaded_commitments`): queued, checking, loaded or refused with the row and column at fault."""

    content = models.BinaryField(_("file"), default=b"", editable=False)

    class Meta(UploadRecord.Meta):
        verbose_name = _("commitments import")
        verbose_name_plural = _("commitments imports")
