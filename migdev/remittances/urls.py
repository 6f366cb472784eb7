from django.urls import path

from migdev.remittances import views

app_name = "remittances"

urlpatterns = [
    path("", views.index, name="index"),
    path("corridor/", views.corridor, name="corridor"),
    path("countries/<str:code>/", views.country, name="country"),
    path("methodology/", views.methodology, name="methodology"),
    path("upload/", views.upload, name="upload"),
]
