"""Login throttling (django-axes): the user name an attempt is recorded under."""

from typing import Any

from django.http import HttpRequest

# The longest user name (accounts.User.username); axes stores attempts in a 255-character column.
USERNAME_MAX = 150


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The user name tried, cut to what a user name can be: a hostile, over-long one must not fail the request."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(username)[:USERNAME_MAX]
