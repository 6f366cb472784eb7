"""`{% fallback_lang area "name" %}`: marks a translated field shown in English for want of a value in the page's
language (django-modeltranslation then falls back to English), e.g. an aggregate no source names in French."""

from typing import Any

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def fallback_lang(obj: Any, field: str) -> SafeString:
    """` lang="en"` where `obj.<field>_<language>` is empty for the page's language (not English), else nothing."""
    language = (get_language() or "en").split("-")[0]
    if language == "en" or getattr(obj, f"{field}_{language}", None):
        return SafeString("")
    return SafeString(' lang="en"')
