"""Training: the shipped modules load with their articles and terms checked, quizzes are marked on the server,
progress is each user's own (saved when signed in, never readable or writable by another user), exported and erased
with the account, pages in EN/FR/ES work without JavaScript, the API, and module files with bad values refused."""

from pathlib import Path

import pytest
import rules
from django.test import Client

from migdev.accounts.models import User
from migdev.accounts.rules import service_permissions
from migdev.accounts.services import create_api_token, erase_person, export_personal_data
from migdev.core.errors import DomainError, ImportFileError, PermissionDenied
from migdev.core.progress import SilentProgress
from migdev.law.apps import DATA_DIR
from migdev.law.models import Lesson, LessonProgress, Module
from migdev.law.selectors import learning as selectors
from migdev.law.services import learning as services

pytestmark = pytest.mark.django_db

MODULE = "rights-when-recruited"
LESSON = "no-recruitment-fees"


@pytest.fixture
def ana() -> User:
    return User.objects.create_user(username="ana", password="a-long-password-1")


@pytest.fixture
def ben() -> User:
    return User.objects.create_user(username="ben", password="a-long-password-2")


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def token_client(user: User) -> Client:
    _token, key = create_api_token(user, "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def lesson() -> Lesson:
    return selectors.lesson(MODULE, LESSON)


def answers(item: Lesson, right: int) -> dict[str, str]:
    """Answers with the first `right` questions right and the others wrong."""
    chosen = {}
    for n, question in enumerate(item.questions.all()):
        choices = list(question.choices.all())
        pick = next(c for c in choices if c.correct) if n < right else next(c for c in choices if not c.correct)
        chosen[str(question.pk)] = str(pick.pk)
    return chosen


def test_shipped_modules_serve_both_audiences_with_ordered_lessons_and_quizzes() -> None:
    for audience in Module.Audience.values:
        assert Module.objects.filter(audience=audience).count() >= 2
    for item in Module.objects.prefetch_related("lessons__questions__choices", "lessons__articles"):
        lessons = list(item.lessons.all())
        assert 3 <= len(lessons) <= 4 and [x.order for x in lessons] == list(range(1, len(lessons) + 1))
        for x in lessons:
            assert x.title_fr and x.title_es and x.body_fr and x.body_es
            assert 100 <= len(x.body_en.split()) <= 330, (x.slug, len(x.body_en.split()))
            assert 2 <= x.questions.count() <= 4 and x.articles.exists()
            for q in x.questions.all():
                assert [c.correct for c in q.choices.all()].count(True) == 1
                assert q.anchor and q.label  # the explanation cites an article of a stored text


def test_lesson_articles_link_to_the_anchor_on_the_document_page(client: Client) -> None:
    first = lesson().articles.first()
    assert first is not None and first.instrument_id == "ilo_c181" and first.anchor == "art_7"
    assert selectors.article_url(first) == "/en/law/instruments/ilo_c181/text/#art_7"
    html = client.get(f"/en/law/learn/{MODULE}/{LESSON}/").content.decode()
    assert 'href="/en/law/instruments/ilo_c181/text/#art_7"' in html
    assert 'href="/en/law/glossary/private-employment-agency/"' in html


def test_quiz_is_marked_on_the_server() -> None:
    item = lesson()
    assert selectors.check_answers(item, answers(item, 3)).score == 3
    result = selectors.check_answers(item, answers(item, 1))
    assert (result.score, result.out_of) == (1, 3)
    assert [m.correct for m in result.marked] == [True, False, False]


def test_answers_that_do_not_fit_the_quiz_are_refused_by_question() -> None:
    item = lesson()
    given = answers(item, 3)
    first, second = list(item.questions.all())[:2]
    del given[str(first.pk)]
    with pytest.raises(DomainError, match="question 1 has no answer") as error:
        selectors.check_answers(item, given)
    assert error.value.field == f"question_{first.pk}"
    given = answers(item, 3) | {str(second.pk): str(first.choices.first().pk)}  # type: ignore[union-attr]
    with pytest.raises(DomainError, match="question 2 is not one of its choices"):
        selectors.check_answers(item, given)
    with pytest.raises(DomainError, match="not questions of this lesson"):
        selectors.check_answers(item, answers(item, 3) | {"999999": "1"})


def test_attempts_keep_the_best_score_per_user(ana: User, ben: User) -> None:
    item = lesson()
    services.record_attempt(ana, item, answers(item, 3))
    _result, record = services.record_attempt(ana, item, answers(item, 1))
    assert (record.attempts, record.best_score, record.last_score, record.out_of) == (2, 3, 1, 3)
    assert record.completed_at is not None
    services.record_attempt(ben, item, answers(item, 0))
    assert LessonProgress.objects.get(user=ben).best_score == 0
    assert selectors.progress_of(ana)[item.pk].best_score == 3


def test_a_bad_attempt_changes_nothing(ana: User) -> None:
    item = lesson()
    with pytest.raises(DomainError):
        services.record_attempt(ana, item, {})
    assert not LessonProgress.objects.filter(user=ana).exists()


def test_progress_is_written_and_read_only_by_its_own_user(ana: User, ben: User) -> None:
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.record_attempt(AnonymousUser(), lesson(), answers(lesson(), 3))  # type: ignore[arg-type]
    _result, record = services.record_attempt(ana, lesson(), answers(lesson(), 3))
    assert selectors.progress_record(ana, record) is record
    with pytest.raises(PermissionDenied):
        selectors.progress_record(ben, record)
    assert not rules.has_perm("law.view_lessonprogress", ben, record)
    assert selectors.progress_of(ben) == {}
    # Ben's pages and API show nothing of Ana's progress.
    assert "best score 3/3" not in signed_in(ben).get(f"/en/law/learn/{MODULE}/").content.decode()
    assert "best score 3/3" in signed_in(ana).get(f"/en/law/learn/{MODULE}/").content.decode()
    assert token_client(ben).get("/api/v1/law/learn/progress").json() == []
    declared = service_permissions(services)
    assert declared["record_attempt"] == "law.add_lessonprogress"


def test_anonymous_visitor_takes_the_quiz_without_saving(client: Client) -> None:
    item = lesson()
    url = f"/en/law/learn/{MODULE}/{LESSON}/"
    assert "your progress is saved only when you are signed in" in client.get(url).content.decode()
    form = {f"question_{k}": v for k, v in answers(item, 2).items()}
    html = client.post(url, form).content.decode()
    assert "Your score: 2 out of 3" in html
    assert "Not quite. The right answer:" in html and 'href="/en/law/instruments/ilo_c189/text/#art_15"' in html
    assert LessonProgress.objects.count() == 0


def test_signed_in_user_sees_the_score_saved_and_the_module_progress(ana: User) -> None:
    item = lesson()
    client = signed_in(ana)
    form = {f"question_{k}": v for k, v in answers(item, 3).items()}
    html = client.post(f"/en/law/learn/{MODULE}/{LESSON}/", form).content.decode()
    assert "Your score: 3 out of 3" in html and "Saved in your progress: best score 3/3 after 1 attempt(s)." in html
    assert "1 of 3 completed" in client.get("/en/law/learn/").content.decode()


def test_unanswered_form_says_which_question_and_keeps_answers(client: Client) -> None:
    item = lesson()
    first = item.questions.first()
    assert first is not None
    given = answers(item, 3)
    del given[str(list(item.questions.all())[1].pk)]
    response = client.post(f"/en/law/learn/{MODULE}/{LESSON}/", {f"question_{k}": v for k, v in given.items()})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Answer every question: question 2 has no answer." in html
    assert f'value="{given[str(first.pk)]}" checked' in html


def test_french_and_spanish_pages(client: Client) -> None:
    fr = client.get(f"/fr/law/learn/{MODULE}/{LESSON}/").content.decode()
    assert "Qui paie pour vous trouver un emploi ?" in fr and "Vérifier mes réponses" in fr
    es = client.get("/es/law/learn/").content.decode()
    assert "Sus derechos cuando le contratan para trabajar en el extranjero" in es and "<h2>Migrantes</h2>" in es


def test_api_modules_lesson_attempt_and_my_progress(ana: User) -> None:
    client = Client()
    modules = client.get("/api/v1/law/learn/modules?audience=migrants").json()
    assert MODULE in [m["id"] for m in modules] and all(m["audience"] == "migrants" for m in modules)
    detail = client.get(f"/api/v1/law/learn/modules/{MODULE}/lessons/{LESSON}", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert detail["articles"][0] == {
        "instrument": "ilo_c181",
        "eid": "art_7",
        "article": "Article 7",
        "url": "/fr/law/instruments/ilo_c181/text/#art_7",
    }
    assert "correct" not in str(detail["questions"])  # the right answers are not given away
    chosen = {k: int(v) for k, v in answers(lesson(), 3).items()}
    url = f"/api/v1/law/learn/modules/{MODULE}/lessons/{LESSON}/attempts"
    assert client.post(url, {"answers": chosen}, content_type="application/json").status_code == 401
    api = token_client(ana)
    result = api.post(url, {"answers": chosen}, content_type="application/json").json()
    assert (result["score"], result["out_of"], result["attempts"]) == (3, 3, 1)
    assert result["marked"][0]["cites"]["url"].endswith("#art_7")
    bad = api.post(url, {"answers": {}}, content_type="application/json")
    assert bad.status_code == 400 and "question 1 has no answer" in bad.json()["error"]["message"]
    assert bad.json()["error"]["field"].startswith("question_")
    progress = api.get("/api/v1/law/learn/progress").json()
    assert [(p["lesson"], p["best_score"]) for p in progress] == [(LESSON, 3)]
    assert client.get("/api/v1/law/learn/modules/nothing").status_code == 404


def test_progress_is_in_the_personal_data_export_and_erased_with_the_account(ana: User) -> None:
    services.record_attempt(ana, lesson(), answers(lesson(), 2))
    exported = export_personal_data(ana, ana)
    assert exported["law"]["lesson_progress"][0]["best_score"] == 2
    erase_person(ana, ana)
    assert not LessonProgress.objects.filter(user=ana).exists()


def test_reloading_keeps_progress(ana: User) -> None:
    services.record_attempt(ana, lesson(), answers(lesson(), 3))
    services.load_training(DATA_DIR / "training", SilentProgress())
    assert LessonProgress.objects.get(user=ana).best_score == 3


GOOD = (DATA_DIR / "training" / "migrants-recruitment.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('audience = "migrants"', 'audience = "tourists"'), "column module.audience: one of officials, migrants"),
        (
            ('{ instrument = "ilo_c181", eid = "art_7" },', '{ instrument = "nowhere", eid = "art_7" },'),
            "column lessons[1].articles[1].instrument: unknown instrument 'nowhere'",
        ),
        (
            ('{ instrument = "ilo_c181", eid = "art_7" },', '{ instrument = "ilo_c181", eid = "art_77" },'),
            "column lessons[1].articles[1].eid: no article 'art_77' in the text of ilo_c181",
        ),
        (
            ('terms = ["private-employment-agency"]', 'terms = ["no-such-term"]'),
            "column lessons[1].terms[1]: no glossary term 'no-such-term'",
        ),
        (("answer = 2\n", "answer = 7\n"), "column lessons[1].questions[1].answer: the number of the right choice"),
        (('es = "¿Quién paga por encontrarle un empleo?"', 'es = ""'), "column lessons[1].title.es: missing or empty"),
        (("[module]", "[module"), "not valid TOML"),
    ],
)
def test_bad_module_files_are_refused_with_the_place_of_the_fault(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = tmp_path / "module.toml"
    assert change[0] in GOOD
    path.write_text(GOOD.replace(change[0], change[1], 1), encoding="utf-8")
    before = Lesson.objects.count()
    with pytest.raises(ImportFileError) as error:
        services.load_training(path, SilentProgress())
    assert message in str(error.value)
    assert Lesson.objects.count() == before


def test_a_folder_missing_modules_is_refused_unless_shrinking_is_allowed(tmp_path: Path) -> None:
    (tmp_path / "one.toml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ImportFileError, match="are not in these files"):
        services.load_training(tmp_path, SilentProgress())
    assert services.load_training(tmp_path, SilentProgress(), allow_shrink=True) == "1 learning modules, 3 lessons"
    assert list(Module.objects.values_list("pk", flat=True)) == [MODULE]


def test_hostile_identifiers_are_not_found_rather_than_errors(client: Client) -> None:
    assert client.get("/api/v1/law/learn/modules/%00").status_code == 404
    refused = client.get("/api/v1/law/learn/modules?audience=%00")
    assert refused.status_code == 400 and refused.json()["error"]["field"] == "audience"
    assert client.get("/api/v1/law/glossary/%00x").status_code == 404


@pytest.mark.parametrize(
    ("url", "fields"),
    [
        ("/en/admin/law/glossaryterm/child/change/", ["term_fr", "term_es", "definitions-0-eid"]),
        ("/en/admin/law/module/rights-when-recruited/change/", ["title_fr", "summary_es"]),
        ("/en/admin/law/lesson/{lesson}/change/", ["title_fr", "body_es", "terms"]),
        ("/en/admin/law/question/{question}/change/", ["text_fr", "explanation_es", "choices-0-text_es"]),
    ],
)
def test_stewards_edit_glossary_and_training_with_language_tabs(url: str, fields: list[str]) -> None:
    from migdev.accounts.tests.factories import StewardFactory

    item = lesson()
    url = url.format(lesson=item.pk, question=item.questions.first().pk)  # type: ignore[union-attr]
    client = signed_in(StewardFactory())
    page = client.get(url).content.decode()
    for field in fields:
        assert f'name="{field}"' in page, field


def test_every_cited_article_and_quote_is_on_its_document_page_at_its_anchor() -> None:
    from lxml import html as lxml_html

    from migdev.law import selectors as law
    from migdev.law.models import DefinitionQuote, LessonArticle, Question

    pages: dict[str, dict[str, str]] = {}

    def sections(instrument: str) -> dict[str, str]:
        if instrument not in pages:
            work = law.instrument_work(law.instrument(instrument))
            assert work is not None
            root = lxml_html.fromstring(law.rendered(law.expression(work)).html)
            pages[instrument] = {s.get("id"): " ".join(s.text_content().split()) for s in root.iter("section")}
        return pages[instrument]

    for cited in [*LessonArticle.objects.all(), *Question.objects.all()]:
        assert cited.anchor in sections(cited.instrument_id), (cited.instrument_id, cited.eid)
    for quote in DefinitionQuote.objects.select_related("definition"):
        page_text = sections(quote.definition.instrument_id)[quote.anchor]
        for line in quote.text.splitlines():
            assert line in page_text, (quote.definition.term_id, line[:60])
