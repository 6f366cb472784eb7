"""A worker's empty recommendations say why, one line per cause that holds, each with a link to where it is fixed
or explained: not looking for work, no skills, no published vacancy, or no vacancy open to them (with the rules that
close them)."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from migdev.accounts.models import User
from migdev.labour.models import Vacancy, WorkerProfile
from migdev.labour.tests.factories_matching import MatchingWorld

pytestmark = pytest.mark.django_db

PAGE = "/en/labour/worker/recommendations/"


@pytest.fixture
def world() -> MatchingWorld:
    return MatchingWorld()


def why(worker: WorkerProfile) -> list[tuple[str, set[str]]]:
    """Each cause shown (its text, the links in it)."""
    client = Client()
    user = worker.user
    assert isinstance(user, User)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get(PAGE).content.decode()
    section = re.search(r'<section[^>]*id="why-none".*?</section>', html, flags=re.S)
    assert section is not None, "no 'why' section on the page"
    causes = re.findall(r'<li class="cause">(.*?)</li>\s*(?=<li class="cause">|</ul>\s*</section>)', section[0], re.S)
    return [(re.sub(r"<[^>]+>|\s+", " ", cause).strip(), set(re.findall(r'href="([^"]+)"', cause))) for cause in causes]


def test_a_worker_not_looking_for_work_is_told_so_with_a_link_to_the_profile(world: MatchingWorld) -> None:
    WorkerProfile.objects.filter(pk=world.best.pk).update(is_available=False)
    [(text, links)] = why(world.best)
    assert "not marked as looking for work" in text
    assert "no skills" not in text
    assert reverse("labour:my_profile") in links


def test_a_worker_without_skills_is_told_so(world: MatchingWorld) -> None:
    world.best.skills.all().delete()
    [(text, links)] = why(world.best)
    assert "lists no skills" in text and reverse("labour:my_profile") in links


def test_both_causes_are_listed_when_both_hold(world: MatchingWorld) -> None:
    WorkerProfile.objects.filter(pk=world.best.pk).update(is_available=False)
    world.best.skills.all().delete()
    texts = [text for text, _links in why(world.best)]
    assert len(texts) == 2
    assert any("looking for work" in t for t in texts) and any("no skills" in t for t in texts)


def test_no_eligible_vacancy_says_which_rules_close_them(world: MatchingWorld) -> None:
    [(text, links)] = why(world.foreign)
    assert "None of the 2 published vacancies is open to you" in text
    assert "does not admit nationals of Guatemala" in text and "(2 vacancies)" in text
    assert reverse("labour:my_vacancies") in links


def test_no_published_vacancy_links_the_vacancy_list(world: MatchingWorld, settings: Any) -> None:
    Vacancy.objects.update(state=Vacancy.State.CLOSED)
    [(text, links)] = why(world.best)
    assert "No vacancy is published" in text and reverse("labour:vacancy_list") in links


def test_recommendations_have_no_why_section(world: MatchingWorld) -> None:
    client = Client()
    client.force_login(world.best.user, backend="django.contrib.auth.backends.ModelBackend")
    html = client.get(PAGE).content.decode()
    assert "Orchard" in html and 'id="why-none"' not in html
