"""Migration law pages: learning modules for officials and migrants, lessons with a self-check quiz, progress."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from migdev.accounts.views import signed_in
from migdev.core.errors import DomainError, NotFound
from migdev.law.models import Lesson, Module
from migdev.law.selectors import learning as selectors
from migdev.law.selectors.learning import QuizResult
from migdev.law.services import learning as services


def _module_rows(items: list[Module], progress: dict[int, Any]) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        lessons = list(item.lessons.all())
        done = sum(1 for lesson in lessons if lesson.pk in progress and progress[lesson.pk].completed_at)
        rows.append({"module": item, "lessons": lessons, "done": done})
    return rows


def learn(request: HttpRequest) -> HttpResponse:
    """The modules by audience, with the signed-in user's progress through each."""
    progress = selectors.progress_of(request.user)
    items = list(selectors.modules())
    audiences = [
        {"code": code, "label": label, "rows": _module_rows([m for m in items if m.audience == code], progress)}
        for code, label in Module.Audience.choices
    ]
    return render(request, "law/learn.html", {"audiences": audiences})


def module(request: HttpRequest, module_id: str) -> HttpResponse:
    """A module's lessons in order, each with the user's best score."""
    try:
        item = selectors.module(module_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    progress = selectors.progress_of(request.user)
    lessons = [{"lesson": lesson, "progress": progress.get(lesson.pk)} for lesson in item.lessons.all()]
    return render(request, "law/learn_module.html", {"module": item, "lessons": lessons})


def lesson(request: HttpRequest, module_id: str, slug: str) -> HttpResponse:
    """A lesson and its quiz: a plain form, marked on the server; a signed-in user's attempt is saved."""
    try:
        item = selectors.lesson(module_id, slug)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    result: QuizResult | None = None
    error = ""
    given: dict[str, str] = {}
    record = None
    if request.method == "POST":
        given = {
            key.removeprefix("question_"): str(request.POST.get(key, ""))
            for key in request.POST
            if key.startswith("question_") and request.POST.get(key)
        }
        try:
            if request.user.is_authenticated:
                result, record = services.record_attempt(signed_in(request), item, given)
            else:
                result = selectors.check_answers(item, given)
        except DomainError as exc:
            error = str(exc.message)
    else:
        record = selectors.progress_of(request.user).get(item.pk)
    siblings: list[Lesson] = list(item.module.lessons.all())
    index = next(n for n, other in enumerate(siblings) if other.pk == item.pk)
    context = {
        "lesson": item,
        "module": item.module,
        "articles": [{"article": a, "url": selectors.article_url(a)} for a in item.articles.all()],
        "questions": [
            {
                "question": q,
                "given": given.get(str(q.pk), ""),
                "marked": next((m for m in result.marked if m.question.pk == q.pk), None) if result else None,
                "cite_url": selectors.article_url(q),
            }
            for q in item.questions.all()
        ],
        "result": result,
        "error": error,
        "record": record,
        "previous": siblings[index - 1] if index > 0 else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None,
    }
    return render(request, "law/learn_lesson.html", context, status=400 if error else 200)
