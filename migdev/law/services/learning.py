"""Writes of the law room's training: the learning modules (TOML files) and each signed-in user's own progress.

A module file holds the module, its ordered lessons (MigDev's own prose in EN/FR/ES, pointing to articles and
glossary terms) and a self-check quiz per lesson. The loader checks every article against the stored texts and
every term against the glossary, then writes in one transaction. Progress is personal data: it is included in the
person's export and erased with the account (accounts.signals).
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.accounts.signals import person_erased, personal_data_requested
from migdev.core.errors import ImportFileError
from migdev.core.progress import ProgressReporter
from migdev.law import glossary
from migdev.law import rules as _rules  # noqa: F401  (registers the law permissions)
from migdev.law.akn import parse_xml
from migdev.law.models import (
    Choice,
    GlossaryTerm,
    Instrument,
    Lesson,
    LessonArticle,
    LessonProgress,
    Module,
    Question,
)
from migdev.law.selectors.learning import QuizResult, check_answers

LANGUAGES = ("en", "fr", "es")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# --- Loading the modules ----------------------------------------------------------------------------------------


class _Checker:
    """Checks a module file's values; each error names the file and the path of the value (lessons[2].title.fr)."""

    def __init__(self, path: Path) -> None:
        self.where = str(path)
        self.instruments = {i.pk: i for i in Instrument.objects.prefetch_related("works__expressions")}
        self.terms = set(GlossaryTerm.objects.values_list("pk", flat=True))
        self._cache: dict[int, dict[str, glossary.ArticlePlace]] = {}

    def fail(self, at: str, problem: str) -> ImportFileError:
        return ImportFileError(self.where, None, at or None, problem)

    def text(self, value: Any, at: str) -> dict[str, str]:
        """A text in the three languages ({en, fr, es}), none empty."""
        if not isinstance(value, dict):
            raise self.fail(at, "expected a table with en, fr and es")
        for language in LANGUAGES:
            if not isinstance(value.get(language), str) or not value[language].strip():
                raise self.fail(f"{at}.{language}", "missing or empty")
        unknown = set(value) - set(LANGUAGES)
        if unknown:
            raise self.fail(at, f"unknown languages {', '.join(sorted(unknown))}")
        return {language: value[language].strip() for language in LANGUAGES}

    def slug(self, value: Any, at: str) -> str:
        if not isinstance(value, str) or not SLUG.match(value):
            raise self.fail(at, "an identifier of lower-case letters, digits and hyphens")
        return value

    def article(self, value: Any, at: str) -> "_Article":
        """An {instrument, eid} reference; the article must be in the instrument's stored text where it has one."""
        if not isinstance(value, dict) or not isinstance(value.get("instrument"), str):
            raise self.fail(at, "expected a table with instrument and eid")
        instrument = self.instruments.get(value["instrument"])
        if instrument is None:
            raise self.fail(f"{at}.instrument", f"unknown instrument {value['instrument']!r}")
        eid = value.get("eid")
        if not isinstance(eid, str) or not eid:
            raise self.fail(f"{at}.eid", "missing")
        expressions = [e for w in instrument.works.all() for e in w.expressions.all()]
        if not expressions:
            return _Article(instrument.pk, eid, "", eid)  # MigDev does not hold this text yet
        for expression in expressions:
            place = self._places(expression).get(eid)
            if place is not None:
                return _Article(instrument.pk, eid, place.anchor, place.label)
        raise self.fail(f"{at}.eid", f"no article {eid!r} in the text of {instrument.pk}")

    def _places(self, expression: Any) -> dict[str, glossary.ArticlePlace]:
        if expression.pk not in self._cache:
            self._cache[expression.pk] = glossary.article_places(parse_xml(expression.xml.encode("utf-8")))
        return self._cache[expression.pk]


@dataclass(frozen=True)
class _Article:
    instrument: str
    eid: str
    anchor: str
    label: str


@dataclass
class _QuestionData:
    text: dict[str, str]
    explanation: dict[str, str]
    cite: _Article
    choices: list[dict[str, str]]
    answer: int


@dataclass
class _LessonData:
    slug: str
    title: dict[str, str]
    body: dict[str, str]
    articles: list[_Article]
    terms: list[str]
    questions: list[_QuestionData]


@dataclass
class _ModuleData:
    id: str
    audience: str
    order: int
    title: dict[str, str]
    summary: dict[str, str]
    lessons: list[_LessonData]


def read_module(path: Path, check: _Checker) -> _ModuleData:
    """One module file, checked whole."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise check.fail("", f"not valid TOML: {exc}") from None
    head = data.get("module")
    if not isinstance(head, dict):
        raise check.fail("module", "missing")
    audience = head.get("audience")
    if audience not in Module.Audience.values:
        raise check.fail("module.audience", f"one of {', '.join(Module.Audience.values)}")
    order = head.get("order", 0)
    if not isinstance(order, int) or order < 0:
        raise check.fail("module.order", "a whole number")
    raw_lessons = data.get("lessons")
    if not isinstance(raw_lessons, list) or not raw_lessons:
        raise check.fail("lessons", "a module needs at least one lesson")
    lessons = [_lesson(check, raw, f"lessons[{n}]") for n, raw in enumerate(raw_lessons, start=1)]
    slugs = [lesson.slug for lesson in lessons]
    if len(set(slugs)) != len(slugs):
        raise check.fail("lessons", "two lessons have the same id")
    return _ModuleData(
        id=check.slug(head.get("id"), "module.id"),
        audience=audience,
        order=order,
        title=check.text(head.get("title"), "module.title"),
        summary=check.text(head.get("summary"), "module.summary"),
        lessons=lessons,
    )


def _lesson(check: _Checker, raw: Any, at: str) -> _LessonData:
    if not isinstance(raw, dict):
        raise check.fail(at, "expected a table")
    articles = raw.get("articles")
    if not isinstance(articles, list) or not articles:
        raise check.fail(f"{at}.articles", "a lesson points to at least one article")
    terms = raw.get("terms", [])
    if not isinstance(terms, list):
        raise check.fail(f"{at}.terms", "a list of glossary term ids")
    for n, term in enumerate(terms, start=1):
        if term not in check.terms:
            raise check.fail(f"{at}.terms[{n}]", f"no glossary term {term!r}")
    questions = raw.get("questions")
    if not isinstance(questions, list) or not 2 <= len(questions) <= 4:
        raise check.fail(f"{at}.questions", "a quiz has 2 to 4 questions")
    return _LessonData(
        slug=check.slug(raw.get("id"), f"{at}.id"),
        title=check.text(raw.get("title"), f"{at}.title"),
        body=check.text(raw.get("body"), f"{at}.body"),
        articles=[check.article(a, f"{at}.articles[{n}]") for n, a in enumerate(articles, start=1)],
        terms=list(terms),
        questions=[_question(check, q, f"{at}.questions[{n}]") for n, q in enumerate(questions, start=1)],
    )


def _question(check: _Checker, raw: Any, at: str) -> _QuestionData:
    if not isinstance(raw, dict):
        raise check.fail(at, "expected a table")
    choices = raw.get("choices")
    if not isinstance(choices, list) or not 2 <= len(choices) <= 5:
        raise check.fail(f"{at}.choices", "a question has 2 to 5 choices")
    answer = raw.get("answer")
    if not isinstance(answer, int) or isinstance(answer, bool) or not 1 <= answer <= len(choices):
        raise check.fail(f"{at}.answer", f"the number of the right choice, 1 to {len(choices)}")
    return _QuestionData(
        text=check.text(raw.get("text"), f"{at}.text"),
        explanation=check.text(raw.get("explanation"), f"{at}.explanation"),
        cite=check.article(raw.get("cite"), f"{at}.cite"),
        choices=[check.text(c, f"{at}.choices[{n}]") for n, c in enumerate(choices, start=1)],
        answer=answer,
    )


def _translated(name: str, text: dict[str, str]) -> dict[str, str]:
    values = {f"{name}_{language}": value for language, value in text.items()}
    values[name] = text["en"]
    return values


@transaction.atomic
def load_training(folder: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Load every *.toml module of `folder` (or one file); lessons are matched by id, so progress is kept."""
    files = [folder] if folder.is_file() else sorted(folder.glob("*.toml"))
    if not files:
        raise ImportFileError(str(folder), None, None, "no module file (*.toml)")
    with progress.task("Migration law: learning modules", total=len(files)) as task:
        read: list[_ModuleData] = []
        for path in files:
            read.append(read_module(path, _Checker(path)))
            task.advance()
    ids = [m.id for m in read]
    if len(set(ids)) != len(ids):
        raise ImportFileError(str(folder), None, "module.id", "two files hold the same module id")
    gone = Module.objects.exclude(pk__in=ids)
    if folder.is_dir() and gone.exists() and not allow_shrink:
        names = ", ".join(gone.values_list("pk", flat=True))
        raise ImportFileError(str(folder), None, None, f"modules {names} are not in these files (--allow-shrink)")
    if folder.is_dir():
        gone.delete()
    lessons = 0
    for data in read:
        lessons += _write(data)
    return f"{len(read)} learning modules, {lessons} lessons"


def _write(data: _ModuleData) -> int:
    item, _created = Module.objects.update_or_create(
        pk=data.id,
        defaults={
            "audience": data.audience,
            "order": data.order,
            **_translated("title", data.title),
            **_translated("summary", data.summary),
        },
    )
    item.lessons.exclude(slug__in=[lesson.slug for lesson in data.lessons]).delete()
    for order, raw in enumerate(data.lessons, start=1):
        lesson, _created = Lesson.objects.update_or_create(
            module=item,
            slug=raw.slug,
            defaults={"order": order, **_translated("title", raw.title), **_translated("body", raw.body)},
        )
        lesson.articles.all().delete()
        LessonArticle.objects.bulk_create(
            LessonArticle(lesson=lesson, instrument_id=a.instrument, eid=a.eid, anchor=a.anchor, label=a.label, order=n)
            for n, a in enumerate(raw.articles, start=1)
        )
        lesson.terms.set(GlossaryTerm.objects.filter(pk__in=raw.terms))
        lesson.questions.all().delete()
        for number, q in enumerate(raw.questions, start=1):
            question = Question.objects.create(
                lesson=lesson,
                order=number,
                instrument_id=q.cite.instrument,
                eid=q.cite.eid,
                anchor=q.cite.anchor,
                label=q.cite.label,
                **_translated("text", q.text),
                **_translated("explanation", q.explanation),
            )
            Choice.objects.bulk_create(
                Choice(question=question, order=n, correct=n == q.answer, **_translated("text", c))
                for n, c in enumerate(q.choices, start=1)
            )
    return len(data.lessons)


# --- A user's own progress ----------------------------------------------------------------------------------------


@checks_permission("law.add_lessonprogress")
def record_attempt(actor: User, lesson: Lesson, answers: dict[str, Any]) -> tuple[QuizResult, LessonProgress]:
    """Mark a quiz on the server and record it in the actor's own progress (never anyone else's): the lesson is
    completed, the best score kept. Atomic; answers that do not fit the quiz change nothing."""
    result = check_answers(lesson, answers)
    record, _created = LessonProgress.objects.select_for_update().get_or_create(user=actor, lesson=lesson)
    record.attempts += 1
    record.last_score = result.score
    record.out_of = result.out_of
    record.best_score = max(record.best_score, result.score)
    record.completed_at = record.completed_at or timezone.now()
    record.save()
    return result, record


def progress_data(person: User) -> list[dict[str, Any]]:
    """A person's progress, JSON-ready (for their personal-data export and the API)."""
    records = LessonProgress.objects.filter(user=person).select_related("lesson__module").order_by("lesson")
    return [
        {
            "module": r.lesson.module_id,
            "lesson": r.lesson.slug,
            "attempts": r.attempts,
            "best_score": r.best_score,
            "last_score": r.last_score,
            "out_of": r.out_of,
            "completed_at": r.completed_at.isoformat() if r.completed_at else None,
            "updated_at": r.updated_at.isoformat(),
        }
        for r in records
    ]


@receiver(personal_data_requested, dispatch_uid="law-progress-in-person-export")
def _progress_of_person(sender: object, actor: object, person: User, **kwargs: object) -> tuple[str, Any] | None:
    """Receiver of accounts' personal_data_requested: the person's learning progress, under "law"."""
    data = progress_data(person)
    return ("law", {"lesson_progress": data}) if data else None


@receiver(person_erased, dispatch_uid="law-erase-progress-with-account")
def _erase_progress(sender: object, actor: object, person: User, **kwargs: object) -> None:
    """Receiver of accounts' person_erased: the person's learning progress is deleted with the account."""
    LessonProgress.objects.filter(user=person).delete()
