"""Meetings of the processes with their outcome documents, and good practices and lessons learned."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.core.models import Country
from migdev.rcp.models.processes import Process


class Meeting(models.Model):
    """A meeting of a process: expert, senior officials or ministerial."""

    class Level(models.TextChoices):
        EXPERT = "expert", _("Expert meeting")
        SENIOR_OFFICIALS = "senior_officials", _("Senior officials meeting")
        MINISTERIAL = "ministerial", _("Ministerial meeting")

    process = models.ForeignKey(Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=300)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    is_demo = models.BooleanField(_("demo example"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title


class Document(models.Model):
    """An outcome document of a meeting or the evidence of a good practice (PDF, text, OpenDocument or Word),
    checked for size and type, and stored in the database with the record it belongs to."""

    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content = models.BinaryField(_("content"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class GoodPractice(models.Model):
    """A good practice or lesson learned of a process, with the countries it concerns and its evidence."""

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="good_practices"
    )
    title = models.CharField(_("title"), max_length=300)
    themes = models.CharField(_("themes"), max_length=500, blank=True)
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), blank=True, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    summary = models.TextField(_("summary"))
    outcome = models.TextField(_("outcome"), blank=True)
    evidence = models.ForeignKey(
        Document,
        verbose_name=_("evidence document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    evidence_url = models.URLField(_("evidence address"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo example"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def __str__(self) -> str:
        return self.title

    @property
    def theme_list(self) -> list[str]:
        return [tag for tag in self.themes.split(";") if tag]
