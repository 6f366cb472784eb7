"""Forms of the diaspora pages: they check shapes and codes; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migdev.core.forms import IsoDateInput
from migdev.core.models import Country, GcmObjective, Language
from migdev.diaspora import survey
from migdev.diaspora.models import Assignment, Cefr, Initiative, Mode

LEVELS = [("", "—")] + [(label, label) for _value, label in Cefr.choices]
SEXES = [("F", _("Female")), ("M", _("Male"))]


def _countries() -> Any:
    return forms.ModelChoiceField(queryset=Country.objects.order_by("name"), to_field_name="iso3")


class _LanguagesMixin(forms.Form):
    """Up to three languages with a CEFR level each."""

    def language_pairs(self) -> list[tuple[str, str]]:
        pairs = []
        for i in (1, 2, 3):
            language, level = self.cleaned_data.get(f"language_{i}"), self.cleaned_data.get(f"level_{i}")
            if language and level:
                pairs.append((language.pk, level))
        return pairs


def _add_language_fields(form: forms.Form) -> None:
    for i in (1, 2, 3):
        form.fields[f"language_{i}"] = forms.ModelChoiceField(
            queryset=Language.objects.exclude(iso639_1="").order_by("name"), required=False, label=_("Language")
        )
        form.fields[f"level_{i}"] = forms.ChoiceField(choices=LEVELS, required=False, label=_("CEFR level"))


class ExpertForm(_LanguagesMixin):
    sex = forms.ChoiceField(label=_("Sex"), choices=SEXES)
    origin: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"), to_field_name="iso3", label=_("Country of origin")
    )
    residence: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"), to_field_name="iso3", label=_("Country of residence")
    )
    occupation = forms.CharField(
        label=_("Occupation (ESCO)"), max_length=255, widget=forms.TextInput(attrs={"list": "esco-occupations"})
    )
    years_experience = forms.IntegerField(label=_("Years of experience"), min_value=0, max_value=80, initial=0)
    other_skills = forms.CharField(
        label=_("Other skills (ESCO labels, one a line)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    virtual = forms.BooleanField(label=_("Available for virtual assignments"), required=False, initial=True)
    physical = forms.BooleanField(label=_("Available for assignments on site"), required=False)
    available_from = forms.DateField(label=_("Available from"), required=False, widget=IsoDateInput)
    available_until = forms.DateField(label=_("Available until"), required=False, widget=IsoDateInput)
    summary = forms.CharField(
        label=_("Professional summary"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_available = forms.BooleanField(label=_("Open to invitations"), required=False, initial=True)

    def __init__(self, *args: Any, skill_choices: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_language_fields(self)
        if skill_choices:
            self.fields["skills"] = forms.MultipleChoiceField(
                label=_("Skills of your occupation that you hold"),
                choices=skill_choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )


class NeedForm(_LanguagesMixin):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    occupation = forms.CharField(
        label=_("Occupation asked (ESCO)"), max_length=255, widget=forms.TextInput(attrs={"list": "esco-occupations"})
    )
    essential_skills = forms.CharField(
        label=_("Essential skills (ESCO labels, one a line; empty: the occupation's own)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=Mode.choices)
    duration_weeks = forms.IntegerField(label=_("Duration (weeks)"), min_value=1, max_value=520)
    start_date = forms.DateField(label=_("Start date"), widget=IsoDateInput)
    min_experience_years = forms.IntegerField(
        label=_("Minimum years of experience"), min_value=0, max_value=80, initial=0
    )

    def __init__(self, *args: Any, institutions: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if institutions is not None:
            self.fields["organisation"] = forms.TypedChoiceField(
                label=_("Institution"), choices=[(o.pk, o.name) for o in institutions], coerce=int
            )
        _add_language_fields(self)


class InviteForm(forms.Form):
    expert = forms.CharField(widget=forms.HiddenInput, max_length=12)
    message = forms.CharField(
        label=_("Message to the expert"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (Assignment.Status.COMPLETED, _("Assignment completed")),
            (Assignment.Status.CANCELLED, _("Assignment cancelled")),
        ],
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *Assignment.Outcome.choices], required=False)
    report = forms.CharField(
        label=_("Outcome report"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    hours_contributed = forms.IntegerField(label=_("Hours contributed"), required=False, min_value=0, max_value=100_000)


class DiasporaOrganisationForm(forms.Form):
    origin: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"), to_field_name="iso3", label=_("Country of origin")
    )
    residence: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"), to_field_name="iso3", label=_("Country of residence")
    )
    focus = forms.CharField(label=_("Focus"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    website = forms.CharField(label=_("Website"), required=False, max_length=200)

    def __init__(self, *args: Any, organisations: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"] = forms.TypedChoiceField(
                label=_("Organisation"), choices=[(o.pk, o.name) for o in organisations], coerce=int
            )
            self.order_fields(["organisation"])


class InitiativeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Initiative.Kind.choices)
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"), to_field_name="iso3", label=_("Country where it takes place")
    )
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    start_year = forms.IntegerField(label=_("Start year"), required=False, min_value=1900, max_value=2100)
    website = forms.CharField(label=_("Website"), required=False, max_length=200)
    gcm_objectives: forms.ModelMultipleChoiceField[GcmObjective] = forms.ModelMultipleChoiceField(
        label=_("GCM objectives served"),
        queryset=GcmObjective.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class SurveyForm(forms.Form):
    origin: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"), to_field_name="iso3", label=_("Your country of origin")
    )
    residence: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"), to_field_name="iso3", label=_("Your country of residence")
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=SEXES)
    attachment = forms.TypedChoiceField(
        label=_("How attached do you feel to your country of origin?"),
        choices=list(survey.ATTACHMENT.items()),
        coerce=int,
        widget=forms.RadioSelect,
    )
    contribute_time = forms.ChoiceField(
        label=_("Would you give some of your time to projects in your country of origin?"),
        choices=list(survey.WILLINGNESS.items()),
        widget=forms.RadioSelect,
    )
    contribute_money = forms.ChoiceField(
        label=_("Would you invest or give money for projects in your country of origin?"),
        choices=list(survey.WILLINGNESS.items()),
        widget=forms.RadioSelect,
    )
    channels = forms.MultipleChoiceField(
        label=_("Through which channels would you rather contribute?"),
        choices=list(survey.CHANNELS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    barriers = forms.MultipleChoiceField(
        label=_("What holds you back?"),
        choices=list(survey.BARRIERS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    motives = forms.MultipleChoiceField(
        label=_("What motivates you to contribute?"),
        choices=list(survey.MOTIVES.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
