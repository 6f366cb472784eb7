"""Strict browser rules on every response, and a reference for every server error.

The Content-Security-Policy allows only the site's own scripts, styles, images and fonts: no inline script, no
third-party host. Pages therefore load behaviour from static files (e.g. core/site.js), never from attributes.
"""

import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("migdev.errors")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"


def error_reference(request: HttpRequest) -> str:
    """The reference of the error being answered on this request (made once), to quote to an administrator."""
    reference = getattr(request, "error_reference", None)
    if reference is None:
        reference = secrets.token_hex(6)
        request.error_reference = reference  # type: ignore[attr-defined]
    return str(reference)


class SecurityHeadersMiddleware:
    """Adds the CSP and Permissions-Policy headers (Django's SecurityMiddleware sets nosniff and Referrer-Policy)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = getattr(settings, "MIGDEV_CONTENT_SECURITY_POLICY", CONTENT_SECURITY_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        """Log an unexpected error in full under a reference that the error page shows."""
        logger.error(
            "Server error %s on %s %s", error_reference(request), request.method, request.path, exc_info=exception
        )
