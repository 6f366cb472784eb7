"""In headless Chromium, in French: a migrant reads a lesson, answers its quiz and sees the score; signed in, the
attempt is saved and the module page shows the progress (the demo worker of migdev/labour/demo.py)."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser

WORKER = ("demo-worker", "demo-worker-local")
RIGHT = (
    "Non : les agences ne doivent mettre aucuns frais",
    "Oui : pour cette Convention, le terme travailleurs comprend",
    "Les pays doivent prendre des mesures pour que les frais",
)


def answer_the_quiz(page: Any, wrong_last: bool) -> None:
    for n, text in enumerate(RIGHT):
        if wrong_last and n == len(RIGHT) - 1:
            page.locator("fieldset").nth(n).locator("input").first.check()  # "L'employeur peut les déduire..."
        else:
            page.locator("label", has_text=text).locator("input").check()
    page.get_by_role("button", name="Vérifier mes réponses").click()
    page.wait_for_load_state()


def test_a_migrant_learns_in_french_and_keeps_progress_when_signed_in(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/fr/law/")
    page.get_by_role("link", name="Apprendre", exact=True).click()
    page.get_by_role("link", name="Vos droits quand vous êtes recruté pour travailler à l'étranger").click()
    page.get_by_role("link", name="Qui paie pour vous trouver un emploi ?").click()
    assert (
        "La Convention compte les demandeurs d'emploi parmi les travailleurs"
        in page.locator(".lesson-body").inner_text()
    )
    assert (
        "votre progression n'est enregistrée que si vous êtes connecté" in page.locator("#progress-note").inner_text()
    )

    answer_the_quiz(page, wrong_last=True)
    assert page.get_by_role("status").inner_text() == "Votre score : 2 sur 3"
    assert "Pas tout à fait. La bonne réponse" in page.locator("fieldset.wrong").inner_text()
    assert page.locator(".quiz-progress").count() == 0  # not signed in: nothing saved

    page.goto(f"{site_url}/fr/accounts/login/?next=/fr/law/learn/rights-when-recruited/no-recruitment-fees/")
    page.fill("input[name=username]", WORKER[0])
    page.fill("input[name=password]", WORKER[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".who").inner_text() == WORKER[0]
    assert page.locator("#progress-note").count() == 0

    answer_the_quiz(page, wrong_last=False)
    assert page.get_by_role("status").inner_text() == "Votre score : 3 sur 3"
    assert "Enregistré dans votre progression : meilleur score 3/3" in page.locator(".quiz-progress").inner_text()
    page.get_by_role("link", name="← Vos droits quand vous êtes recruté pour travailler à l'étranger").click()
    progress = page.locator('.progress[data-lesson="no-recruitment-fees"]').inner_text()
    assert progress.startswith("terminée · meilleur score 3/3")
