"""Translated fields of the labour room."""

from modeltranslation.translator import TranslationOptions, register

from migdev.labour import models


@register(models.Scheme)
class SchemeTranslation(TranslationOptions):
    fields = ("name", "description")
