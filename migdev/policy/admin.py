"""Admin of the policy room for stewards: profiles, policies and laws, working groups (members, meetings,
decisions), development plans and their checklist answers, self-assessments, capacity building."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from migdev.core.admin import StewardsMaintain
from migdev.policy import models


@admin.register(models.PolicyProfile)
class PolicyProfileAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("country", "lead_agency", "as_of", "is_demo")
    search_fields = ("country__name", "lead_agency")


@admin.register(models.PolicyInstrument)
class PolicyInstrumentAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("title", "country", "kind", "in_force", "law_work_id", "is_demo")
    list_filter = ("kind", "in_force", "is_demo")
    search_fields = ("title",)


class MemberInline(StewardsMaintain, admin.TabularInline):
    model = models.WorkingGroupMember
    extra = 0


class MeetingInline(StewardsMaintain, admin.TabularInline):
    model = models.WorkingGroupMeeting
    extra = 0


@admin.register(models.WorkingGroup)
class WorkingGroupAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("name", "country", "established", "is_demo")
    search_fields = ("name",)
    inlines = [MemberInline, MeetingInline]


class DecisionInline(StewardsMaintain, admin.TabularInline):
    model = models.WorkingGroupDecision
    extra = 0


@admin.register(models.WorkingGroupMeeting)
class WorkingGroupMeetingAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("group", "date")
    inlines = [DecisionInline]


class PlanItemInline(StewardsMaintain, admin.TabularInline):
    model = models.PlanItemAssessment
    extra = 0
    raw_id_fields = ("assessed_by",)


@admin.register(models.DevelopmentPlan)
class DevelopmentPlanAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("title", "country", "kind", "start_year", "end_year", "is_demo")
    list_filter = ("kind", "is_demo")
    search_fields = ("title",)
    inlines = [PlanItemInline]


class AnswerInline(StewardsMaintain, admin.TabularInline):
    model = models.SelfAssessmentAnswer
    extra = 0


@admin.register(models.SelfAssessment)
class SelfAssessmentAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("country", "year", "is_published", "is_demo")
    list_filter = ("is_published", "is_demo")
    raw_id_fields = ("created_by",)
    inlines = [AnswerInline]


@admin.register(models.CapacityRequest)
class CapacityRequestAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("title", "country", "domain", "sub_id", "status", "is_demo")
    list_filter = ("domain", "status", "is_demo")
    raw_id_fields = ("created_by",)


@admin.register(models.CapacityInitiative)
class CapacityInitiativeAdmin(StewardsMaintain, TabbedTranslationAdmin):
    list_display = ("title", "organisation", "country", "domain", "start", "end", "status", "is_demo")
    list_filter = ("domain", "status", "is_demo")
    raw_id_fields = ("organisation",)
    filter_horizontal = ("answers",)
