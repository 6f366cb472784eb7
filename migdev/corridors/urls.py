from django.urls import path, re_path

from migdev.corridors import views

app_name = "corridors"

PAIR = r"(?P<origin>[A-Za-z]{3})-(?P<destination>[A-Za-z]{3})"

urlpatterns = [
    path("", views.index, name="index"),
    path("go/", views.go, name="go"),
    path("ranking/", views.ranking, name="ranking"),
    path("ranking.csv", views.ranking_csv, name="ranking_csv"),
    path("ranking.sdmx.csv", views.ranking_sdmx, name="ranking_sdmx"),
    re_path(rf"^{PAIR}/$", views.corridor, name="corridor"),
    re_path(rf"^{PAIR}/brief\.pdf$", views.brief_pdf, name="brief"),
]
