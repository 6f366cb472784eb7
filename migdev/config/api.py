"""The REST API root: /api/v1/..., OpenAPI docs at /api/docs, one error format."""

import logging
from typing import Any

from django.core.exceptions import TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import django_auth

from migdev.accounts.api import ApiTokenAuth
from migdev.accounts.api import router as accounts_router
from migdev.config.openapi import declare_error_responses
from migdev.core.api import router as core_router
from migdev.core.errors import DomainError, PermissionDenied
from migdev.core.security import error_reference
from migdev.corridors.api import router as corridors_router
from migdev.diaspora.api import router as diaspora_router
from migdev.impact.api import router as impact_router
from migdev.labour.api import router as labour_router
from migdev.law.api import router as law_router
from migdev.partnerships.api import router as partnerships_router
from migdev.policy.api import router as policy_router
from migdev.rcp.api import router as rcp_router
from migdev.remittances.api import router as remittances_router
from migdev.stats.api import router as stats_router

logger = logging.getLogger("migdev.api")


class MigdevAPI(NinjaAPI):
    """The API, whose OpenAPI schema also declares every error answer (`config/openapi.py`)."""

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return declare_error_responses(self, schema)


api = MigdevAPI(
    title="MigDev API",
    version="1",
    description="Migration and development: statistics, reference data, and the rooms of MigDev.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=None,
)


def error_body(code: str, message: str, field: str | None = None) -> dict[str, dict[str, str | None]]:
    """The one error shape of the API: a machine code, a human message, the field at fault."""
    return {"error": {"code": code, "message": message, "field": field}}


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return api.create_response(request, error_body(exc.code, str(exc.message), exc.field), status=exc.status)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, error_body("forbidden", str(exc.message), exc.field), status=403)


@api.exception_handler(NinjaValidationError)
def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    location = [str(part) for part in first.get("loc", []) if part not in ("body", "query", "path", "payload")]
    field = ".".join(location) or None
    message = first.get("msg", "Invalid input")
    return api.create_response(
        request, error_body("invalid", f"{field}: {message}" if field else message, field), status=422
    )


@api.exception_handler(AuthenticationError)
def on_authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, error_body("unauthenticated", "Authentication required"), status=401)


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code = {404: "not_found", 403: "forbidden", 401: "unauthenticated", 429: "throttled"}.get(exc.status_code, "error")
    return api.create_response(request, error_body(code, str(exc)), status=exc.status_code)


@api.exception_handler(MultiPartParserError)
@api.exception_handler(TooManyFilesSent)
def on_malformed_form(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A multipart body that cannot be read (no boundary, cut short, too many files): the sender's fault, as Django
    answers it on pages."""
    message = _("The body is not valid multipart/form-data: %(problem)s") % {"problem": exc}
    return api.create_response(request, error_body("malformed_body", message), status=400)


@api.exception_handler(Exception)
def on_server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Any other failure: logged with its traceback, answered in the one error shape without server details.

    Replaces django-ninja's default, which answers a plain-text traceback (with server paths) when DEBUG is on.
    """
    reference = error_reference(request)
    logger.error("API error %s on %s %s", reference, request.method, request.path, exc_info=exc)
    body = error_body("server_error", _("Something went wrong on our side; it has been logged."))
    body["error"]["reference"] = reference
    return api.create_response(request, body, status=500)


# Routers that need a signed-in user use AUTH: a session cookie or a bearer API token.
AUTH = [ApiTokenAuth(), django_auth]

api.add_router("/v1/core", core_router)
api.add_router("/v1/accounts", accounts_router)
api.add_router("/v1/stats", stats_router)
api.add_router("/v1/labour", labour_router)
api.add_router("/v1/law", law_router)
api.add_router("/v1/remittances", remittances_router)
api.add_router("/v1/diaspora", diaspora_router)
api.add_router("/v1/rcp", rcp_router)
api.add_router("/v1/partnerships", partnerships_router)
api.add_router("/v1/policy", policy_router)
api.add_router("/v1/impact", impact_router)
api.add_router("/v1/corridors", corridors_router)
