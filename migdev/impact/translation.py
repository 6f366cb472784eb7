"""Translated fields of the impact room: the library (the measures ship in EN/FR/ES, the checklist in English)."""

from modeltranslation.translator import TranslationOptions, register

from migdev.impact import models


@register(models.ScreeningItem)
class ScreeningItemTranslation(TranslationOptions):
    fields = ("topic", "question", "evidence_hint", "trigger")


@register(models.Measure)
class MeasureTranslation(TranslationOptions):
    fields = ("title", "description")


@register(models.MonitoringIndicator)
class MonitoringIndicatorTranslation(TranslationOptions):
    fields = ("name",)
