"""Translated fields (django-modeltranslation): name_en, name_fr, name_es, ..."""

from modeltranslation.translator import TranslationOptions, register

from migdev.core import models


@register(models.Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Currency)
class CurrencyTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Language)
class LanguageTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Sex)
class SexTranslation(TranslationOptions):
    fields = ("name",)


@register(models.IscoGroup)
class IscoGroupTranslation(TranslationOptions):
    fields = ("title",)


@register(models.EscoOccupation)
class EscoOccupationTranslation(TranslationOptions):
    fields = ("preferred_label", "alt_labels", "description")
