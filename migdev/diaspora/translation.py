"""Translated fields of the diaspora room (title_en, title_fr, title_es, ...)."""

from modeltranslation.translator import TranslationOptions, register

from migdev.diaspora import models


@register(models.DiasporaOrganisation)
class DiasporaOrganisationTranslation(TranslationOptions):
    fields = ("focus", "description")


@register(models.Initiative)
class InitiativeTranslation(TranslationOptions):
    fields = ("title", "description")
