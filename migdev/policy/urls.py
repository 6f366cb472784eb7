from django.urls import path

from migdev.policy.views import assessments, capacity, coherence, index, plans

app_name = "policy"

urlpatterns = [
    path("", index.index, name="index"),
    path("crosswalk/", index.crosswalk, name="crosswalk"),
    path("downloads/<slug:kind>.csv", index.download, name="download"),
    path("countries/<str:code>/", coherence.country, name="country"),
    path("countries/<str:code>/edit/", coherence.profile_edit, name="profile_edit"),
    path("countries/<str:code>/policies/new/", coherence.instrument_add, name="instrument_add"),
    path("countries/<str:code>/working-groups/new/", coherence.group_new, name="group_new"),
    path("countries/<str:code>/results-framework.csv", index.results_framework_csv, name="results_framework_csv"),
    path("working-groups/<int:working_group_id>/", coherence.working_group, name="working_group"),
    path("working-groups/<int:working_group_id>/members/new/", coherence.member_add, name="member_add"),
    path("working-groups/<int:working_group_id>/meetings/new/", coherence.meeting_add, name="meeting_add"),
    path("self-assessments/", assessments.assessment_list, name="assessment_list"),
    path("self-assessments/new/", assessments.assessment_new, name="assessment_new"),
    path("self-assessments/compare/", assessments.comparison, name="comparison"),
    path("self-assessments/<int:self_assessment_id>/", assessments.assessment, name="assessment"),
    path("self-assessments/<int:self_assessment_id>/edit/", assessments.assessment_edit, name="assessment_edit"),
    path(
        "self-assessments/<int:self_assessment_id>/publish/", assessments.assessment_publish, name="assessment_publish"
    ),
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/new/", plans.plan_new, name="plan_new"),
    path("plans/<int:plan_id>/", plans.plan, name="plan"),
    path("plans/<int:plan_id>/checklist/", plans.plan_assess, name="plan_assess"),
    path("capacity/", capacity.capacity, name="capacity"),
    path("capacity/requests/new/", capacity.request_new, name="request_new"),
    path("capacity/initiatives/new/", capacity.initiative_new, name="initiative_new"),
    path("capacity/initiatives/<int:cb_initiative_id>/edit/", capacity.initiative_edit, name="initiative_edit"),
]
