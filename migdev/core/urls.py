from django.urls import path

from migdev.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/data/", views.about_data, name="about_data"),
]
