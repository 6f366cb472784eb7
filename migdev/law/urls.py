from django.urls import path

from migdev.law import views

app_name = "law"

urlpatterns = [
    path("", views.index, name="index"),
    path("instruments/<slug:instrument_id>/", views.instrument, name="instrument"),
]
