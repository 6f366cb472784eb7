"""Writes of the search index: an expression, term or lesson replaced by its current entries; the whole rebuilt.

Callers are the signal receivers (receivers.py: every expression stored, through the documents service or the
admin, is indexed in the same transaction) and `migdev law_reindex` / `migdev setup` (reindex).
"""

from pathlib import Path

from django.db import transaction

from migdev.core.progress import ProgressReporter
from migdev.law.models import GlossaryTerm, Lesson, Work
from migdev.law.search import entries
from migdev.law.search.models import SearchEntry

BATCH = 500


def _latest_ids(work: Work) -> set[int]:
    """The latest expression of the work in each language."""
    latest: dict[str, tuple[str, int]] = {}
    for pk, language, date in work.expressions.values_list("pk", "language", "date"):
        if language not in latest or (date, pk) > latest[language]:
            latest[language] = (date, pk)
    return {pk for _date, pk in latest.values()}


@transaction.atomic
def index_work(work: Work) -> int:
    """Replace the entries of every expression of a work (a new version changes which one is the latest)."""
    work = Work.objects.select_related("instrument").prefetch_related("instrument__themes").get(pk=work.pk)
    SearchEntry.objects.filter(work_id=work.pk).delete()
    latest = _latest_ids(work)
    rows = [e for x in work.expressions.all() for e in entries.expression_entries(x, x.pk in latest)]
    SearchEntry.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


@transaction.atomic
def unindex_expression(expression_id: int) -> None:
    SearchEntry.objects.filter(expression_id=expression_id).delete()


@transaction.atomic
def index_term(term_id: str) -> int:
    SearchEntry.objects.filter(kind=SearchEntry.Kind.TERM, key=term_id).delete()
    term = GlossaryTerm.objects.prefetch_related("definitions__quotes").filter(pk=term_id).first()
    rows = entries.term_entries(term) if term is not None else []
    SearchEntry.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def index_lesson(lesson_id: int) -> int:
    SearchEntry.objects.filter(kind=SearchEntry.Kind.LESSON, lesson_id=lesson_id).delete()
    lesson = Lesson.objects.filter(pk=lesson_id).first()
    rows = entries.lesson_entries(lesson) if lesson is not None else []
    SearchEntry.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def reindex(progress: ProgressReporter) -> str:
    """Rebuild the whole index: every work's expressions, every glossary term, every lesson."""
    SearchEntry.objects.all().delete()
    works = list(Work.objects.select_related("instrument").prefetch_related("instrument__themes", "expressions"))
    sections = 0
    with progress.task("Migration law: search index of the documents", total=len(works)) as task:
        for work in works:
            latest = _latest_ids(work)
            rows = [e for x in work.expressions.all() for e in entries.expression_entries(x, x.pk in latest)]
            SearchEntry.objects.bulk_create(rows, batch_size=BATCH)
            sections += len(rows)
            task.advance()
    terms = list(GlossaryTerm.objects.prefetch_related("definitions__quotes").order_by("pk"))
    lessons = list(Lesson.objects.order_by("pk"))
    others = 0
    total = len(terms) + len(lessons)
    with progress.task("Migration law: search index of the glossary and lessons", total=total) as task:
        for term in terms:
            rows = entries.term_entries(term)
            SearchEntry.objects.bulk_create(rows)
            others += len(rows)
            task.advance()
        for lesson in lessons:
            rows = entries.lesson_entries(lesson)
            SearchEntry.objects.bulk_create(rows)
            others += len(rows)
            task.advance()
    return f"search index: {sections} articles of {len(works)} documents, {others} glossary and lesson entries"


def load_search_index(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """The `migdev setup` step (dataset law-search-index): rebuild the index once the texts, glossary and lessons
    are loaded. `path` is the law data folder, which the index is built from (through the database)."""
    return reindex(progress)


@transaction.atomic
def index_terms() -> int:
    """Replace the entries of every glossary term (after the glossary is loaded: its quotes are bulk-created)."""
    SearchEntry.objects.filter(kind=SearchEntry.Kind.TERM).delete()
    rows = [e for t in GlossaryTerm.objects.prefetch_related("definitions__quotes") for e in entries.term_entries(t)]
    SearchEntry.objects.bulk_create(rows)
    return len(rows)
