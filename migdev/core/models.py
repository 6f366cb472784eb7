"""Reference data every room shares: places, currencies, languages, sexes, occupations, skills."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """A UN M49 region (002 Africa), sub-region (202 Sub-Saharan Africa) or intermediate region (014 Eastern Africa)."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        SUBREGION = "subregion", _("Sub-region")
        INTERMEDIATE = "intermediate", _("Intermediate region")

    m49 = models.PositiveSmallIntegerField(_("M49 code"), primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # intermediate -> sub-region -> region; a region's parent would be World (001), which is not a row.
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["m49"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Country(models.Model):
    """A country or territory of ISO 3166-1; its numeric code is its UN M49 code."""

    iso3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, primary_key=True)
    iso2 = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, unique=True)
    m49 = models.PositiveSmallIntegerField(_("M49 / ISO numeric code"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    official_name = models.CharField(_("official name"), max_length=200, blank=True)
    # The M49 sub-region (its parent is the region), and the intermediate region only where M49 has one
    # (Mexico: 013 Central America < 419 Latin America and the Caribbean < 019 Americas; the USA: 021 only).
    subregion = models.ForeignKey(
        Region, verbose_name=_("sub-region"), null=True, blank=True, on_delete=models.PROTECT, related_name="countries"
    )
    intermediate_region = models.ForeignKey(
        Region,
        verbose_name=_("intermediate region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="intermediate_countries",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("country or territory")
        verbose_name_plural = _("countries and territories")

    def __str__(self) -> str:
        return self.name


class Currency(models.Model):
    """A currency of ISO 4217."""

    code = models.CharField(_("ISO 4217 code"), max_length=3, primary_key=True)
    numeric = models.PositiveSmallIntegerField(_("numeric code"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["code"]
        verbose_name = _("currency")
        verbose_name_plural = _("currencies")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Language(models.Model):
    """A language of ISO 639 (three-letter ISO 639-3 code; two-letter ISO 639-1 where one exists)."""

    code = models.CharField(_("ISO 639-3 code"), max_length=3, primary_key=True)
    iso639_1 = models.CharField(_("ISO 639-1 code"), max_length=2, blank=True, db_index=True)
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name


class Sex(models.Model):
    """A code of the SDMX sex code list: F, M, _T (total), _O (other), _U (not stated)."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=40)

    class Meta:
        ordering = ["code"]
        verbose_name = _("sex")
        verbose_name_plural = _("sexes")

    def __str__(self) -> str:
        return self.name


class IscoGroup(models.Model):
    """A group of ISCO-08 at level 1 (major) to 4 (unit group); the code keeps leading zeros."""

    code = models.CharField(_("ISCO-08 code"), max_length=4, primary_key=True)
    level = models.PositiveSmallIntegerField(_("level"))
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    esco_uri = models.CharField(_("ESCO URI"), max_length=200, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("ISCO-08 group")
        verbose_name_plural = _("ISCO-08 groups")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class EscoOccupation(models.Model):
    """An ESCO v1.1.1 occupation, filed under one ISCO-08 unit group."""

    uri = models.CharField(_("ESCO URI"), max_length=200, unique=True)
    code = models.CharField(_("ESCO code"), max_length=40, blank=True)
    isco_group = models.ForeignKey(
        IscoGroup, verbose_name=_("ISCO-08 unit group"), on_delete=models.PROTECT, related_name="occupations"
    )
    preferred_label = models.CharField(_("preferred label"), max_length=255)
    alt_labels = models.TextField(_("alternative labels"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["preferred_label"]
        verbose_name = _("ESCO occupation")
        verbose_name_plural = _("ESCO occupations")

    def __str__(self) -> str:
        return self.preferred_label


class EscoSkill(models.Model):
    """An ESCO v1.1.1 skill, competence or knowledge concept."""

    uri = models.CharField(_("ESCO URI"), max_length=200, unique=True)
    skill_type = models.CharField(_("skill type"), max_length=40, blank=True)
    reuse_level = models.CharField(_("reuse level"), max_length=40, blank=True)
    preferred_label = models.CharField(_("preferred label"), max_length=255)
    alt_labels = models.TextField(_("alternative labels"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["preferred_label"]
        verbose_name = _("ESCO skill")
        verbose_name_plural = _("ESCO skills")

    def __str__(self) -> str:
        return self.preferred_label


class EscoOccupationSkill(models.Model):
    """ESCO's relation of an occupation to a skill, essential or optional."""

    class Relation(models.TextChoices):
        ESSENTIAL = "essential", _("essential")
        OPTIONAL = "optional", _("optional")

    occupation = models.ForeignKey(EscoOccupation, on_delete=models.CASCADE, related_name="skill_relations")
    skill = models.ForeignKey(EscoSkill, on_delete=models.CASCADE, related_name="occupation_relations")
    relation = models.CharField(_("relation"), max_length=9, choices=Relation.choices)

    class Meta:
        verbose_name = _("occupation-skill relation")
        verbose_name_plural = _("occupation-skill relations")
        constraints = [models.UniqueConstraint(fields=["occupation", "skill"], name="uniq_esco_occupation_skill")]

    def __str__(self) -> str:
        return f"{self.occupation_id} -> {self.skill_id} ({self.relation})"


class EscoLabelEmbedding(models.Model):
    """A sentence embedding of an ESCO label, computed once (`migdev embed_esco`) so free text can be matched to
    ESCO across languages without embedding all of ESCO per request. Derived data: recomputed, never edited."""

    class Kind(models.TextChoices):
        SKILL = "skill", _("skill")
        OCCUPATION = "occupation", _("occupation")

    model = models.CharField(_("embedding model"), max_length=80)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    concept_uri = models.CharField(_("ESCO URI"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    label = models.CharField(_("label"), max_length=255)
    vector = models.BinaryField(_("vector (float16)"))

    class Meta:
        verbose_name = _("ESCO label embedding")
        verbose_name_plural = _("ESCO label embeddings")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "kind", "concept_uri", "language"], name="uniq_esco_label_embedding"
            )
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.kind} {self.concept_uri} ({self.language})"


class JobRecord(models.Model):
    """What a durable job (`core/jobs.py`) is for, as the people who asked for it see it: its status, what came of
    it, the job's id and when it finished. A room's record adds what the job works on."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be checked")
        RUNNING = "running", _("Being checked and loaded")
        DONE = "done", _("Loaded")
        FAILED = "failed", _("Refused")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    message = models.TextField(_("message"), blank=True)
    job_id = models.CharField(_("job"), max_length=64, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def unfinished(self) -> bool:
        return self.status in (JobRecord.Status.QUEUED, JobRecord.Status.RUNNING)


class UploadRecord(JobRecord):
    """A file a steward uploaded for a durable job to check and load whole or not at all."""

    file_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"  # type: ignore[attr-defined]


class EscoEmbeddingRun(JobRecord):
    """A steward's request to embed the ESCO labels not embedded yet, run by a background job
    (`core.esco_embedding.run_embedding`): queued, running with its progress, done or failed."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Embedding")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(_("labels done"), default=0)
    total = models.PositiveIntegerField(_("labels to do"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("ESCO embedding run")
        verbose_name_plural = _("ESCO embedding runs")

    def __str__(self) -> str:
        return f"{self.requested_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0


class WorkerBeat(models.Model):
    """A running job worker (`migdev worker`): who it is and when it last said it was alive.

    Jobs claimed by a worker whose process is gone (same host) or whose heartbeat is stale (any host) are failed
    with a reason by `core.jobs.reap_abandoned_jobs`, so no job stays "running" for ever.
    """

    worker_id = models.CharField(_("job worker name"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    process_started = models.FloatField(_("process start time (epoch seconds)"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    beat_at = models.DateTimeField(_("last heartbeat"))
    job_id = models.CharField(_("running job"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("job worker")
        verbose_name_plural = _("job workers")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}, pid {self.pid})"


class DatasetVersion(models.Model):
    """How many times a dataset has been loaded or changed: caches of reference data key on these numbers.

    Bumped in the import's own transaction (`core.datasets.run_import`), so a cached page never outlives the data
    it was computed from, in any process of any server.
    """

    name = models.CharField(_("dataset"), max_length=64, primary_key=True)
    version = models.PositiveBigIntegerField(_("version"), default=0)
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("dataset version")
        verbose_name_plural = _("dataset versions")

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"


# --- policy reference frameworks (dataset "policy-frameworks"; English only: no FR/ES text was sourced) -----------


class GcmObjective(models.Model):
    """One of the 23 objectives of the Global Compact for Migration (A/RES/73/195, 2018); English title as adopted."""

    number = models.PositiveSmallIntegerField(_("objective number"), primary_key=True)
    title = models.CharField(_("title"), max_length=300)
    short_label = models.CharField(_("short label"), max_length=120)
    resolution_paragraph = models.PositiveSmallIntegerField(_("paragraph of A/RES/73/195"))
    source_ids = models.CharField(_("sources"), max_length=100, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")

    def __str__(self) -> str:
        return f"{self.number}. {self.short_label}"


class GcmGuidingPrinciple(models.Model):
    """One of the 10 cross-cutting guiding principles of the GCM (A/RES/73/195 para 15, letters a to j)."""

    letter = models.CharField(_("letter"), max_length=1, primary_key=True)
    name = models.CharField(_("principle"), max_length=120)
    source_ids = models.CharField(_("sources"), max_length=100, blank=True)

    class Meta:
        ordering = ["letter"]
        verbose_name = _("GCM guiding principle")
        verbose_name_plural = _("GCM guiding principles")

    def __str__(self) -> str:
        return f"({self.letter}) {self.name}"


class SdgTarget(models.Model):
    """A migration-related target of the Sustainable Development Goals (e.g. 10.7), wording as in the UN list."""

    code = models.CharField(_("target"), max_length=8, primary_key=True)
    goal = models.PositiveSmallIntegerField(_("goal"))
    text = models.TextField(_("target text"))

    class Meta:
        ordering = ["goal", "code"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return self.code


class SdgIndicator(models.Model):
    """An indicator of a migration-related SDG target, with the link to migration written for MigDev."""

    code = models.CharField(_("indicator"), max_length=12, primary_key=True)
    target = models.ForeignKey(SdgTarget, verbose_name=_("target"), on_delete=models.CASCADE, related_name="indicators")
    text = models.TextField(_("indicator text"))
    migration_link = models.CharField(_("link to migration (MigDev's note)"), max_length=300, blank=True)
    core = models.BooleanField(_("core migration indicator (else related)"), default=False)
    source_ids = models.CharField(_("sources"), max_length=100, blank=True)

    class Meta:
        ordering = ["target__goal", "target__code", "code"]
        verbose_name = _("SDG indicator")
        verbose_name_plural = _("SDG indicators")

    def __str__(self) -> str:
        return self.code
