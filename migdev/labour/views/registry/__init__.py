"""Labour exchange pages: registry (worker profile, vacancies, compliance, candidates, invitations, schemes).

Thin: each view parses a form, calls one service or selector, and renders. One module per part.
"""

from django.urls import URLPattern, URLResolver, path

from migdev.labour.views.registry.employers import (
    VACANCY_PICKERS,
    employer_vacancies,
    invite_from_form,
    vacancy_action,
    vacancy_candidates,
    vacancy_form,
    worker_detail,
)
from migdev.labour.views.registry.officials import (
    agency_pool,
    official_home,
    scheme_form,
    scheme_manage,
    standard_form,
    standard_list,
)
from migdev.labour.views.registry.pickers import (
    PICKERS,
    Picker,
    PickerResults,
    TextBox,
    essential_skills,
    pick,
    suggest_from_text,
)
from migdev.labour.views.registry.workers import (
    PROFILE_PICKERS,
    my_consent,
    my_erase,
    my_export,
    my_invitations,
    my_profile,
    my_vacancies,
    scheme_list,
    vacancy_detail,
    vacancy_list,
)

__all__ = [
    "PICKERS",
    "PROFILE_PICKERS",
    "VACANCY_PICKERS",
    "Picker",
    "PickerResults",
    "TextBox",
    "agency_pool",
    "employer_vacancies",
    "essential_skills",
    "invite_from_form",
    "my_consent",
    "my_erase",
    "my_export",
    "my_invitations",
    "my_profile",
    "my_vacancies",
    "official_home",
    "pick",
    "scheme_form",
    "scheme_list",
    "scheme_manage",
    "standard_form",
    "standard_list",
    "suggest_from_text",
    "vacancy_action",
    "vacancy_candidates",
    "vacancy_detail",
    "vacancy_form",
    "vacancy_list",
    "worker_detail",
]


urlpatterns: list[URLPattern | URLResolver] = [
    path("vacancies/", vacancy_list, name="vacancy_list"),
    path("vacancies/<int:vacancy_id>/", vacancy_detail, name="vacancy_detail"),
    path("vacancies/<int:vacancy_id>/edit/", vacancy_form, name="vacancy_edit"),
    path("vacancies/<int:vacancy_id>/candidates/", vacancy_candidates, name="vacancy_candidates"),
    path("vacancies/<int:vacancy_id>/<slug:action>/", vacancy_action, name="vacancy_action"),
    path("vacancies/new/", vacancy_form, name="vacancy_new"),
    path("schemes/", scheme_list, name="scheme_list"),
    path("worker/profile/", my_profile, name="my_profile"),
    path("worker/consent/", my_consent, name="my_consent"),
    path("worker/export/", my_export, name="my_export"),
    path("worker/erase/", my_erase, name="my_erase"),
    path("worker/vacancies/", my_vacancies, name="my_vacancies"),
    path("worker/invitations/", my_invitations, name="my_invitations"),
    path("workers/<str:pseudonym>/", worker_detail, name="worker_detail"),
    path("employer/vacancies/", employer_vacancies, name="employer_vacancies"),
    path("agencies/<int:agency_id>/pool/", agency_pool, name="agency_pool"),
    path("official/", official_home, name="official_home"),
    path("official/schemes/", scheme_manage, name="scheme_manage"),
    path("official/schemes/new/", scheme_form, name="scheme_new"),
    path("official/schemes/<int:scheme_id>/edit/", scheme_form, name="scheme_edit"),
    path("pick/", pick, name="pick"),
    path("pick/essential-skills/", essential_skills, name="pick_essential_skills"),
    path("suggest-from-text/", suggest_from_text, name="suggest_from_text"),
    path("standards/", standard_list, name="standard_list"),
    path("standards/new/", standard_form, name="standard_new"),
    path("standards/<int:standard_id>/edit/", standard_form, name="standard_edit"),
]
