"""Errors of the policy room."""

from migdev.core.errors import DomainError


class InvalidAnswer(DomainError):
    """An SDG 10.7.2 answer set the official method cannot score: a missing, unknown or disallowed code (422)."""

    status = 422
