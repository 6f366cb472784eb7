"""Minimal request bodies built from the OpenAPI schema: every required field, with a value of its declared type.

A placeholder body may be refused by the domain (400, 409, 422): that still proves the request passed the permission
check, which is all the matrix asks of it. A row overrides fields where a real object id is needed.
"""

from typing import Any

# Values for string fields by name, so a placeholder body names real reference data where a code is expected.
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
    "purpose": "matching",
}


class BodyBuilder:
    """Turns an operation's request schema into the smallest body its schema accepts."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.components = schema.get("components", {}).get("schemas", {})

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = self.components[node["$ref"].rsplit("/", 1)[1]]
        for key in ("anyOf", "oneOf"):
            if key in node:
                typed = [self.resolve(n) for n in node[key] if n.get("type") != "null"]
                return typed[0] if typed else {}
        if "allOf" in node and len(node["allOf"]) == 1:
            return self.resolve(node["allOf"][0])
        return node

    def body(self, operation: dict[str, Any]) -> Any:
        """The operation's minimal JSON body, or None when it takes none."""
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" not in content:
            return None
        return self.value("body", content["application/json"]["schema"])

    def value(self, name: str, node: dict[str, Any]) -> Any:
        node = self.resolve(node)
        if "enum" in node:
            return node["enum"][0]
        if "default" in node and node["default"] is not None:
            return node["default"]
        kind = node.get("type")
        if kind == "object":
            required = node.get("required", [])
            return {key: self.value(key, child) for key, child in node.get("properties", {}).items() if key in required}
        if kind == "array":
            return [self.value(name, node.get("items", {}))] * max(1, node.get("minItems", 0))
        if kind == "integer":
            return max(1, node.get("minimum", 1))
        if kind == "number":
            return max(1, node.get("minimum", 1))
        if kind == "boolean":
            return False
        if node.get("format") == "date":
            return "2031-04-01"
        if node.get("format") == "date-time":
            return "2031-04-01T00:00:00Z"
        if node.get("format") == "uri":
            return "https://example.org/"
        text = BY_NAME.get(name, "matrix")
        return text + "x" * max(0, node.get("minLength", 0) - len(text))
