"""No query per row: every page is read, with the demo data loaded, as each demo role, and a page that sends the same
SQL statement (numbers, strings and IN-lists aside) more than a few times is a query inside a loop.

Pages without parameters come from the URL resolver, so a new room's lists are checked without a line here; the
main detail pages are listed in DETAIL_PAGES with the demo record they show.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from migdev.accounts.models import Organisation, User
from migdev.core.datasets import demo_steps, run_demo
from migdev.core.progress import SilentProgress
from migdev.diaspora.models import DiasporaOrganisation, Need
from migdev.labour.models import Placement, Scheme, Vacancy
from migdev.law.models import Instrument, Work

pytestmark = pytest.mark.django_db

MAX_REPEATS = 3  # a page may read e.g. the session, the user and one list twice; more is a loop
ROLES = (None, "demo-steward", "demo-official", "demo-employer", "demo-worker")
NOT_PAGES = ("/en/accounts/logout/", "/en/labour/pick/", "/en/set-language/")

DETAIL_PAGES: dict[str, Callable[[], str]] = {
    "stats profile": lambda: reverse("stats:profile", args=["PHL"]),
    "corridor": lambda: reverse("corridors:corridor", args=["PHL", "CAN"]),
    "rcp process": lambda: reverse("rcp:process", args=["colombo"]),
    "rcp country": lambda: reverse("rcp:country", args=["LKA"]),
    "vacancy": lambda: reverse("labour:vacancy_detail", args=[_first(Vacancy.objects.filter(state="published"))]),
    "scheme runs": lambda: reverse("labour:match_runs", args=[_first(Scheme.objects.all())]),
    "placement": lambda: reverse("labour:protection_placement", args=[_first(Placement.objects.all())]),
    "labour market": lambda: reverse("labour:market_country", args=["PHL"]),
    "organisation": lambda: reverse("accounts:organisation", args=[_first(Organisation.objects.all())]),
    "instrument": lambda: reverse("law:instrument", args=[_first(Instrument.objects.all())]),
    "law country": lambda: reverse("law:country", args=["PHL"]),
    "law document": lambda: reverse("law:document", args=[_first(Work.objects.exclude(expressions=None))]),
    "remittances country": lambda: reverse("remittances:country", args=["PHL"]),
    "diaspora map": lambda: reverse("diaspora:map", args=["PHL"]),
    "diaspora organisation": lambda: reverse(
        "diaspora:organisation_detail", args=[_first(DiasporaOrganisation.objects.all())]
    ),
    "need": lambda: reverse("diaspora:need_detail", args=[_first(Need.objects.all())]),
}


def _first(rows: object) -> object:
    found = rows.order_by("pk").values_list("pk", flat=True).first()  # type: ignore[attr-defined]
    assert found is not None, f"the demo holds no {rows.model.__name__}"  # type: ignore[attr-defined]
    return found


def _plain_pages(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _plain_pages(pattern.url_patterns, route)
        elif "<" not in route and "(?P" not in route and route.startswith("en/") and "admin" not in route:
            yield "/" + route.replace("^", "").replace("$", "")


def _statement(sql: str) -> str:
    return re.sub(r"\b\d+\b|'[^']*'|%s", "?", re.sub(r"IN \([^)]*\)", "IN (...)", sql))


def _loops(client: Client, path: str) -> str | None:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        return None
    counts = Counter(_statement(q["sql"]) for q in queries.captured_queries)
    statement, times = counts.most_common(1)[0] if counts else ("", 0)
    if times <= MAX_REPEATS:
        return None
    return f"{path}: {times}× {statement[:160]}"


def test_no_page_sends_a_query_per_row() -> None:
    for step in demo_steps():
        run_demo(step, SilentProgress())
    pages = [p for p in _plain_pages(get_resolver().url_patterns) if p not in NOT_PAGES]
    pages += [detail() for detail in DETAIL_PAGES.values()]
    assert len(pages) > 60
    loops = []
    for username in ROLES:
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        loops += [f"{username or 'anonymous'} {found}" for path in pages if (found := _loops(client, path))]
    assert not loops, "queries inside a loop:\n" + "\n".join(loops)
