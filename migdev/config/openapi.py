"""The error answers of every API operation, declared in the OpenAPI schema in the one error shape.

django-ninja declares the answers an operation's view returns; the errors come from shared handlers instead
(`config/api.py`) and the request-size middleware, so they are added here, operation by operation, from what the
operation can meet: 400 (a domain rule), 404 (a missing object), 422 (invalid input) for every operation; 401 and
403 for operations that need a signed-in user; 413 for operations that take a body; 429 for throttled operations.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

ERROR_SCHEMA_NAME = "Error"
ERROR_SCHEMA: dict[str, Any] = {
    "title": ERROR_SCHEMA_NAME,
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "field"],
            "properties": {
                "code": {"type": "string", "description": "A machine code: invalid, not_found, forbidden, ..."},
                "message": {"type": "string", "description": "What went wrong, in the request's language"},
                "field": {"type": ["string", "null"], "description": "The parameter or field at fault, if one"},
                "reference": {"type": "string", "description": "For server errors: the reference in the log"},
            },
        }
    },
}

ERRORS = {
    400: _("The request breaks a rule of the domain (the message says which)."),
    401: _("Authentication required: a session cookie or a bearer API token."),
    403: _("The signed-in user may not do this."),
    404: _("No such object, or not one the user may see."),
    413: _("The request body is too large."),
    422: _("Invalid input: the field at fault is named."),
    429: _("Too many requests: try again later."),
}


def operation_ids_with(api: NinjaAPI, attribute: str) -> set[str]:
    """The operation ids of the operations that have a non-empty `attribute` (e.g. "throttle_objects")."""
    found = set()
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                if getattr(operation, attribute, None):
                    found.add(api.get_openapi_operation_id(operation))
    return found


def declare_error_responses(api: NinjaAPI, schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error answers each operation can give to `schema` (in place) and return it."""
    schema.setdefault("components", {}).setdefault("schemas", {})[ERROR_SCHEMA_NAME] = ERROR_SCHEMA
    reference = {"$ref": f"#/components/schemas/{ERROR_SCHEMA_NAME}"}
    throttled = operation_ids_with(api, "throttle_objects")
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            statuses = {400, 404, 422}
            if operation.get("security"):
                statuses |= {401, 403}
            if "requestBody" in operation:
                statuses.add(413)
            if operation.get("operationId") in throttled:
                statuses.add(429)
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses):
                responses.setdefault(
                    str(status),
                    {"description": str(ERRORS[status]), "content": {"application/json": {"schema": reference}}},
                )
    return schema
