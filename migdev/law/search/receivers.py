"""Signals that keep the search index in step with what is stored: expressions (through the documents service, an
importer or the admin), works, glossary terms and lessons. Each runs inside the writer's transaction."""

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from migdev.law.models import Expression, GlossaryTerm, Instrument, Lesson, Work
from migdev.law.search import indexing


@receiver(post_save, sender=Expression, dispatch_uid="law_search_expression_saved")
def expression_saved(sender: Any, instance: Expression, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        indexing.index_work(instance.work)


@receiver(post_delete, sender=Expression, dispatch_uid="law_search_expression_deleted")
def expression_deleted(sender: Any, instance: Expression, **kwargs: Any) -> None:
    indexing.unindex_expression(instance.pk)


@receiver(post_save, sender=Work, dispatch_uid="law_search_work_saved")
def work_saved(sender: Any, instance: Work, created: bool = False, raw: bool = False, **kwargs: Any) -> None:
    if not raw and not created:
        indexing.index_work(instance)


@receiver(post_save, sender=GlossaryTerm, dispatch_uid="law_search_term_saved")
@receiver(post_delete, sender=GlossaryTerm, dispatch_uid="law_search_term_deleted")
def term_changed(sender: Any, instance: GlossaryTerm, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        indexing.index_term(instance.pk)


@receiver(post_save, sender=Lesson, dispatch_uid="law_search_lesson_saved")
@receiver(post_delete, sender=Lesson, dispatch_uid="law_search_lesson_deleted")
def lesson_changed(sender: Any, instance: Lesson, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        indexing.index_lesson(instance.pk)


@receiver(post_save, sender=Instrument, dispatch_uid="law_search_instrument_saved")
def instrument_saved(sender: Any, instance: Instrument, created: bool = False, raw: bool = False, **kw: Any) -> None:
    """An instrument's kind or adoption date are facets of its texts' entries."""
    if not raw and not created:
        for work in instance.works.all():
            indexing.index_work(work)


@receiver(m2m_changed, sender=Instrument.themes.through, dispatch_uid="law_search_instrument_themes")
def instrument_themes_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Instrument):
        for work in instance.works.all():
            indexing.index_work(work)
