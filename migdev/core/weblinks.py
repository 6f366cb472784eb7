"""Web addresses people give (an organisation's website, the source of a scheme or standard): http(s) only.

Services refuse any other scheme (`javascript:`, `data:`, ...) whatever the entry point, and templates turn a
stored address into a link only when it is http(s) (`{{ url|web_link }}`), so an address stored before this
rule, or by a path that skipped it, is never rendered as a live link.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError

WEB_SCHEMES = ("http", "https")
_validate = URLValidator(schemes=list(WEB_SCHEMES))


def is_web_url(value: object) -> bool:
    """Whether `value` is an absolute http(s) address."""
    if not isinstance(value, str) or not value or value != value.strip():
        return False
    if urlsplit(value).scheme.lower() not in WEB_SCHEMES:
        return False
    try:
        _validate(value)
    except ValidationError:
        return False
    return True


def clean_web_url(value: str, field: str) -> str:
    """The address stripped, or "" when none is given; anything but an http(s) address is refused."""
    cleaned = (value or "").strip()
    if cleaned and not is_web_url(cleaned):
        raise DomainError(_("Give a web address that starts with http:// or https://."), field=field)
    return cleaned
