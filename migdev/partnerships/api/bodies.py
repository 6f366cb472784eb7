"""Request bodies that come either as JSON or as multipart/form-data carrying a document (progress evidence, meeting
minutes, a CSV of commitments). The operation checks its permission first and parses the body after, so a refused
caller is told so whatever it sent; the fields are validated by the same schema in both forms, and the OpenAPI
document describes both."""

import json
from typing import Any, TypeVar

from django.http import HttpRequest
from ninja import Schema
from ninja.errors import ValidationError
from pydantic import ValidationError as PydanticValidationError

from migdev.partnerships.services.documents import Document

S = TypeVar("S", bound=Schema)
MULTIPART = "multipart/form-data"


def _invalid(problem: str, field: str | None = None) -> ValidationError:
    return ValidationError([{"loc": ("body", field) if field else ("body",), "msg": problem, "type": "value_error"}])


def parse_body(request: HttpRequest, schema: type[S], file_field: str, limit: int) -> tuple[S, Document | None]:
    """The body's fields as `schema`, and the document in `file_field` (multipart only; read up to one byte past
    `limit`, so the service names a file that is too big without the whole of it being held)."""
    document = None
    if request.content_type == MULTIPART:
        data: Any = {key: value for key, value in request.POST.items() if key != file_field}
        upload = request.FILES.get(file_field)
        if upload is not None:
            document = Document(str(upload.name or ""), upload.read(limit + 1))
    else:
        try:
            data = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError):
            raise _invalid("The body is not JSON (or send multipart/form-data).") from None
    if not isinstance(data, dict):
        raise _invalid("Send an object of fields.")
    try:
        return schema.model_validate(data), document
    except PydanticValidationError as error:
        raise ValidationError(
            [{"loc": ("body", *e["loc"]), "msg": e["msg"], "type": e["type"]} for e in error.errors()]
        ) from None


def request_body(schema: type[Schema], file_field: str, file_description: str) -> dict[str, Any]:
    """The OpenAPI `requestBody` of such an operation: the schema as JSON, or its fields as multipart/form-data with
    the document."""
    fields = schema.model_json_schema()
    multipart = {
        **fields,
        "properties": {
            **fields.get("properties", {}),
            file_field: {"type": "string", "format": "binary", "description": file_description},
        },
    }
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": fields}, MULTIPART: {"schema": multipart}},
        }
    }
