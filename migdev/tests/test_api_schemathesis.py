"""Schemathesis against the OpenAPI schema, bounded: every operation, anonymous and as two signed-in roles, with a
fixed number of generated examples each. No answer is a 5xx; every answer's status is declared for its operation,
and its body matches the declared schema and content type.

`test_api_fuzz.py` goes deeper on known-hostile values; this test checks that the schema tells the truth.
"""

from collections.abc import Iterator
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
from migdev.accounts.tests.factories import UserFactory
from migdev.labour.tests.factories_protection import official_of
from migdev.labour.tests.factories_registry import WorkerProfileFactory

EXAMPLES_PER_OPERATION = 3
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def identities(db: Any) -> Iterator[dict[str, dict[str, str]]]:
    """Request headers of each identity: anonymous, a migrant worker, a country official (API tokens).

    Requests go straight to the WSGI application, so, as Django's test client does, the end of a request must not
    close the test's connection (PostgreSQL would lose the test's transaction).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    worker = WorkerProfileFactory(user=UserFactory(username="st-worker", is_worker=True)).user
    official = official_of("CAN", "st-official")
    headers: dict[str, dict[str, str]] = {"anonymous": {}}
    for role, user in (("worker", worker), ("official", official)):
        _token, key = create_api_token(user, "schemathesis")
        headers[role] = {"Authorization": f"Bearer {key}"}
    try:
        yield headers
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.parametrize("identity", ["anonymous", "worker", "official"])
def test_every_answer_is_declared_and_matches_its_schema(
    case: Any, identity: str, identities: dict[str, dict[str, str]]
) -> None:
    case.call_and_validate(headers=identities[identity], checks=CHECKS)
