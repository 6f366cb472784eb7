"""Reads of the law room's training: modules, lessons with their quizzes, how answers score, a user's own progress."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import rules
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.law.models import Choice, CitedArticle, Lesson, LessonProgress, Module, Question
from migdev.law.selectors.glossary import printable


def modules() -> QuerySet[Module]:
    return Module.objects.prefetch_related("lessons").order_by("audience", "order", "id")


def module(module_id: str) -> Module:
    try:
        return Module.objects.prefetch_related("lessons").get(pk=printable(module_id))
    except Module.DoesNotExist:
        raise NotFound(_("No learning module %(id)s.") % {"id": module_id}, "module") from None


def lesson(module_id: str, slug: str) -> Lesson:
    """A lesson with its articles, terms and quiz (questions and choices in order)."""
    questions = Question.objects.select_related("instrument").prefetch_related(
        Prefetch("choices", queryset=Choice.objects.order_by("order"))
    )
    try:
        return (
            Lesson.objects.select_related("module")
            .prefetch_related(Prefetch("questions", queryset=questions), "articles__instrument", "terms")
            .get(module_id=printable(module_id), slug=printable(slug))
        )
    except Lesson.DoesNotExist:
        raise NotFound(_("No lesson %(slug)s in this module.") % {"slug": slug}, "lesson") from None


@dataclass(frozen=True)
class Marked:
    """One answered question: the choice given, the right choice, and the explanation citing an article."""

    question: Question
    given: Choice
    right: Choice

    @property
    def correct(self) -> bool:
        return self.given.pk == self.right.pk


@dataclass(frozen=True)
class QuizResult:
    marked: list[Marked]

    @property
    def score(self) -> int:
        return sum(m.correct for m in self.marked)

    @property
    def out_of(self) -> int:
        return len(self.marked)


def check_answers(item: Lesson, answers: Mapping[str, Any]) -> QuizResult:
    """Mark answers ({question id: choice id}) on the server; every question must be answered with one of its
    choices (DomainError names the question)."""
    marked: list[Marked] = []
    for question in item.questions.all():
        raw = answers.get(str(question.pk), answers.get(question.pk))  # type: ignore[call-overload]
        field = f"question_{question.pk}"
        if raw in (None, ""):
            raise DomainError(_("Answer every question: question %(n)s has no answer.") % {"n": question.order}, field)
        choices = list(question.choices.all())
        given = next((c for c in choices if str(c.pk) == str(raw)), None)
        if given is None:
            raise DomainError(
                _("The answer to question %(n)s is not one of its choices.") % {"n": question.order}, field
            )
        right = next(c for c in choices if c.correct)
        marked.append(Marked(question, given, right))
    extra = {str(k) for k in answers} - {str(q.pk) for q in item.questions.all()}
    if extra:
        raise DomainError(
            _("These answers are not questions of this lesson: %(ids)s.") % {"ids": ", ".join(sorted(extra))}
        )
    return QuizResult(marked)


def progress_of(user: Any) -> dict[int, LessonProgress]:
    """The signed-in user's own progress, by lesson id (empty for an anonymous visitor)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    return {p.lesson_id: p for p in LessonProgress.objects.filter(user=user)}


def progress_record(actor: Any, record: LessonProgress) -> LessonProgress:
    """A progress record, for its own user only (PermissionDenied for anyone else)."""
    if not rules.has_perm("law.view_lessonprogress", actor, record):
        raise PermissionDenied(_("This progress record is not yours."), "progress")
    return record


def article_url(item: CitedArticle) -> str:
    """The article on the document page (#anchor), or the instrument's page where MigDev has no text."""
    if not item.anchor:
        return reverse("law:instrument", args=[item.instrument_id])
    return reverse("law:instrument_text", args=[item.instrument_id]) + f"#{item.anchor}"
