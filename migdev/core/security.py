"""Strict browser rules on every response, and a reference for every server error.

The Content-Security-Policy allows only the site's own scripts, styles, images and fonts: no inline script, no
third-party host. Pages therefore load behaviour from static files (e.g. core/site.js), never from attributes.
"""

import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

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


def body_limit(path: str, content_type: str) -> int:
    """The largest request body accepted at `path`: small for JSON, the upload limit for files and forms."""
    for prefix, limit in getattr(settings, "MIGDEV_BODY_LIMITS", ()):
        if path.startswith(prefix):
            return int(limit)
    if path.startswith("/api/") and not content_type.startswith("multipart/"):
        return int(getattr(settings, "MIGDEV_API_JSON_MAX_BYTES", 1024 * 1024))
    return int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)


class RequestSizeMiddleware:
    """Refuses an over-large body with 413 from its declared length, before anything reads it (or anyone signs in),
    and a query parameter holding a NUL character with 400."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        limit = body_limit(request.path, request.META.get("CONTENT_TYPE", ""))
        if length < 0 or length > limit:
            return too_large(request, limit)
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                return null_character(request, name)
        return self.get_response(request)


def null_character(request: HttpRequest, name: str) -> HttpResponse:
    """A NUL character in a query parameter names nothing (and PostgreSQL cannot even compare text with one)."""
    with translation.override(path_language(request)):
        message = _("The parameter %(name)s contains a NUL character.") % {"name": name.replace("\x00", "\\0")}
        if request.path.startswith("/api/"):
            return JsonResponse({"error": {"code": "invalid", "message": str(message), "field": name}}, status=400)
        return request_error_page(request, 400, _("Bad request"), str(message))


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    with translation.override(path_language(request)):
        message = _("The request is too large: at most %(size)s are accepted here.") % {"size": filesizeformat(limit)}
        if request.path.startswith("/api/"):
            body = {"error": {"code": "too_large", "message": str(message), "field": None}}
            return JsonResponse(body, status=413)
        return request_error_page(request, 413, _("Request too large"), str(message))


def path_language(request: HttpRequest) -> str:
    """The language of the request's URL prefix; these refusals come before LocaleMiddleware has chosen one."""
    return translation.get_language_from_path(request.path) or settings.LANGUAGE_CODE


def request_error_page(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    """A refused request as a page, with the message shown as an error and a way back."""
    html = render_to_string("request_error.html", {"title": title, "message": message, "path": request.path})
    return HttpResponse(html, status=status)
