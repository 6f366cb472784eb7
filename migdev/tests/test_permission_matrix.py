"""Every page and API operation, called by every role, answers as the permission matrix says (issue 15 item 3).

The endpoints come from the URL resolver and the OpenAPI schema, so a new endpoint without a row in
`permission_matrix` fails `test_every_endpoint_has_a_row`. Each matrix test builds the world once and sends each
row's request as every role (writes rolled back), collecting every disagreement before failing.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from migdev.config.api import api
from migdev.tests.permission_bodies import BodyBuilder
from migdev.tests.permission_matrix import API, NAMED_RECORD, PAGES, PRIVATE_OBJECTS, SCOPED_LISTS, Row
from migdev.tests.permission_world import MISSING_ID, ROLES, SIGNED_IN, Clients, MatrixWorld

OPERATIONS = {"get", "post", "put", "patch", "delete"}
# Admin apps only superusers open: accounts' security (groups are unused, permissions come from rules) and login logs.
SUPERUSER_ONLY_ADMIN = {"auth", "axes"}


def url_names() -> Iterator[tuple[str, URLPattern]]:
    """Every named URL pattern outside the API and the admin, with its namespace (i18n variants once)."""

    def walk(resolver: URLResolver, namespace: str) -> Iterator[tuple[str, URLPattern]]:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in [namespace, pattern.namespace or ""] if part)
                yield from walk(pattern, inner)
            else:
                yield ":".join(part for part in [namespace, pattern.name or ""] if part), pattern

    for name, pattern in walk(get_resolver(), ""):
        if name.split(":")[0] not in {"admin", "api"}:
            yield name, pattern


def api_operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            if method in OPERATIONS:
                yield method, path, operation


def uncovered(pages_rows: dict[str, Row], api_rows: dict[str, Row]) -> dict[str, list[str]]:
    """The endpoints without a row, and the rows whose endpoint is gone."""
    pages = {name for name, _ in url_names()}
    operations = {f"{method.upper()} {path}" for method, path, _ in api_operations()}
    return {
        "pages without a row": sorted(pages - set(pages_rows)),
        "API operations without a row": sorted(operations - set(api_rows)),
        "rows for endpoints that are gone": sorted((set(pages_rows) - pages) | (set(api_rows) - operations)),
    }


def test_every_endpoint_has_a_row() -> None:
    """A page or API operation without a row in migdev/tests/permission_matrix.py fails here, named."""
    assert uncovered(PAGES, API) == {
        "pages without a row": [],
        "API operations without a row": [],
        "rows for endpoints that are gone": [],
    }


def test_an_endpoint_without_a_row_is_named() -> None:
    api_rows = {key: row for key, row in API.items() if key != "GET /api/v1/labour/runs/{run_id}"}
    pages_rows = {key: row for key, row in PAGES.items() if key != "labour:match_run"}
    found = uncovered(pages_rows, api_rows)
    assert found["pages without a row"] == ["labour:match_run"]
    assert found["API operations without a row"] == ["GET /api/v1/labour/runs/{run_id}"]


def _fill(template: str, row: Row, world: MatrixWorld, ids: dict[str, str], missing: bool = False) -> str:
    values = {**ids, **{name: str(make(world)) for name, make in row.params.items()}}
    for name in [part.split("}")[0] for part in template.split("{")[1:]]:
        template = template.replace("{" + name + "}", MISSING_ID if missing else values[name])
    return template + ("?" + row.query.format(**values) if row.query else "")


def _expected_refusal(role: str, row: Row, api_call: bool) -> str:
    if role == "anonymous":
        return "401" if api_call else "login"
    if row.refused is not None:
        return str(row.refused)
    return "404" if row.hidden and role not in row.sees else "403"


def _probed(role: str, row: Row) -> bool:
    """Whether the role must not learn the object exists: its answer must match a missing id's."""
    return row.hidden and role not in row.may | row.sees and role != "anonymous"


def _answer(response: Any) -> str:
    if response.status_code == 302 and "/login/" in response.get("Location", ""):
        return "login"
    return str(response.status_code)


def _check(role: str, row: Row, write: bool, answer: str, api_call: bool) -> str | None:
    """What is wrong with one answer, or None."""
    if answer.startswith("5"):
        return f"server error {answer}"
    if role in row.may:
        if write:
            return None if answer not in {"401", "403", "404", "405", "login"} else f"refused ({answer})"
        return None if answer in {str(s) for s in row.ok} else f"expected {sorted(row.ok)}, got {answer}"
    expected = _expected_refusal(role, row, api_call)
    return None if answer == expected else f"expected {expected} (refused), got {answer}"


@pytest.fixture
def world(settings: Any) -> MatrixWorld:
    settings.LABOUR_MATCHING_SYNC = True
    return MatrixWorld()


@pytest.mark.django_db
def test_every_api_operation_answers_each_role_as_the_matrix_says(world: MatrixWorld) -> None:
    ids, clients = world.ids(), Clients(world)
    bodies = BodyBuilder(api.get_openapi_schema())
    failures = []
    for method, template, operation in api_operations():
        key = f"{method.upper()} {template}"
        row = API[key]
        body = bodies.body(operation)
        if row.body is not None and isinstance(body, dict):
            body = {**body, **(row.body(world) if callable(row.body) else row.body)}
        path = _fill(template, row, world, ids)
        for role in ROLES:
            answer = _answer(clients.send(role, method, path, body))
            problem = _check(role, row, method != "get", answer, api_call=True)
            if problem is None and _probed(role, row) and "{" in template:
                missing = _answer(clients.send(role, method, _fill(template, row, world, ids, missing=True), body))
                if missing != answer:
                    problem = f"a forbidden id answers {answer}, a missing one {missing}: ids can be probed"
            if problem:
                failures.append(f"{role:15} {key}: {problem}")
    assert not failures, f"{len(failures)} answers disagree with the matrix:\n" + "\n".join(failures)


@pytest.mark.django_db
def test_every_page_answers_each_role_as_the_matrix_says(world: MatrixWorld) -> None:
    ids, clients = world.ids(), Clients(world)
    failures = []
    for name, pattern in url_names():
        row = PAGES[name]
        keys = list(pattern.pattern.regex.groupindex)
        values = {**ids, **{key: str(make(world)) for key, make in row.params.items()}}
        path = reverse(name, kwargs={key: values[key] for key in keys})
        query = "?" + row.query.format(**values) if row.query else ""
        for role in ROLES:
            response = clients.send(role, row.method, path + query, {}, form=True)
            answer = _answer(response)
            problem = _check(role, row, False, answer, api_call=False)
            if problem is None and _probed(role, row) and keys:
                missing_path = reverse(name, kwargs={key: MISSING_ID if key in ids else values[key] for key in keys})
                missing = _answer(clients.send(role, row.method, missing_path + query, {}, form=True))
                if missing != answer:
                    problem = f"a forbidden id answers {answer}, a missing one {missing}: ids can be probed"
            if problem:
                failures.append(f"{role:15} {name} {row.method.upper()} {path}: {problem}")
    assert not failures, f"{len(failures)} answers disagree with the matrix:\n" + "\n".join(failures)


@pytest.mark.django_db
def test_every_admin_page_is_for_staff_stewards_only(world: MatrixWorld) -> None:
    """Every registered model's changelist and change form: visitors and non-staff are sent to the admin's sign-in,
    the steward (staff) reads them, except the superuser-only apps, which refuse the steward (403)."""
    clients = Clients(world)
    failures = []
    models = 0
    for model, model_admin in admin.site._registry.items():
        models += 1
        info = (model._meta.app_label, model._meta.model_name)
        paths = [reverse("admin:{}_{}_changelist".format(*info))]
        first = model_admin.get_queryset(_request_for(world.steward)).order_by("pk").first()
        if first is not None:
            paths.append(reverse("admin:{}_{}_change".format(*info), args=[first.pk]))
        for path in paths:
            for role in ROLES:
                response = clients.send(role, "get", path)
                location = response.get("Location", "")
                if role == "steward":
                    ok = response.status_code == (403 if info[0] in SUPERUSER_ONLY_ADMIN else 200)
                else:
                    ok = response.status_code == 302 and "/admin/login/" in location
                if not ok:
                    failures.append(f"{role:15} {path}: {response.status_code} {location}")
    assert models > 20
    assert not failures, "\n".join(failures)


def _request_for(user: Any) -> Any:
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.django_db
def test_lists_and_worker_records_show_private_objects_only_to_roles_that_see_them(world: MatrixWorld) -> None:
    clients = Clients(world)
    failures = []
    for path, object_id, allowed in SCOPED_LISTS:
        for role in sorted(SIGNED_IN):
            items = clients.send(role, "get", path).json()
            listed = object_id(world) in [item["id"] for item in items]
            if listed != (role in allowed):
                failures.append(f"{role:15} {path}: {'lists' if listed else 'misses'} the world's object")
    for role in sorted(SIGNED_IN):
        record = clients.send(role, "get", f"/api/v1/labour/workers/{world.worker.pseudonym}").json()
        named = "date_of_birth" in record
        if named != (role in NAMED_RECORD):
            failures.append(f"{role:15} worker record: {'named' if named else 'pseudonymous'}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_private_objects_are_not_found_by_roles_that_may_not_know_them(world: MatrixWorld) -> None:
    """A draft vacancy or a pending organisation answers as a missing id to every role that may not see it."""
    clients = Clients(world)
    failures = []
    for what, address, object_id, allowed in PRIVATE_OBJECTS:
        path, missing_path = address.format(id=object_id(world)), address.format(id=MISSING_ID)
        for role in ROLES:
            answer = _answer(clients.send(role, "get", path))
            if role in allowed:
                problem = None if answer == "200" else f"expected 200, got {answer}"
            else:
                missing = _answer(clients.send(role, "get", missing_path))
                problem = (
                    None if answer == missing and answer in {"404", "login"} else f"{answer}, missing id {missing}"
                )
            if problem:
                failures.append(f"{role:15} {what} {path}: {problem}")
    assert not failures, "\n".join(failures)
