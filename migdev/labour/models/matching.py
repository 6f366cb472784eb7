"""Tables of matching runs: a run with its owner and outcome, and its assignments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.labour.models.protection import (
    Placement,
)
from migdev.labour.models.registry import (
    Scheme,
    Vacancy,
    WorkerProfile,
)

# ---------------------------------------------------------------------------------------------------------------------
# Matching: allocation runs of a scheme's season


class MatchRun(models.Model):
    """An allocation of a scheme's season computed by the matching engine: its parameters, progress and result.

    Officials review it, remove assignments they do not want, and confirm it into placement offers.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        CONFIRMED = "confirmed", _("Confirmed into offers")

    class Failure(models.TextChoices):
        """Why a run failed, when the reason is known in advance (shown in the reader's language)."""

        SERVER_STOPPED = "server_stopped", _("The job worker stopped during the run. Re-run it to allocate the season.")

    scheme = models.ForeignKey(Scheme, verbose_name=_("scheme"), on_delete=models.CASCADE, related_name="match_runs")
    season = models.PositiveSmallIntegerField(_("season (year)"))
    parameters = models.JSONField(_("parameters"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    stage = models.CharField(_("stage"), max_length=60, blank=True)
    error = models.TextField(_("error"), blank=True)
    failure = models.CharField(_("why it failed"), max_length=20, choices=Failure.choices, blank=True)
    # The durable job that computes the run (`core.jobs`); blank for runs computed inline (CLI, tests).
    job_id = models.CharField(_("job"), max_length=64, blank=True)
    rerun_of = models.ForeignKey(
        "self",
        verbose_name=_("re-run of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reruns",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    objective = models.FloatField(_("total score (optimal)"), null=True, blank=True)
    greedy_objective = models.FloatField(_("total score (greedy baseline)"), null=True, blank=True)
    result = models.JSONField(_("result"), default=dict)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")

    def __str__(self) -> str:
        return f"{self.scheme} {self.season} #{self.pk}"

    @property
    def country_id(self) -> str:
        """Officials of the scheme's destination manage its runs (object-level rules)."""
        return self.scheme.destination_id

    @property
    def failure_message(self) -> str:
        """Why the run failed, in the reader's language when the reason is a known one."""
        return str(self.get_failure_display()) if self.failure else self.error


class MatchAssignment(models.Model):
    """One worker assigned to one vacancy by a run, with its score and explanation; removable until confirmed."""

    run = models.ForeignKey(MatchRun, on_delete=models.CASCADE, related_name="assignments")
    worker = models.ForeignKey(WorkerProfile, on_delete=models.CASCADE, related_name="+")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("score"))
    explanation = models.JSONField(_("explanation"), default=dict)
    removed = models.BooleanField(_("removed before confirming"), default=False)
    placement = models.ForeignKey(Placement, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    refusal = models.TextField(_("why the offer was refused"), blank=True)

    class Meta:
        ordering = ["vacancy_id", "-score", "worker_id"]
        constraints = [models.UniqueConstraint(fields=["run", "worker"], name="uniq_match_assignment_worker")]

    @property
    def country_id(self) -> str:
        return self.run.country_id
