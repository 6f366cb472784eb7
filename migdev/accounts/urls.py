from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from migdev.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("register/", views.register_worker, name="register_worker"),
    path("register/organisation/", views.register_organisation, name="register_organisation"),
    path("me/", views.my_account, name="my_account"),
    path("me/profile/", views.edit_profile, name="edit_profile"),
    path("me/tokens/", views.create_token, name="create_token"),
    path("me/tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
    path("me/export/", views.export_my_data, name="export_my_data"),
    path("me/erase/", views.erase_my_account, name="erase_my_account"),
    path("organisations/<int:organisation_id>/", views.organisation_detail, name="organisation"),
    path("organisations/pending/", views.pending_organisations, name="pending_organisations"),
    path(
        "organisations/<int:organisation_id>/approve/",
        views.review_organisation,
        {"decision": "approve"},
        name="approve_organisation",
    ),
    path(
        "organisations/<int:organisation_id>/reject/",
        views.review_organisation,
        {"decision": "reject"},
        name="reject_organisation",
    ),
    path("persons/", views.people, name="people"),
    path("persons/<int:person_id>/", views.person_record, name="person_record"),
    path("audit/", views.audit_log, name="audit_log"),
]
