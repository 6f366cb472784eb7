from django.urls import path

from migdev.stats import views

app_name = "stats"

urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("profiles/<str:code>/", views.profile, name="profile"),
]
