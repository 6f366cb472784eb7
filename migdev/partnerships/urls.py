from django.urls import path

from migdev.partnerships.views import commitments, dashboard, partners

app_name = "partnerships"

urlpatterns = [
    path("", dashboard.index, name="index"),
    path("commitments/", commitments.commitment_list, name="commitment_list"),
    path("commitments/new/", commitments.commitment_create, name="commitment_create"),
    path("commitments/<int:commitment_id>/", commitments.commitment_detail, name="commitment_detail"),
    path("commitments/<int:commitment_id>/edit/", commitments.commitment_edit, name="commitment_edit"),
    path("commitments/<int:commitment_id>/progress/", commitments.progress_add, name="progress_add"),
    path("partners/", partners.partner_list, name="partner_list"),
    path("partners/new/", partners.partner_create, name="partner_create"),
    path("partners/<int:partner_id>/", partners.partner_detail, name="partner_detail"),
    path("boards/", partners.board_list, name="board_list"),
    path("boards/<int:board_id>/", partners.board_detail, name="board_detail"),
    path("boards/<int:board_id>/recommendations/new/", partners.recommendation_create, name="recommendation_create"),
]
