"""Template filters of the matching pages."""

from typing import Any

from django import template

from migdev.labour import explanations

register = template.Library()


@register.filter
def why(explanation: Any) -> str:
    """A match's reasons in one sentence (see labour.explanations)."""
    return explanations.summary(explanation)
