"""Translated fields of the policy room (title_en, title_fr, title_es, ...): what a ministry writes in its language."""

from modeltranslation.translator import TranslationOptions, register

from migdev.policy import models


@register(models.PolicyProfile)
class PolicyProfileTranslation(TranslationOptions):
    fields = ("lead_agency", "summary")


@register(models.WorkingGroup)
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name", "mandate")


@register(models.WorkingGroupMeeting)
class WorkingGroupMeetingTranslation(TranslationOptions):
    fields = ("summary",)


@register(models.WorkingGroupDecision)
class WorkingGroupDecisionTranslation(TranslationOptions):
    fields = ("text",)


@register(models.DevelopmentPlan)
class DevelopmentPlanTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(models.CapacityRequest)
class CapacityRequestTranslation(TranslationOptions):
    fields = ("title", "gap")


@register(models.CapacityInitiative)
class CapacityInitiativeTranslation(TranslationOptions):
    fields = ("title", "description", "results")
