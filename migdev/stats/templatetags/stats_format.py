"""Figures formatted for the current language: grouped thousands, the indicator's decimals."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value: float | int | None, decimals: int = 0) -> str:
    """280598105 -> '280,598,105' (en), '280 598 105' (fr, narrow no-break spaces), '280.598.105' (es)."""
    if value is None:
        return "–"
    # number_format truncates extra decimals; the published figure is rounded (3.5998 % -> 3.60 %).
    return number_format(round(value, int(decimals)), decimal_pos=int(decimals), use_l10n=True, force_grouping=True)
