"""Translated fields of the statistics store."""

from modeltranslation.translator import TranslationOptions, register

from migdev.stats import models


@register(models.Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.Area)
class AreaTranslation(TranslationOptions):
    fields = ("name",)
