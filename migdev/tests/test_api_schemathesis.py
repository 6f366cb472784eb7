"""Schemathesis against the OpenAPI schema, bounded. No answer is a 5xx; every answer's status is declared for its
operation, and its body matches the declared schema and content type.

- Generated examples: every operation, anonymous and as two signed-in roles (a migrant worker, a country official),
  a fixed number of examples each.
- Boundary cases (schemathesis's coverage phase: each parameter and field missing, at its limits, of a wrong type,
  and the methods an address does not take): every operation once, as a role the permission matrix lets call it, so
  the cases reach validation and the service behind it. The cases do not depend on who sends them; sent by a role
  that is refused at the door (anonymous to a signed-in operation), they would only be refused again.

`test_api_fuzz.py` goes deeper on known-hostile values; this test checks that the schema tells the truth.
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from migdev.accounts.services import create_api_token
from migdev.accounts.tests.factories import StewardFactory, UserFactory
from migdev.labour.tests.factories_protection import official_of
from migdev.labour.tests.factories_registry import WorkerProfileFactory
from migdev.tests.permission_matrix import API

EXAMPLES_PER_OPERATION = 3
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def identities(db: Any) -> Iterator[Callable[[str], dict[str, str]]]:
    """The request headers of an identity, made when first asked for: anonymous, a migrant worker, a country
    official or a steward (API tokens).

    Requests go straight to the WSGI application, so, as Django's test client does, the end of a request must not
    close the test's connection (PostgreSQL would lose the test's transaction).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    made: dict[str, dict[str, str]] = {"anonymous": {}}
    users = {
        "worker": lambda: WorkerProfileFactory(user=UserFactory(username="st-worker", is_worker=True)).user,
        "official": lambda: official_of("CAN", "st-official"),
        "steward": lambda: StewardFactory(username="st-steward"),
    }

    def headers(identity: str) -> dict[str, str]:
        if identity not in made:
            _token, key = create_api_token(users[identity](), "schemathesis")
            made[identity] = {"Authorization": f"Bearer {key}"}
        return made[identity]

    try:
        yield headers
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def caller(operation: str) -> str:
    """Who sends an operation's boundary cases: a role its matrix row lets call it (official first, the role of
    most writes), anonymous for public reads, the steward otherwise."""
    may = API[operation].may
    for identity in ("official", "worker", "anonymous"):
        if identity in may:
            return identity
    return "steward"


SETTINGS = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "suppress_health_check": list(HealthCheck),
}


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, phases=[Phase.generate], **SETTINGS)
@pytest.mark.parametrize("identity", ["anonymous", "worker", "official"])
def test_every_answer_is_declared_and_matches_its_schema(
    case: Any, identity: str, identities: Callable[[str], dict[str, str]]
) -> None:
    case.call_and_validate(headers=identities(identity), checks=CHECKS)


@schema.parametrize()
@settings(phases=[Phase.explicit], **SETTINGS)
def test_every_boundary_case_is_declared_and_matches_its_schema(
    case: Any, identities: Callable[[str], dict[str, str]]
) -> None:
    case.call_and_validate(headers=identities(caller(case.operation.label)), checks=CHECKS)
