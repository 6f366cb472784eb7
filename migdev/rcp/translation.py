"""Translated fields of the rcp room (name_en, name_fr, name_es, ...); the shipped data is in English."""

from modeltranslation.translator import TranslationOptions, register

from migdev.rcp import models


@register(models.Process)
class ProcessTranslation(TranslationOptions):
    fields = ("name", "region", "thematic_focus", "objectives", "observers_summary")


@register(models.Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(models.GoodPractice)
class GoodPracticeTranslation(TranslationOptions):
    fields = ("title", "summary", "outcome")
