"""The search index of the law room: one row per article of an expression, glossary term or lesson, per language.

The rows hold plain ids, not foreign keys: the index is derived data, rebuilt by `migdev law_reindex`, kept in step
by signals (receivers.py), and the same table is built in scratch databases by the benchmark. Each backend adds its
own full-text structure on top (an FTS5 table and triggers on SQLite, generated tsvector columns and GIN indexes on
PostgreSQL): see sqlite_fts5.py and postgres.py, installed by migration 0005.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One searchable unit: an article (or section) of an expression, a glossary term, or a lesson, in one language."""

    class Kind(models.TextChoices):
        SECTION = "section", _("Article of a document")
        TERM = "term", _("Glossary term")
        LESSON = "lesson", _("Lesson")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    language = models.CharField(_("language (ISO 639-2)"), max_length=3)
    expression_id = models.BigIntegerField(_("expression"), null=True, blank=True, db_index=True)
    work_id = models.BigIntegerField(_("work"), null=True, blank=True, db_index=True)
    # The glossary term's id, or the lesson's "module/slug" (what their pages are addressed by).
    key = models.CharField(_("key"), max_length=130, blank=True)
    lesson_id = models.BigIntegerField(_("lesson"), null=True, blank=True, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    label = models.CharField(_("article"), max_length=300, blank=True)
    anchor = models.CharField(_("anchor in the page"), max_length=120, blank=True)
    date = models.CharField(_("expression date"), max_length=10, blank=True)
    # Facets, copied from the work and its instrument when the row is written.
    instrument_id = models.CharField(_("instrument"), max_length=40, blank=True)
    instrument_type = models.CharField(_("type"), max_length=12, blank=True)
    themes = models.CharField(_("themes"), max_length=400, blank=True, help_text=_("Theme codes, space-separated"))
    country = models.CharField(_("country (ISO3)"), max_length=3, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    # False for the earlier versions of a work in a language: searched only when asked.
    latest = models.BooleanField(_("latest version"), default=True)
    position = models.PositiveIntegerField(_("position in the document"), default=0)
    text = models.TextField(_("text"))
    stems = models.TextField(_("analysed text (stems)"))
    words = models.TextField(_("analysed text (folded words)"))

    class Meta:
        db_table = "law_search_entry"
        ordering = ["id"]
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self) -> str:
        return f"{self.title} {self.label}".strip()
