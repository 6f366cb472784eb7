from django.urls import path

from migdev.partnerships.views import boards, commitments, dashboard, imports, partners

app_name = "partnerships"

urlpatterns = [
    path("", dashboard.index, name="index"),
    path("commitments/", commitments.commitment_list, name="commitment_list"),
    path("commitments/new/", commitments.commitment_create, name="commitment_create"),
    path("commitments/import/", imports.commitment_import, name="commitment_import"),
    path("commitments/<int:commitment_id>/", commitments.commitment_detail, name="commitment_detail"),
    path("commitments/<int:commitment_id>/edit/", commitments.commitment_edit, name="commitment_edit"),
    path("commitments/<int:commitment_id>/progress/", commitments.progress_add, name="progress_add"),
    path("partners/", partners.partner_list, name="partner_list"),
    path("partners/new/", partners.partner_create, name="partner_create"),
    path("partners/<int:partner_id>/", partners.partner_detail, name="partner_detail"),
    path("boards/", boards.board_list, name="board_list"),
    path("boards/new/", boards.board_create, name="board_create"),
    path("boards/<int:board_id>/", boards.board_detail, name="board_detail"),
    path("boards/<int:board_id>/edit/", boards.board_edit, name="board_edit"),
    path("boards/<int:board_id>/members/new/", boards.member_add, name="member_add"),
    path("boards/<int:board_id>/members/<int:board_member_id>/remove/", boards.member_remove, name="member_remove"),
    path("boards/<int:board_id>/meetings/new/", boards.meeting_create, name="meeting_create"),
    path("boards/<int:board_id>/meetings/<int:board_meeting_id>/edit/", boards.meeting_edit, name="meeting_edit"),
    path("boards/<int:board_id>/recommendations/new/", boards.recommendation_create, name="recommendation_create"),
    path(
        "boards/<int:board_id>/recommendations/<int:recommendation_id>/edit/",
        boards.recommendation_edit,
        name="recommendation_edit",
    ),
]
