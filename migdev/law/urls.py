from django.urls import path

from migdev.law import views

app_name = "law"

urlpatterns = [
    path("", views.index, name="index"),
    path("instruments/<slug:instrument_id>/", views.instrument, name="instrument"),
    path("countries/", views.find_country, name="find_country"),
    path("countries/<str:code>/", views.country, name="country"),
    path("compare/", views.compare, name="compare"),
    path("instruments/<slug:instrument_id>/text/", views.instrument_text, name="instrument_text"),
    path("documents/", views.documents, name="documents"),
    path("documents/<int:work_id>/", views.document, name="document"),
]
