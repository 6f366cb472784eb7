"""Every operation of the OpenAPI schema and every page filter, given hostile input by the roles that may use it,
answers without a 5xx; a 5xx that does happen answers JSON without a traceback or server paths.

A small deterministic fuzzer over the spec: for each operation a baseline request (valid where the baseline below
knows the operation's body) by every role, then, by the roles that reach deepest, one hostile value at a time in
each path parameter, query parameter and body field (huge integers, 1e30, NaN, long strings, wrong types, odd page
numbers). Any 5xx fails the test and names the request that caused it.
"""

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from migdev.config.api import api
from migdev.labour.models import Grievance, Invitation, MatchRun, RiskFlag
from migdev.labour.tests.factories_protection import PlacementFactory, World
from migdev.labour.tests.factories_registry import CROP_WORKER

pytestmark = pytest.mark.django_db

LONG = "x" * 100_000
HOSTILE_INTEGERS: list[Any] = [2**63, 18446744073709551617, -1, 10**400, 1e30]
HOSTILE_NUMBERS: list[Any] = [1e30, "NaN", "Infinity", "123456789012345678901234567890.123456"]
HOSTILE_STRINGS: list[Any] = [LONG, "", "%_%\\", "javascript:alert(1)"]
WRONG_TYPES: list[Any] = [None, [], "not a number"]
HOSTILE_QUERY = [LONG, "18446744073709551617", "-1", "NaN", "1e30", "%", "5321", "9" * 40]
HOSTILE_PATH = ["18446744073709551617", "-1", "abc", "9" * 40]

VACANCY = {
    "title": "Greenhouse worker",
    "occupation": CROP_WORKER,
    "destination": "CAN",
    "place": "Leamington, Ontario",
    "positions": 4,
    "wage_amount": "18.50",
    "wage_currency": "CAD",
    "wage_period": "hour",
    "weekly_hours": 40,
    "contract_months": 6,
    "start_date": "2031-04-01",
    "contract_languages": ["eng"],
    "cost_terms": [{"category": "recruiter_fee", "payer": "employer", "amount": "10", "currency": "CAD"}],
    "skills": [],
}
WORKER = {
    "sex": "F",
    "nationality": "PHL",
    "residence": "PHL",
    "date_of_birth": "1992-03-04",
    "education": 3,
    "languages": [{"language": "eng", "level": "B2"}],
    "occupations": [{"esco": CROP_WORKER, "years_experience": 4}],
}
SCHEME = {
    "code": "fuzz-scheme",
    "name": "Fuzz scheme",
    "kind": "seasonal",
    "destination": "CAN",
    "eligible_origins": ["PHL"],
    "eligible_occupations": ["92"],
    "season_start_month": 1,
    "season_end_month": 12,
    "max_stay_months": 8,
    "max_stay_window_months": 12,
    "cap_per_season": 100,
    "origin_caps": {"PHL": 40},
    "source_url": "https://example.org/rules",
}
# Baseline bodies by operation (method, path); other bodies are built from the schema's types and field names.
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("post", "/api/v1/labour/vacancies"): VACANCY,
    ("put", "/api/v1/labour/vacancies/{vacancy_id}"): VACANCY,
    ("post", "/api/v1/labour/workers/me"): WORKER,
    ("put", "/api/v1/labour/workers/me"): WORKER,
    ("put", "/api/v1/labour/workers/{pseudonym}"): WORKER,
    ("post", "/api/v1/labour/schemes"): SCHEME,
    ("put", "/api/v1/labour/schemes/{scheme_id}"): SCHEME,
    ("post", "/api/v1/accounts/organisations"): {
        "name": "Fuzz orchards",
        "kind": "employer",
        "country": "CAN",
        "website": "https://example.org",
    },
    ("post", "/api/v1/labour/standards"): {
        "country": "CAN",
        "valid_from": "2030-01-01",
        "source": "Fuzz source",
        "minimum_wage": "17.30",
        "currency": "CAD",
        "wage_period": "hour",
        "max_weekly_hours": 48,
        "source_url": "https://example.org/standard",
    },
}
DIASPORA_EXPERT = {
    "sex": "F",
    "origin": "PHL",
    "residence": "CAN",
    "occupation": CROP_WORKER,
    "skills": ["http://data.europa.eu/esco/skill/fuzz-unknown"],
    "languages": [{"language": "eng", "level": "B2"}],
}
DIASPORA_NEED = {
    "title": "Fuzz need",
    "occupation": CROP_WORKER,
    "mode": "virtual",
    "duration_weeks": 4,
    "start_date": "2031-01-01",
    "languages": [{"language": "eng", "level": "B1"}],
}
BODIES.update(
    {
        ("post", "/api/v1/diaspora/experts/me"): DIASPORA_EXPERT,
        ("put", "/api/v1/diaspora/experts/me"): DIASPORA_EXPERT,
        ("post", "/api/v1/diaspora/needs"): DIASPORA_NEED,
        ("put", "/api/v1/diaspora/needs/{need_id}"): DIASPORA_NEED,
        ("post", "/api/v1/diaspora/survey/answers"): {
            "origin": "PHL",
            "residence": "CAN",
            "sex": "F",
            "attachment": 3,
            "contribute_time": "yes",
            "contribute_money": "no",
            "channels": ["skills"],
        },
    }
)
BY_NAME: dict[str, Any] = {
    "country": "CAN",
    "destination": "CAN",
    "origin": "PHL",
    "nationality": "PHL",
    "residence": "PHL",
    "issuing_country": "PHL",
    "currency": "CAD",
    "wage_currency": "CAD",
    "sex": "F",
    "language": "eng",
    "level": "B1",
    "occupation": CROP_WORKER,
    "esco": CROP_WORKER,
    "purpose": "matching",
    "category": "recruiter_fee",
    "payer": "worker",
    "paid_by": "worker",
    "state": "departed",
    "stage": "destination",
    "status": "open",
    "text": "I picked apples for four seasons",
    "month": "2024-05",
}
# The roles that reach deepest into each operation (first match of the path's start wins); the others only send
# the baseline request.
DEEP_ROLES = [
    ("/api/v1/labour/workers/me", ["worker"]),
    ("/api/v1/labour/workers/", ["agency"]),
    ("/api/v1/labour/vacancies/{vacancy_id}/invitations", ["employer"]),
    ("/api/v1/labour/vacancies/{vacancy_id}/publish", ["official_destination"]),
    ("/api/v1/labour/vacancies", ["employer"]),
    ("/api/v1/labour/invitations", ["worker"]),
    ("/api/v1/labour/schemes", ["official_destination"]),
    ("/api/v1/labour/recruiters", ["official_origin"]),
    ("/api/v1/labour/standards", ["steward"]),
    ("/api/v1/labour/placements/{placement_id}/accept", ["worker"]),
    ("/api/v1/labour/placements/{placement_id}/decline", ["worker"]),
    ("/api/v1/labour/placements/{placement_id}/costs", ["worker"]),
    ("/api/v1/labour/placements", ["employer"]),
    ("/api/v1/labour/grievances", ["worker"]),
    ("/api/v1/labour/flags", ["steward"]),
    ("/api/v1/labour/runs", ["official_destination"]),
    ("/api/v1/labour/text-suggestions", ["worker"]),
    ("/api/v1/diaspora/experts", ["worker"]),
    ("/api/v1/diaspora/invitations", ["worker"]),
    ("/api/v1/diaspora/needs", ["employer"]),
    ("/api/v1/diaspora/organisations", ["employer"]),
    ("/api/v1/accounts/organisations/", ["steward"]),
    ("/api/v1/accounts", ["employer"]),
]


@dataclass(frozen=True)
class Case:
    """One request of the fuzzer."""

    role: str
    method: str
    path: str
    query: dict[str, str]
    body: Any

    def describe(self) -> str:
        shown = {k: (v[:20] + "..." if isinstance(v, str) and len(v) > 40 else v) for k, v in self.query.items()}
        body = json.dumps(self.body, default=str)
        return f"{self.role}: {self.method.upper()} {self.path[:120]} {shown} {body[:300]}"


class Fuzzer:
    """Builds the cases of every operation from the OpenAPI schema."""

    def __init__(self, world: World, ids: dict[str, str]) -> None:
        self.schema = api.get_openapi_schema()
        self.components = self.schema["components"]["schemas"]
        self.ids = ids
        self.world = world

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = self.components[node["$ref"].rsplit("/", 1)[1]]
        if "anyOf" in node:
            typed = [self.resolve(n) for n in node["anyOf"] if n.get("type") != "null"]
            return typed[0] if typed else {}
        if "allOf" in node and len(node["allOf"]) == 1:
            return self.resolve(node["allOf"][0])
        return node

    def example(self, name: str, node: dict[str, Any]) -> Any:
        node = self.resolve(node)
        kind = node.get("type")
        if kind == "object":
            if "properties" not in node:
                return {}
            return {key: self.example(key, value) for key, value in node["properties"].items()}
        if kind == "array":
            return [self.example(name, node.get("items", {}))]
        if kind == "integer":
            return 1
        if kind == "number":
            return "10.00"
        if kind == "boolean":
            return False
        if node.get("format") == "date":
            return "2024-05-01"
        if node.get("format") == "date-time":
            return "2024-05-01T00:00:00Z"
        if name in self.ids:
            return self.ids[name]
        return BY_NAME.get(name, "test")

    def hostile(self, node: dict[str, Any]) -> list[Any]:
        kind = self.resolve(node).get("type")
        values = {"integer": HOSTILE_INTEGERS, "number": HOSTILE_NUMBERS}.get(str(kind), HOSTILE_STRINGS)
        return values + WRONG_TYPES

    def body_variants(self, body: Any, node: dict[str, Any], depth: int = 0) -> Iterator[Any]:
        """The body with one field at a time (at any depth up to 2) given each hostile value."""
        node = self.resolve(node)
        if node.get("type") != "object" or not isinstance(body, dict) or depth > 2:
            return
        for key, child in node.get("properties", {}).items():
            for value in self.hostile(child):
                yield {**body, key: value}
            resolved = self.resolve(child)
            if resolved.get("type") == "array" and isinstance(body.get(key), list) and body[key]:
                for item in self.body_variants(body[key][0], resolved.get("items", {}), depth + 1):
                    yield {**body, key: [item]}
            elif resolved.get("type") == "object" and isinstance(body.get(key), dict):
                for inner in self.body_variants(body[key], child, depth + 1):
                    yield {**body, key: inner}

    def cases(self) -> Iterator[Case]:
        for template, operations in self.schema["paths"].items():
            for method, operation in operations.items():
                yield from self.operation_cases(template, method, operation)

    def operation_cases(self, template: str, method: str, operation: dict[str, Any]) -> Iterator[Case]:
        parameters = operation.get("parameters", [])
        path_values = {p["name"]: self.ids.get(p["name"], "1") for p in parameters if p["in"] == "path"}
        query_values = {
            p["name"]: str(self.example(p["name"], p["schema"]))
            for p in parameters
            if p["in"] == "query" and p.get("required")
        }
        body_node: dict[str, Any] | None = None
        body: Any = None
        if "requestBody" in operation:
            content = operation["requestBody"]["content"]  # JSON first; a multipart-only upload gets its fields
            body_node = (content.get("application/json") or next(iter(content.values())))["schema"]
            body = BODIES.get((method, template)) or self.example("body", body_node)

        def path(values: dict[str, str]) -> str:
            filled = template
            for key, value in values.items():
                filled = filled.replace("{" + key + "}", value)
            return filled

        deep = next((roles for start, roles in DEEP_ROLES if template.startswith(start)), ["steward"])
        for role in ["anonymous", "worker", "employer", "official_destination", "official_other", "steward"]:
            yield Case(role, method, path(path_values), query_values, body)
        for role in deep if operation.get("security") else ["anonymous", *deep]:
            for name in path_values:
                for value in HOSTILE_PATH:
                    yield Case(role, method, path({**path_values, name: value}), query_values, body)
            for parameter in parameters:
                if parameter["in"] != "query":
                    continue
                for value in HOSTILE_QUERY:
                    yield Case(role, method, path(path_values), {**query_values, parameter["name"]: value}, body)
            if body_node is not None:
                for variant in self.body_variants(body, body_node):
                    yield Case(role, method, path(path_values), query_values, variant)
                for wrong in WRONG_TYPES:
                    yield Case(role, method, path(path_values), query_values, wrong)


def request(client: Client, case: Case) -> int:
    encoded = json.dumps(case.body, default=str).replace('"NaN"', "NaN") if case.body is not None else None
    call = getattr(client, case.method)
    if case.method == "get":
        response = call(case.path, case.query)
    else:
        path = case.path + ("?" + "&".join(f"{k}={v}" for k, v in case.query.items()) if case.query else "")
        response = call(path, encoded or "", content_type="application/json")
    return int(response.status_code)


def world_ids(world: World) -> dict[str, str]:
    """Ids of real rows, so path parameters reach past the lookup."""
    placement = PlacementFactory(vacancy=world.vacancy, worker=world.worker)
    invitation = Invitation.objects.create(vacancy=world.vacancy, worker=world.worker)
    grievance = Grievance.objects.filter().first()
    flag = RiskFlag.objects.filter().first()
    run = MatchRun.objects.filter().first()
    return {
        "vacancy_id": str(world.vacancy.pk),
        "scheme_id": str(world.scheme.pk),
        "organisation_id": str(world.recruiter.pk),
        "agency_id": str(world.agency.pk),
        "pseudonym": world.worker.pseudonym,
        "worker": world.worker.pseudonym,
        "vacancy": str(world.vacancy.pk),
        "placement_id": str(placement.pk),
        "invitation_id": str(invitation.pk),
        "grievance_id": str(grievance.pk if grievance else 1),
        "flag_id": str(flag.pk if flag else 1),
        "run_id": str(run.pk if run else 1),
        "assignment_id": "1",
        "person_id": str(world.worker.user.pk),
        "token_id": "1",
        "code": "CAN",
        "indicator": "stock",
        "occupation_id": "1",
        "skill_id": "1",
        "employer": str(world.employer.pk),
        **diaspora_ids(world),
    }


def diaspora_ids(world: World) -> dict[str, str]:
    """A need of the world's employer (as a home institution), an expert profile of its worker, an invitation and an
    assignment between them, and a registry entry, so the diaspora operations reach past their lookups."""
    from datetime import date

    from migdev.diaspora.models import (
        Assignment,
        DiasporaOrganisation,
        ExpertInvitation,
        ExpertProfile,
        Initiative,
        Need,
    )

    occupation = world.vacancy.occupation
    need = Need.objects.create(
        organisation=world.employer,
        country=world.employer.country,
        title="Fuzz need",
        occupation=occupation,
        mode="virtual",
        duration_weeks=4,
        start_date=date(2031, 1, 1),
    )
    expert = ExpertProfile.objects.create(
        user=world.worker.user,
        pseudonym="D-FUZZ0001",
        sex_id="F",
        origin_id="PHL",
        residence_id="CAN",
        occupation=occupation,
    )
    invitation = ExpertInvitation.objects.create(need=need, expert=expert)
    assignment = Assignment.objects.create(
        invitation=invitation, start_date=date(2031, 1, 1), end_date=date(2031, 2, 1)
    )
    entry = DiasporaOrganisation.objects.create(
        organisation=world.employer, origin_id="PHL", residence_id="CAN", focus_en="Fuzz"
    )
    initiative = Initiative.objects.create(diaspora_organisation=entry, title_en="Fuzz", kind="trade", country_id="PHL")
    return {
        "need_id": str(need.pk),
        "expert_invitation_id": str(invitation.pk),
        "expert_assignment_id": str(assignment.pk),
        "entry_id": str(entry.pk),
        "initiative_id": str(initiative.pk),
        "expert": expert.pseudonym,
    }


def test_no_api_operation_answers_a_server_error_to_hostile_input(settings: Any) -> None:
    settings.DEBUG = True
    settings.LABOUR_MATCHING_SYNC = True
    world = World()
    fuzzer = Fuzzer(world, world_ids(world))
    clients: dict[str, Client] = {}
    for role, user in world.roles().items():
        clients[role] = Client()
        if not isinstance(user, AnonymousUser):
            clients[role].force_login(user)
    failures = []
    count = 0
    for case in fuzzer.cases():
        count += 1
        status = request(clients[case.role], case)
        if status >= 500:
            failures.append(f"{status} {case.describe()}")
    assert count > 1000
    assert not failures, f"{len(failures)} of {count} requests failed:\n" + "\n".join(failures[:200])


# Pages with GET filters: (url name, its arguments, the filters it reads, a role that sees it).
PAGE_FILTERS: list[tuple[str, dict[str, Any], list[str], str]] = [
    ("labour:vacancy_list", {}, ["destination", "isco", "q"], "anonymous"),
    ("labour:pick", {}, ["field", "q", "occupation_add", "occupation_add_q"], "worker"),
    ("labour:standard_list", {}, ["country"], "anonymous"),
    ("labour:market", {}, ["level", "group", "month", "basis"], "anonymous"),
    ("labour:market_country", {"code": "CAN"}, ["level", "group", "month", "basis"], "anonymous"),
    ("labour:protection_placements", {}, ["state"], "employer"),
    ("labour:protection_flags", {}, ["kind"], "steward"),
    ("labour:protection_recruitment_cost", {}, ["origin", "destination", "occupation", "period"], "anonymous"),
    ("labour:protection_circular", {}, ["scheme", "origin", "destination", "period"], "anonymous"),
    ("stats:index", {}, ["indicator", "year", "sex", "map"], "anonymous"),
    ("stats:search", {}, ["q"], "anonymous"),
    ("accounts:audit_log", {}, ["subject", "action", "page"], "steward"),
    ("remittances:index", {}, ["period"], "anonymous"),
    ("remittances:corridor", {}, ["sending", "receiving", "period"], "anonymous"),
    ("remittances:country", {"code": "MEX"}, ["period"], "anonymous"),
    ("diaspora:map_index", {}, ["origin"], "anonymous"),
    ("diaspora:map", {"code": "PHL"}, ["year", "sex"], "anonymous"),
    ("diaspora:organisation_list", {}, ["origin", "q", "kind", "objective"], "anonymous"),
    ("diaspora:need_list", {}, ["country", "q"], "employer"),
    ("diaspora:survey_results", {}, ["breakdown", "origin"], "anonymous"),
    (
        "law:search",
        {},
        ["q", "kind", "language", "type", "theme", "country", "year", "party", "versions", "page"],
        "anonymous",
    ),
]


def test_no_page_filter_answers_a_server_error_to_hostile_input() -> None:
    from django.urls import reverse

    world = World()
    users = world.roles()
    failures = []
    for name, kwargs, filters, role in PAGE_FILTERS:
        client = Client(raise_request_exception=False)
        if not isinstance(users[role], AnonymousUser):
            client.force_login(users[role])
        url = reverse(name, kwargs=kwargs)
        base = {"labour:pick": {"field": "occupation_add"}, "law:search": {"q": "migrant"}}.get(name, {})
        for parameter in filters:
            for value in HOSTILE_QUERY:
                status = client.get(url, {**base, parameter: value}).status_code
                if status >= 500:
                    failures.append(f"{status} {role}: GET {url} {parameter}={value[:20]}")
    assert not failures, "\n".join(failures)


class Recorded(logging.Handler):
    """Keeps the records logged while it is attached."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_server_error_answers_the_error_shape_without_traceback_even_in_debug(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from migdev.labour.selectors import registry as selectors

    def broken(**filters: Any) -> Any:
        raise RuntimeError("boom in /srv/migdev/secret/path.py")

    settings.DEBUG = True
    monkeypatch.setattr(selectors, "published_vacancies", broken)
    recorded = Recorded()
    logging.getLogger("migdev.api").addHandler(recorded)
    try:
        response = Client().get("/api/v1/labour/vacancies")
    finally:
        logging.getLogger("migdev.api").removeHandler(recorded)
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["error"]["code"] == "server_error" and body["error"]["field"] is None
    text = response.content.decode()
    assert "Traceback" not in text and "/srv/" not in text and "boom" not in text and ".py" not in text
    assert any(record.exc_info and "boom" in str(record.exc_info[1]) for record in recorded.records)
