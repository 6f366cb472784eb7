"""The OpenAPI document names each schema once and says truthfully which operations need credentials."""

import typing
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ninja.operation import Operation
from pydantic import BaseModel

from migdev.accounts.api import PUBLIC_OR_AUTH
from migdev.config.api import api


def operations() -> Iterator[tuple[str, Operation]]:
    """Every operation of the API, with its documented path."""
    api.get_openapi_schema()  # binds the routers
    for bound in api._get_bound_routers():
        for path, view in bound.path_operations.items():
            route = "/".join(part.strip("/") for part in (bound.prefix, path) if part.strip("/"))
            for operation in view.operations:
                yield f"/api/{route}", operation


def models_in(annotation: Any, seen: set[type[BaseModel]]) -> None:
    """Every pydantic model reachable from a type annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return
        seen.add(annotation)
        for field in annotation.model_fields.values():
            models_in(field.annotation, seen)
        return
    for argument in typing.get_args(annotation):
        models_in(argument, seen)


def reachable() -> set[type[BaseModel]]:
    """The project's schema classes behind the operations' parameters, bodies and responses."""
    seen: set[type[BaseModel]] = set()
    for _path, operation in operations():
        for response in (operation.response_models or {}).values():
            if response is not None:
                models_in(response, seen)
        for model in operation.models:
            models_in(model, seen)
    return {model for model in seen if model.__module__.startswith("migdev.")}


def schema_classes() -> dict[str, set[str]]:
    """Each component name of the document, with the schema classes declared under it."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for model in reachable():
        by_name[model.__name__].add(f"{model.__module__}.{model.__qualname__}")
    return by_name


def test_no_two_schema_classes_share_a_component_name() -> None:
    by_name = schema_classes()
    assert "VacancyOut" in by_name and "ExplanationOut" in by_name  # the walk reaches nested schemas
    duplicates = {name: sorted(classes) for name, classes in by_name.items() if len(classes) > 1}
    assert duplicates == {}


def test_every_schema_class_is_documented_with_its_own_fields() -> None:
    components = api.get_openapi_schema()["components"]["schemas"]
    wrong = {
        model.__qualname__: sorted(set(components[model.__name__].get("properties", {})) ^ set(model.model_fields))
        for model in reachable()
        if model.__name__ in components
        and set(components[model.__name__].get("properties", {})) != set(model.model_fields)
    }
    assert wrong == {}


def test_public_operations_carry_no_security_requirement_and_the_others_do() -> None:
    document = api.get_openapi_schema()
    public_or_auth = {id(callback) for callback in PUBLIC_OR_AUTH}
    checked = 0
    for path, operation in operations():
        for method in operation.methods:
            documented = document["paths"][path][method.lower()]
            security = documented.get("security")
            callbacks = operation.auth_callbacks
            if not callbacks:
                assert security is None, (method, path)
            elif {id(c) for c in callbacks} == public_or_auth:
                assert {} in security, (method, path)  # the empty requirement: no credentials needed
            else:
                assert security and {} not in security, (method, path)
            checked += 1
    assert checked > 80
    vacancy = document["paths"]["/api/v1/labour/vacancies/{vacancy_id}"]["get"]
    compliance = document["paths"]["/api/v1/labour/vacancies/{vacancy_id}/compliance"]["get"]
    assert {} in vacancy["security"] and {} in compliance["security"]
