from django.urls import path

from migdev.law import views
from migdev.law.views import glossary, learning, national, search

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
    path("glossary/", glossary.glossary, name="glossary"),
    path("glossary/glossary.csv", glossary.glossary_csv, name="glossary_csv"),
    path("glossary/<slug:term_id>/", glossary.glossary_term, name="glossary_term"),
    path("learn/", learning.learn, name="learn"),
    path("learn/<slug:module_id>/", learning.module, name="learn_module"),
    path("learn/<slug:module_id>/<slug:slug>/", learning.lesson, name="learn_lesson"),
    path("national/", national.national_laws, name="national_laws"),
    path("documents/<int:work_id>/versions/", national.versions, name="versions"),
    path("documents/<int:work_id>/diff/", national.diff, name="diff"),
    path("search/", search.search_page, name="search"),
]
