"""International migration law: instruments, treaty actions (who consented when), and how complete that data is.

Whether a participant is party to an instrument on a date is computed from its treaty actions (`status.py`),
never stored.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import Country, UploadRecord


class Theme(models.Model):
    """A subject an instrument deals with (labour migration, trafficking, refugees, ...)."""

    code = models.SlugField(_("code"), max_length=40, primary_key=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class Instrument(models.Model):
    """A treaty, protocol, ILO convention or non-binding compact, addressed by the slug of instruments.csv."""

    class Kind(models.TextChoices):
        UNIVERSAL = "universal", _("Universal")
        REGIONAL = "regional", _("Regional")
        BILATERAL = "bilateral", _("Bilateral")

    id = models.SlugField(_("identifier"), max_length=40, primary_key=True)
    short_title = models.CharField(_("short title"), max_length=60)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    binding = models.BooleanField(_("legally binding"), default=True)
    adopted = models.DateField(_("adopted"), null=True, blank=True)
    entry_into_force = models.DateField(_("entry into force"), null=True, blank=True)
    depositary = models.CharField(_("depositary"), max_length=120, blank=True)
    reference = models.CharField(
        _("UNTC or NORMLEX reference"), max_length=80, blank=True, help_text=_("e.g. UNTC IV-13, NORMLEX 312242")
    )
    source_url = models.CharField(_("source"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="instruments")
    text_slug = models.SlugField(_("shipped text"), max_length=80, blank=True)

    class Meta:
        ordering = ["adopted", "id"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def __str__(self) -> str:
        return self.short_title or self.title


class Completeness(models.Model):
    """How complete the treaty actions of an instrument are, and as of when (ratifications/PROVENANCE.md §2)."""

    class State(models.TextChoices):
        COMPLETE_CURRENT = "complete_current", _("complete and current")
        COMPLETE_AS_OF = "complete_as_of", _("complete as of a date")
        PARTIAL = "partial", _("partial")
        FRAGMENT = "fragment", _("fragment")
        NOT_COMPILED = "not_compiled", _("not compiled")
        NOT_APPLICABLE = "not_applicable", _("not applicable (non-binding)")

    instrument = models.OneToOneField(Instrument, on_delete=models.CASCADE, related_name="completeness")
    state = models.CharField(_("state of the data"), max_length=20, choices=State.choices)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("data completeness")
        verbose_name_plural = _("data completeness")

    def __str__(self) -> str:
        return f"{self.instrument_id}: {self.state}"


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    YEAR = "year", _("year only")
    UNKNOWN = "unknown", _("not stated")


class TreatyAction(models.Model):
    """One act of a participant towards an instrument (signature, ratification, ..., denunciation), with its source."""

    class Action(models.TextChoices):
        SIGNATURE = "signature", _("signature")
        RATIFICATION = "ratification", _("ratification")
        ACCESSION = "accession", _("accession")
        ACCEPTANCE = "acceptance", _("acceptance")
        APPROVAL = "approval", _("approval")
        SUCCESSION = "succession", _("succession")
        FORMAL_CONFIRMATION = "formal_confirmation", _("formal confirmation")
        DENUNCIATION = "denunciation", _("denunciation")

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="actions")
    # A State by ISO3 (country set), or a non-State participant by its code in status.NON_STATE_PARTICIPANTS.
    participant = models.CharField(_("participant code"), max_length=8, db_index=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    participant_name = models.CharField(_("participant as named in the source"), max_length=120)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    # Year-only dates are stored as 1 January with precision "year"; undated actions have no date.
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    ilo_options = models.TextField(_("ILO options (excluded annexes or parts)"), blank=True)
    reservations = models.TextField(_("reservations, declarations and objections"), blank=True)
    source = models.CharField(_("source"), max_length=500)
    as_of = models.CharField(
        _("source current to"), max_length=10, blank=True, help_text=_("YYYY, YYYY-MM or YYYY-MM-DD")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["instrument", "participant", "date"]
        verbose_name = _("treaty action")
        verbose_name_plural = _("treaty actions")
        indexes = [models.Index(fields=["instrument", "participant"], name="law_action_instr_part")]

    def __str__(self) -> str:
        return f"{self.instrument_id} {self.participant} {self.action} {self.date_label}"

    @property
    def date_label(self) -> str:
        if self.date is None:
            return ""
        return str(self.date.year) if self.date_precision == DatePrecision.YEAR else self.date.isoformat()


class CompactObjective(models.Model):
    """One of the numbered objectives of a non-binding compact (the 23 objectives of the GCM)."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    paragraph = models.PositiveSmallIntegerField(_("paragraph of the resolution"), null=True, blank=True)

    class Meta:
        ordering = ["instrument", "number"]
        verbose_name = _("compact objective")
        verbose_name_plural = _("compact objectives")
        constraints = [models.UniqueConstraint(fields=["instrument", "number"], name="law_objective_unique")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Work(models.Model):
    """A legal document in the abstract (AKN FRBR Work): an instrument's text, or any imported AKN document."""

    frbr_uri = models.CharField(_("FRBR work IRI"), max_length=300, unique=True)
    title = models.CharField(_("title"), max_length=300)
    doctype = models.CharField(_("AKN document type"), max_length=40, default="act")
    naming_compliant = models.BooleanField(
        _("follows the AKN naming convention"), default=True, help_text=_("False for opaque IRIs (web addresses)")
    )
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), null=True, blank=True, on_delete=models.SET_NULL, related_name="works"
    )
    # Set for national legislation (a Work of its country); instruments' texts and other imports leave it empty.
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("work")
        verbose_name_plural = _("works")

    def __str__(self) -> str:
        return self.title


class Expression(models.Model):
    """One language version of a work as it stood on a date (a point in time), as schema-valid AKN 3.0 XML."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="expressions")
    frbr_uri = models.CharField(_("FRBR expression IRI"), max_length=300, unique=True)
    language = models.CharField(_("language (ISO 639-2)"), max_length=3)
    date = models.CharField(_("expression date"), max_length=10, help_text=_("YYYY-MM-DD"))
    xml = models.TextField(_("Akoma Ntoso XML"))
    source = models.TextField(_("source and attribution"), blank=True)

    class Meta:
        ordering = ["work", "-date", "language"]
        verbose_name = _("expression")
        verbose_name_plural = _("expressions")

    def __str__(self) -> str:
        return self.frbr_uri


# --- Glossary: terms defined in the instruments themselves ------------------------------------------------------


class GlossaryTerm(models.Model):
    """A term an instrument defines; its labels are translated (by MigDev unless `label_source` names a source)."""

    id = models.SlugField(_("identifier"), max_length=60, primary_key=True)
    term = models.CharField(_("term"), max_length=120)
    label_source = models.CharField(
        _("source of the translated labels"),
        max_length=300,
        blank=True,
        help_text=_("Empty when the French and Spanish labels are MigDev's own translation"),
    )
    # Other forms of the term searched for in the texts (e.g. an irregular plural), one per line, in English.
    other_forms = models.TextField(_("other forms in the texts"), blank=True)
    # The labels by language, added by modeltranslation (translation.py); declared here for type checking.
    term_en: str | None
    term_fr: str | None
    term_es: str | None

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self) -> str:
        return self.term


class Definition(models.Model):
    """Where an instrument defines a term: an article (by eId) and optionally some of its paragraphs."""

    term = models.ForeignKey(GlossaryTerm, on_delete=models.CASCADE, related_name="definitions")
    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="definitions")
    eid = models.CharField(_("article eId"), max_length=120)
    paragraphs = models.CharField(
        _("paragraphs"), max_length=100, blank=True, help_text=_("Paragraph numbers in the article, e.g. 1 or 2 3")
    )
    article_label = models.CharField(_("article"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["term", "order"]
        verbose_name = _("definition")
        verbose_name_plural = _("definitions")

    def __str__(self) -> str:
        return f"{self.term_id}: {self.instrument_id} {self.eid}"


class DefinitionQuote(models.Model):
    """The words of a definition in one stored expression, extracted from its AKN when the glossary was loaded."""

    definition = models.ForeignKey(Definition, on_delete=models.CASCADE, related_name="quotes")
    expression = models.ForeignKey(Expression, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language (ISO 639-2)"), max_length=3)
    anchor = models.CharField(_("anchor in the document page"), max_length=120)
    text = models.TextField(_("quoted text"))

    class Meta:
        ordering = ["definition", "language"]
        verbose_name = _("quoted definition")
        verbose_name_plural = _("quoted definitions")


class TermUsage(models.Model):
    """An article of a stored expression whose text uses a glossary term."""

    term = models.ForeignKey(GlossaryTerm, on_delete=models.CASCADE, related_name="usages")
    expression = models.ForeignKey(Expression, on_delete=models.CASCADE, related_name="term_usages")
    eid = models.CharField(_("article eId"), max_length=120)
    anchor = models.CharField(_("anchor in the document page"), max_length=120)
    label = models.CharField(_("article"), max_length=300)
    count = models.PositiveIntegerField(_("occurrences"))
    position = models.PositiveIntegerField(_("position in the document"))

    class Meta:
        ordering = ["term", "expression", "position"]
        verbose_name = _("use of a term")
        verbose_name_plural = _("uses of terms")


# --- Training: modules, lessons, self-check quizzes and each user's progress ----------------------------------


class Module(models.Model):
    """A learning module for one audience: ordered lessons on the instruments."""

    class Audience(models.TextChoices):
        OFFICIALS = "officials", _("Officials")
        MIGRANTS = "migrants", _("Migrants")

    id = models.SlugField(_("identifier"), max_length=60, primary_key=True)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))

    class Meta:
        ordering = ["audience", "order", "id"]
        verbose_name = _("learning module")
        verbose_name_plural = _("learning modules")

    def __str__(self) -> str:
        return self.title


class Lesson(models.Model):
    """One lesson of a module: MigDev's own prose, pointing to articles and glossary terms."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons")
    slug = models.SlugField(_("identifier"), max_length=60)
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Paragraphs separated by a blank line"))
    terms = models.ManyToManyField(GlossaryTerm, verbose_name=_("glossary terms"), blank=True, related_name="+")

    class Meta:
        ordering = ["module", "order"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        constraints = [models.UniqueConstraint(fields=["module", "slug"], name="law_lesson_unique")]

    def __str__(self) -> str:
        return self.title


class CitedArticle(models.Model):
    """An article of an instrument (by eId), with its anchor and label on the document page where MigDev holds the
    text (both empty where it does not yet: the link then goes to the instrument's page)."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="+")
    eid = models.CharField(_("article eId"), max_length=120)
    anchor = models.CharField(_("anchor in the document page"), max_length=120, blank=True)
    label = models.CharField(_("article"), max_length=300, blank=True)

    class Meta:
        abstract = True


class LessonArticle(CitedArticle):
    """An article a lesson points to."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="articles")
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["lesson", "order"]
        verbose_name = _("article of a lesson")
        verbose_name_plural = _("articles of lessons")


class Question(CitedArticle):
    """A multiple-choice question of a lesson's self-check quiz; the explanation cites an article (the inherited
    fields)."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.CharField(_("question"), max_length=400)
    explanation = models.TextField(_("explanation"))

    class Meta:
        ordering = ["lesson", "order"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text


class Choice(models.Model):
    """A possible answer; exactly one of a question's choices is right."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.CharField(_("answer"), max_length=400)
    correct = models.BooleanField(_("right answer"), default=False)

    class Meta:
        ordering = ["question", "order"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.text


class LessonProgress(models.Model):
    """A signed-in user's own record of a lesson: completed (quiz taken), best and last score."""

    user = models.ForeignKey(
        "accounts.User", verbose_name=_("user"), on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    best_score = models.PositiveSmallIntegerField(_("best score"), default=0)
    last_score = models.PositiveSmallIntegerField(_("last score"), default=0)
    out_of = models.PositiveSmallIntegerField(_("questions"), default=0)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last attempt"), auto_now=True)

    class Meta:
        ordering = ["user", "lesson"]
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="law_progress_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.lesson_id}: {self.best_score}/{self.out_of}"


# --- National legislation: what MigDev records beside a national law's text (its Work and Expressions) ----------


class NationalLaw(models.Model):
    """A national law held as a Work of its country: its subjects, source and licence; each consolidated version (an
    amendment) is an Expression dated from when it applies."""

    work = models.OneToOneField(Work, verbose_name=_("document"), on_delete=models.CASCADE, related_name="national_law")
    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    short_title = models.CharField(_("short title"), max_length=120)
    themes = models.ManyToManyField(Theme, verbose_name=_("subjects"), blank=True, related_name="national_laws")
    source_url = models.URLField(_("official source"), max_length=500)
    licence = models.CharField(_("licence and terms of reuse"), max_length=500)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("national law")
        verbose_name_plural = _("national laws")

    def __str__(self) -> str:
        return self.short_title


class AmendmentUpload(UploadRecord):
    """A steward's upload of a law's text as amended, converted and validated by a background job
    (`tasks.record_uploaded_amendment`) so a large text never holds a web request and a restart never loses it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be checked")
        RUNNING = "running", _("Being converted and validated")
        DONE = "done", _("Recorded")
        FAILED = "failed", _("Refused")

    law = models.ForeignKey(NationalLaw, verbose_name=_("national law"), on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("in force from"))
    amending_act = models.CharField(_("amending act"), max_length=300)
    source = models.URLField(_("source of the text"), max_length=500, blank=True)
    text_format = models.CharField(_("format"), max_length=20)
    stored_as = models.CharField(_("stored as"), max_length=500, help_text=_("the copy the job reads"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    expression = models.ForeignKey(
        Expression,
        verbose_name=_("version recorded"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(UploadRecord.Meta):
        verbose_name = _("amendment upload")
        verbose_name_plural = _("amendment uploads")


class Implementation(models.Model):
    """An international instrument a national law implements; without a source the link is unverified."""

    law = models.ForeignKey(NationalLaw, on_delete=models.CASCADE, related_name="implementations")
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="implementations"
    )
    provisions = models.CharField(_("provisions of the law"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True, help_text=_("Empty: the link is unverified"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["law", "instrument"]
        verbose_name = _("implemented instrument")
        verbose_name_plural = _("implemented instruments")
        constraints = [models.UniqueConstraint(fields=["law", "instrument"], name="law_implementation_unique")]

    def __str__(self) -> str:
        return f"{self.law} → {self.instrument_id}"

    @property
    def verified(self) -> bool:
        return bool(self.source)


# --- Search: the index lives in its own package (search/models.py), registered with the room's models here ------

from migdev.law.search.models import SearchEntry  # noqa: E402, F401
