"""Forms of the accounts pages; they parse input, the services decide."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.accounts.services import AccountDetails
from migdev.core.models import Country


class AccountFieldsForm(forms.Form):
    """The fields of a new account: user name, e-mail, names and a password typed twice."""

    username = forms.CharField(
        label=_("User name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", _("The two passwords differ."))
        return data

    def account_details(self) -> AccountDetails:
        data = self.cleaned_data
        return AccountDetails(
            username=data["username"],
            email=data["email"],
            password=data["password1"],
            first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""),
        )


class WorkerRegistrationForm(AccountFieldsForm):
    country: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        label=_("Country of origin"),
        queryset=Country.objects.order_by("name"),
        required=False,
        help_text=_("Officials of this country may view your record; every view is logged."),
    )


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=Organisation.Kind.choices)
    country: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name")
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")


class OrganisationRegistrationForm(OrganisationForm, AccountFieldsForm):
    """An organisation and the account of its first administrator, for visitors not signed in."""


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    country: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        label=_("Country of origin"), queryset=Country.objects.order_by("name"), required=False
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"), max_length=100, help_text=_("What the token is for, e.g. 'reporting script'.")
    )


class AddMemberForm(forms.Form):
    username = forms.CharField(label=_("User name of the new member"), max_length=150)
    is_admin = forms.BooleanField(label=_("Organisation administrator"), required=False)


class ReviewForm(forms.Form):
    note = forms.CharField(label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand that my personal data will be erased and my account closed, and that this cannot be undone."
        ),
        required=True,
    )
