from django.urls import path

from migdev.diaspora import views
from migdev.diaspora.views import experts, mapping, registry, survey

app_name = "diaspora"

urlpatterns = [
    path("", views.index, name="index"),
    path("map/", mapping.map_index, name="map_index"),
    path("map/<str:code>/", mapping.diaspora_map, name="map"),
    path("organisations/", registry.organisation_list, name="organisation_list"),
    path("organisations/new/", registry.organisation_create, name="organisation_create"),
    path("organisations/<int:entry_id>/", registry.organisation_detail, name="organisation_detail"),
    path("organisations/<int:entry_id>/edit/", registry.organisation_edit, name="organisation_edit"),
    path("organisations/<int:entry_id>/initiatives/new/", registry.initiative_create, name="initiative_create"),
    path("initiatives/<int:initiative_id>/edit/", registry.initiative_edit, name="initiative_edit"),
    path("experts/me/", experts.expert_home, name="expert_home"),
    path("experts/register/", experts.expert_register, name="expert_register"),
    path("experts/me/edit/", experts.expert_edit, name="expert_edit"),
    path("experts/me/export/", experts.expert_export, name="expert_export"),
    path("experts/me/erase/", experts.expert_erase, name="expert_erase"),
    path("invitations/<int:invitation_id>/answer/", experts.answer_invitation, name="answer_invitation"),
    path("needs/", experts.need_list, name="need_list"),
    path("needs/new/", experts.need_create, name="need_create"),
    path("needs/<int:need_id>/", experts.need_detail, name="need_detail"),
    path("needs/<int:need_id>/edit/", experts.need_edit, name="need_edit"),
    path("needs/<int:need_id>/invite/", experts.need_invite, name="need_invite"),
    path("needs/<int:need_id>/close/", experts.need_close, name="need_close"),
    path("assignments/<int:assignment_id>/outcome/", experts.assignment_outcome, name="assignment_outcome"),
    path("survey/", survey.survey_form, name="survey"),
    path("survey/results/", survey.survey_results, name="survey_results"),
]
