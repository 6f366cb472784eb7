"""Migration law API: learning modules and lessons (public), quiz attempts and progress (the signed-in user's own)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.law.models import CitedArticle, Lesson, Module
from migdev.law.selectors import learning as selectors
from migdev.law.selectors.glossary import printable
from migdev.law.services import learning as services

router = Router()


class ArticleOut(Schema):
    instrument: str
    eid: str
    article: str
    url: str


class ChoiceOut(Schema):
    id: int
    text: str


class QuestionOut(Schema):
    id: int
    text: str
    choices: list[ChoiceOut]


class LessonSummaryOut(Schema):
    slug: str
    order: int
    title: str


class ModuleOut(Schema):
    id: str
    audience: str
    title: str
    summary: str
    lessons: list[LessonSummaryOut]


class LessonOut(Schema):
    module: str
    slug: str
    order: int
    title: str
    body: str
    articles: list[ArticleOut]
    terms: list[str]
    questions: list[QuestionOut]


class AttemptIn(Schema):
    answers: dict[str, int]  # question id -> choice id


class MarkedOut(Schema):
    question: int
    given: int
    right: int
    correct: bool
    explanation: str
    cites: ArticleOut


class AttemptOut(Schema):
    score: int
    out_of: int
    best_score: int
    attempts: int
    marked: list[MarkedOut]


class ProgressOut(Schema):
    module: str
    lesson: str
    attempts: int
    best_score: int
    last_score: int
    out_of: int
    completed_at: str | None
    updated_at: str


def _article(item: CitedArticle) -> dict[str, str]:
    return {
        "instrument": item.instrument_id,
        "eid": item.eid,
        "article": item.label,
        "url": selectors.article_url(item),
    }


def _module(item: Module) -> dict[str, Any]:
    lessons = [{"slug": x.slug, "order": x.order, "title": x.title} for x in item.lessons.all()]
    return {"id": item.pk, "audience": item.audience, "title": item.title, "summary": item.summary, "lessons": lessons}


@router.get("/learn/modules", response=list[ModuleOut], summary="Learning modules for officials and migrants")
def list_modules(request: HttpRequest, audience: str = "") -> list[dict[str, Any]]:
    found = selectors.modules()
    if audience:
        found = found.filter(audience=printable(audience))
    return [_module(m) for m in found]


@router.get("/learn/modules/{module_id}", response=ModuleOut, summary="A learning module and its lessons")
def get_module(request: HttpRequest, module_id: str) -> dict[str, Any]:
    return _module(selectors.module(module_id))


@router.get("/learn/modules/{module_id}/lessons/{slug}", response=LessonOut, summary="A lesson and its quiz")
def get_lesson(request: HttpRequest, module_id: str, slug: str) -> dict[str, Any]:
    item: Lesson = selectors.lesson(module_id, slug)
    return {
        "module": item.module_id,
        "slug": item.slug,
        "order": item.order,
        "title": item.title,
        "body": item.body,
        "articles": [_article(a) for a in item.articles.all()],
        "terms": [t.pk for t in item.terms.all()],
        "questions": [
            {"id": q.pk, "text": q.text, "choices": [{"id": c.pk, "text": c.text} for c in q.choices.all()]}
            for q in item.questions.all()
        ],
    }


@router.post(
    "/learn/modules/{module_id}/lessons/{slug}/attempts",
    response=AttemptOut,
    auth=AUTH,
    summary="Answer a lesson's quiz: marked on the server and saved in my progress",
)
def post_attempt(request: HttpRequest, module_id: str, slug: str, payload: AttemptIn) -> dict[str, Any]:
    item = selectors.lesson(module_id, slug)
    result, record = services.record_attempt(signed_in(request), item, dict(payload.answers))
    return {
        "score": result.score,
        "out_of": result.out_of,
        "best_score": record.best_score,
        "attempts": record.attempts,
        "marked": [
            {
                "question": m.question.pk,
                "given": m.given.pk,
                "right": m.right.pk,
                "correct": m.correct,
                "explanation": m.question.explanation,
                "cites": _article(m.question),
            }
            for m in result.marked
        ],
    }


@router.get("/learn/progress", response=list[ProgressOut], auth=AUTH, summary="My learning progress")
def my_progress(request: HttpRequest) -> list[dict[str, Any]]:
    return services.progress_data(signed_in(request))
