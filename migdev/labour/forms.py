"""Forms of the labour registry pages; they parse input into the services' inputs, the services decide.

Lists are typed as short lines ("eng B2", "PHL 40", ISCO-08 codes separated by commas) so that each form stays one
page; the services validate every code and name the field at fault.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.errors import DomainError
from migdev.core.models import Country, Currency, EscoOccupation, Sex
from migdev.labour.models import Cefr, CostCategory, Isced, Payer, Scheme, WagePeriod
from migdev.labour.services.registry import CostTermInput, SchemeInput, VacancyInput, WorkerProfileInput

DATE = forms.DateInput(attrs={"type": "date"})
CEFR_BY_LABEL = {level.label: int(level.value) for level in Cefr}


def _codes(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").replace("\n", ",").split(",") if part.strip()]


def _pairs(text: str, field: str) -> list[tuple[str, str]]:
    pairs = []
    for line in _codes(text):
        parts = line.split()
        if len(parts) != 2:
            raise forms.ValidationError(_("Write one code and one value per item, e.g. “eng B2”."), code=field)
        pairs.append((parts[0], parts[1]))
    return pairs


def _language_levels(text: str) -> list[tuple[str, int]]:
    levels = []
    for code, label in _pairs(text, "languages"):
        if label.upper() not in CEFR_BY_LABEL:
            raise forms.ValidationError(_("Give a CEFR level from A1 to C2, e.g. “eng B2”."))
        levels.append((code, CEFR_BY_LABEL[label.upper()]))
    return levels


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's error next to the field it names (cost terms by category), or above the form."""
    name = error.field or ""
    if name.startswith("cost_terms."):
        name = "cost_" + name.split(".", 1)[1]
    form.add_error(name if name in form.fields else None, str(error.message))


def _education_choices() -> list[tuple[str, Any]]:
    return [("", "—"), *[(str(value), label) for value, label in Isced.choices]]


class WorkerProfileForm(forms.Form):
    sex: "forms.ModelChoiceField[Sex]" = forms.ModelChoiceField(label=_("Sex"), queryset=Sex.objects.all())
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=DATE)
    nationality: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        label=_("Nationality"), queryset=Country.objects.order_by("name")
    )
    residence: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        label=_("Country of residence"), queryset=Country.objects.order_by("name")
    )
    education = forms.TypedChoiceField(
        label=_("Education (ISCED level)"), choices=_education_choices, coerce=int, empty_value=None, required=False
    )
    occupation: "forms.ModelChoiceField[EscoOccupation]" = forms.ModelChoiceField(
        label=_("Main occupation (ESCO)"),
        queryset=EscoOccupation.objects.order_by("preferred_label"),
        to_field_name="uri",
        required=False,
    )
    years_experience = forms.IntegerField(label=_("Years of experience in it"), min_value=0, max_value=60, initial=0)
    languages = forms.CharField(
        label=_("Languages with CEFR levels"),
        help_text=_("ISO 639-3 codes with levels, separated by commas, e.g. “fil C2, eng B2”."),
        required=False,
    )
    available_from = forms.DateField(label=_("Available from"), required=False, widget=DATE)
    available_to = forms.DateField(label=_("Available until"), required=False, widget=DATE)
    is_available = forms.BooleanField(label=_("I am looking for work"), required=False, initial=True)
    preferred_destinations = forms.CharField(
        label=_("Preferred destinations"), help_text=_("ISO 3166-1 alpha-3 codes, e.g. “CAN, NZL”."), required=False
    )
    sending_agency = forms.ModelChoiceField(
        label=_("Sending agency"),
        queryset=Organisation.objects.filter(
            kind=Organisation.Kind.SENDING_AGENCY, status=Organisation.Status.APPROVED
        ).order_by("name"),
        required=False,
    )

    def clean_languages(self) -> list[tuple[str, int]]:
        return _language_levels(self.cleaned_data["languages"])

    def profile_input(self, skills: list[str]) -> WorkerProfileInput:
        data = self.cleaned_data
        occupations = [(data["occupation"].uri, data["years_experience"] or 0)] if data["occupation"] else []
        return WorkerProfileInput(
            sex=data["sex"].pk,
            nationality=data["nationality"].pk,
            residence=data["residence"].pk,
            date_of_birth=data["date_of_birth"],
            education=data["education"],
            available_from=data["available_from"],
            available_to=data["available_to"],
            is_available=data["is_available"],
            preferred_destinations=_codes(data["preferred_destinations"]),
            sending_agency=data["sending_agency"].pk if data["sending_agency"] else None,
            languages=data["languages"],
            occupations=occupations,
            skills=skills,
        )


class VacancyForm(forms.Form):
    employer = forms.ModelChoiceField(label=_("Employer"), queryset=Organisation.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    occupation: "forms.ModelChoiceField[EscoOccupation]" = forms.ModelChoiceField(
        label=_("Occupation (ESCO)"),
        queryset=EscoOccupation.objects.order_by("preferred_label"),
        to_field_name="uri",
        help_text=_("The essential and optional skills are taken from ESCO's description of the occupation."),
    )
    destination: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        label=_("Destination country"), queryset=Country.objects.order_by("name")
    )
    place = forms.CharField(label=_("Place of work"), max_length=200)
    positions = forms.IntegerField(label=_("Positions"), min_value=1)
    wage_amount = forms.DecimalField(label=_("Wage"), max_digits=12, decimal_places=2)
    wage_currency: "forms.ModelChoiceField[Currency]" = forms.ModelChoiceField(
        label=_("Currency"), queryset=Currency.objects.order_by("code")
    )
    wage_period = forms.ChoiceField(label=_("Wage period"), choices=WagePeriod.choices)
    weekly_hours = forms.IntegerField(label=_("Weekly hours"))
    rest_days_per_week = forms.IntegerField(label=_("Rest days per week"), initial=1)
    contract_months = forms.IntegerField(label=_("Contract length (months)"))
    start_date = forms.DateField(label=_("Start date"), widget=DATE)
    scheme: "forms.ModelChoiceField[Scheme]" = forms.ModelChoiceField(
        label=_("Scheme"), queryset=Scheme.objects.filter(is_active=True), to_field_name="code", required=False
    )
    recruiter = forms.ModelChoiceField(
        label=_("Recruitment agency"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.RECRUITMENT_AGENCY).order_by("name"),
        required=False,
    )
    min_education = forms.TypedChoiceField(
        label=_("Minimum education (ISCED)"), choices=_education_choices, coerce=int, empty_value=None, required=False
    )
    min_experience_years = forms.IntegerField(label=_("Minimum experience (years)"), initial=0)
    contract_languages = forms.CharField(
        label=_("Contract languages"), help_text=_("ISO 639-3 codes, e.g. “eng, fil”.")
    )
    languages = forms.CharField(
        label=_("Required languages"), help_text=_("With minimum CEFR levels, e.g. “eng B1”."), required=False
    )
    written_contract = forms.BooleanField(label=_("Written contract"), required=False, initial=True)
    retains_documents = forms.BooleanField(
        label=_("The employer keeps the worker's identity documents"), required=False
    )
    housing_terms = forms.CharField(label=_("Housing terms"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    travel_terms = forms.CharField(label=_("Travel terms"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, employers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if employers is not None:
            self.fields["employer"].queryset = employers  # type: ignore[attr-defined]
        for category in CostCategory:
            self.fields[f"cost_{category.value}"] = forms.ChoiceField(
                label=_("Who pays: %(cost)s") % {"cost": category.label},
                choices=Payer.choices,
                initial=Payer.EMPLOYER,
            )

    def cost_fields(self) -> list[Any]:
        return [self[f"cost_{category.value}"] for category in CostCategory]

    def clean_languages(self) -> list[tuple[str, int]]:
        return _language_levels(self.cleaned_data["languages"])

    def vacancy_input(self) -> VacancyInput:
        data = self.cleaned_data
        return VacancyInput(
            title=data["title"],
            occupation=data["occupation"].uri,
            destination=data["destination"].pk,
            place=data["place"],
            positions=data["positions"],
            wage_amount=data["wage_amount"],
            wage_currency=data["wage_currency"].pk,
            wage_period=data["wage_period"],
            weekly_hours=data["weekly_hours"],
            contract_months=data["contract_months"],
            start_date=data["start_date"],
            rest_days_per_week=data["rest_days_per_week"],
            scheme=data["scheme"].code if data["scheme"] else None,
            recruiter=data["recruiter"].pk if data["recruiter"] else None,
            min_education=data["min_education"],
            min_experience_years=data["min_experience_years"] or 0,
            contract_languages=_codes(data["contract_languages"]),
            written_contract=data["written_contract"],
            retains_documents=data["retains_documents"],
            housing_terms=data["housing_terms"],
            travel_terms=data["travel_terms"],
            languages=data["languages"],
            cost_terms=[CostTermInput(category.value, data[f"cost_{category.value}"]) for category in CostCategory],
        )


class SchemeForm(forms.Form):
    destination: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        label=_("Destination"), queryset=Country.objects.none()
    )
    code = forms.SlugField(label=_("Code"), max_length=40)
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=Scheme.Kind.choices)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    eligible_origins = forms.CharField(
        label=_("Eligible origin countries"), help_text=_("ISO 3166-1 alpha-3 codes, e.g. “MEX, PHL”.")
    )
    eligible_occupations = forms.CharField(
        label=_("Eligible occupations"),
        help_text=_("ISCO-08 codes at any level, e.g. “92, 5322”; empty for every occupation."),
        required=False,
    )
    season_start_month = forms.IntegerField(label=_("Season starts (month)"), required=False)
    season_end_month = forms.IntegerField(label=_("Season ends (month)"), required=False)
    max_stay_months = forms.IntegerField(label=_("Maximum stay (months)"), required=False)
    max_stay_window_months = forms.IntegerField(label=_("In any period of (months)"), required=False)
    min_weekly_hours = forms.IntegerField(label=_("Minimum weekly hours"), required=False)
    cap_per_season = forms.IntegerField(label=_("Cap per season"), required=False)
    origin_caps = forms.CharField(
        label=_("Caps per origin country"), help_text=_("E.g. “PHL 40, MEX 60”."), required=False
    )
    cooling_off_days = forms.IntegerField(label=_("Cooling-off period (days)"), initial=0)
    named_returning_allowed = forms.BooleanField(label=_("Employers may name returning workers"), required=False)
    employer_pays_travel = forms.BooleanField(label=_("Employer pays round-trip travel"), required=False, initial=True)
    cost_sharing_notes = forms.CharField(
        label=_("Cost-sharing rules"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    source_url = forms.URLField(label=_("Source of the rules"), required=False, assume_scheme="https")
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args: Any, destinations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if destinations is not None:
            self.fields["destination"].queryset = destinations  # type: ignore[attr-defined]

    def clean_origin_caps(self) -> dict[str, int]:
        caps = {}
        for code, value in _pairs(self.cleaned_data["origin_caps"], "origin_caps"):
            if not value.isdigit():
                raise forms.ValidationError(_("Give each cap as a whole number, e.g. “PHL 40”."))
            caps[code.upper()] = int(value)
        return caps

    def scheme_input(self) -> SchemeInput:
        data = self.cleaned_data
        return SchemeInput(
            code=data["code"],
            name=data["name"],
            kind=data["kind"],
            description=data["description"],
            eligible_origins=_codes(data["eligible_origins"]),
            eligible_occupations=_codes(data["eligible_occupations"]),
            season_start_month=data["season_start_month"],
            season_end_month=data["season_end_month"],
            max_stay_months=data["max_stay_months"],
            max_stay_window_months=data["max_stay_window_months"],
            min_weekly_hours=data["min_weekly_hours"],
            cap_per_season=data["cap_per_season"],
            origin_caps=data["origin_caps"],
            cooling_off_days=data["cooling_off_days"] or 0,
            named_returning_allowed=data["named_returning_allowed"],
            employer_pays_travel=data["employer_pays_travel"],
            cost_sharing_notes=data["cost_sharing_notes"],
            source_url=data["source_url"],
            is_active=data["is_active"],
        )


class InviteForm(forms.Form):
    worker = forms.CharField(label=_("Worker (pseudonym)"), max_length=12)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
