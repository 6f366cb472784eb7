"""`{% lang_en %}`: ` lang="en"` on text shown in English in a French or Spanish page (the frameworks' titles, which
no source gives in French or Spanish; the demo records, written in English); nothing in an English page.
`{% lang_en condition %}` marks only where the condition holds (e.g. `c.is_demo`)."""

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def lang_en(condition: object = True) -> SafeString:
    language = (get_language() or "en").split("-")[0]
    if not condition or language == "en":
        return SafeString("")
    return SafeString(' lang="en"')
