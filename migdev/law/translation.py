"""Translated fields of the law room (title_en, title_fr, title_es, ...)."""

from modeltranslation.translator import TranslationOptions, register

from migdev.law import models


@register(models.Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Instrument)
class InstrumentTranslation(TranslationOptions):
    fields = ("title", "short_title")


@register(models.CompactObjective)
class CompactObjectiveTranslation(TranslationOptions):
    fields = ("title",)


@register(models.GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("term",)


@register(models.Module)
class ModuleTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(models.Lesson)
class LessonTranslation(TranslationOptions):
    fields = ("title", "body")


@register(models.Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "explanation")


@register(models.Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ("text",)
