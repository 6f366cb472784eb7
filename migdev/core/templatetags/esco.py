"""`{% esco_lang "occupation" %}`: marks ESCO labels shown in English because ESCO gives none in the page's language.

MigDev ships ESCO's occupations in English and French and its skills in English only (core/data/esco/PROVENANCE.md):
a Spanish page shows the English occupation names, and French and Spanish pages the English skill names. The tag
writes ` lang="en"` on the element holding such a label, so browsers and screen readers read it as English.
"""

from functools import cache

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from migdev.core.models import EscoOccupation

register = template.Library()


@cache
def occupation_languages() -> frozenset[str]:
    """The languages ESCO's occupations have labels in, in the database (English, and each one loaded)."""
    languages = {"en"}
    for language in ("fr", "es"):
        if (
            EscoOccupation.objects.exclude(**{f"preferred_label_{language}__isnull": True})
            .exclude(**{f"preferred_label_{language}": ""})
            .exists()
        ):
            languages.add(language)
    return frozenset(languages)


def labelled_in(kind: str) -> frozenset[str]:
    if kind == "occupation":
        return occupation_languages()
    if kind == "skill":
        return frozenset({"en"})
    raise ValueError(f"unknown ESCO kind {kind!r}: 'occupation' or 'skill'")


@register.simple_tag
def esco_lang(kind: str) -> SafeString:
    """` lang="en"` where ESCO's labels of this kind are not in the page's language, else nothing."""
    language = (get_language() or "en").split("-")[0]
    return SafeString("" if language in labelled_in(kind) else ' lang="en"')
