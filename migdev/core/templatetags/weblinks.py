"""`{{ url|web_link }}` or `{{ url|web_link:label }}`: a link only for an http(s) address, else plain text."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from migdev.core.weblinks import is_web_url

register = template.Library()


@register.filter
def web_link(url: object, label: object = None) -> SafeString:
    """An `<a>` to `url` when it is http(s); otherwise the label (or the address) as escaped text."""
    text = label if label not in (None, "") else url
    if is_web_url(url):
        return format_html('<a href="{}" rel="nofollow noopener">{}</a>', url, text)
    return format_html("{}", text if text is not None else "")
