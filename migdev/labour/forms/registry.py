"""Forms of the labour registry: worker profile, vacancy, scheme, invitation, labour standard."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.forms import IsoDateInput
from migdev.core.models import Country, Currency, Sex
from migdev.labour.forms.rows import (
    Row,
    RowsField,
    _codes,
    _education_choices,
    _essential,
    _language_field,
    _no_value,
    _occupation_field,
    _pairs,
    _rows_of,
)
from migdev.labour.models import CostCategory, Payer, Scheme, WagePeriod
from migdev.labour.selectors import registry_reference as reference
from migdev.labour.services.registry import CostTermInput, SchemeInput, VacancyInput, WorkerProfileInput


class WorkerProfileForm(forms.Form):
    sex: "forms.ModelChoiceField[Sex]" = forms.ModelChoiceField(
        label=_("Sex"),
        queryset=Sex.objects.exclude(code="_T"),  # "Total" is a statistical aggregate, not a person's sex
    )
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=IsoDateInput())
    nationality: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        label=_("Nationality"), queryset=Country.objects.order_by("name")
    )
    residence: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        label=_("Country of residence"), queryset=Country.objects.order_by("name")
    )
    education = forms.TypedChoiceField(
        label=_("Education (ISCED level)"), choices=_education_choices, coerce=int, empty_value=None, required=False
    )
    available_from = forms.DateField(label=_("Available from"), required=False, widget=IsoDateInput())
    available_to = forms.DateField(label=_("Available until"), required=False, widget=IsoDateInput())
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
    occupations = _occupation_field(label=_("My occupations (ESCO) and years of experience"))
    skills = RowsField(
        prefix="skill",
        parse=_no_value,
        labels=reference.skill_labels,
        bad_value=_("Choose skills from ESCO."),
        label=_("My skills (ESCO)"),
    )
    languages = _language_field(label=_("My languages and CEFR levels"))

    DETAILS = (
        "sex",
        "date_of_birth",
        "nationality",
        "residence",
        "education",
        "available_from",
        "available_to",
        "is_available",
        "preferred_destinations",
        "sending_agency",
    )

    def details(self) -> list[Any]:
        """The bound fields of the personal details, in order (the lists are rendered as rows)."""
        return [self[name] for name in self.DETAILS]

    def rows(self, name: str) -> list[Row]:
        return _rows_of(self, name)

    def held_occupations(self) -> list[str]:
        """The occupations the form holds now (sent or initial), not those ticked for removal."""
        return [row.key for row in self.rows("occupations") if not row.removed]

    def held_skills(self) -> list[str]:
        return [row.key for row in self.rows("skills")]

    def profile_input(self) -> WorkerProfileInput:
        data = self.cleaned_data
        occupations = data["occupations"]
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
            skills=[uri for uri, _value in data["skills"]],
        )


class VacancyForm(forms.Form):
    employer = forms.ModelChoiceField(label=_("Employer"), queryset=Organisation.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    occupation = forms.CharField(
        label=_("Occupation (ESCO)"),
        max_length=200,
        help_text=_(
            "Search and choose it. The essential and optional skills are taken from ESCO's description of the "
            "occupation; changing the occupation starts them again from ESCO."
        ),
        error_messages={"required": _("Choose the occupation (search ESCO).")},
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
    start_date = forms.DateField(label=_("Start date"), widget=IsoDateInput())
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
    skills = RowsField(
        prefix="skill",
        parse=_essential,
        labels=reference.skill_labels,
        bad_value=_("Mark each skill essential or optional."),
        default_value="essential",
        label=_("Skills (ESCO)"),
    )
    languages = _language_field(label=_("Required languages and minimum CEFR levels"))
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

    LISTS = ("occupation", "skills", "languages")

    def terms(self) -> list[Any]:
        """The bound fields rendered one after the other (not the picker, the lists or the cost terms)."""
        return [self[name] for name in self.fields if name not in self.LISTS and not name.startswith("cost_")]

    def rows(self, name: str) -> list[Row]:
        return _rows_of(self, name)

    def chosen_occupation(self) -> Row | None:
        """The occupation chosen so far (sent or initial), with its label, to show as the picker's checked choice."""
        uri = (self.data.get("occupation") if self.is_bound else self.initial.get("occupation")) or ""
        if not uri:
            return None
        return Row(uri, "", label=reference.occupation_labels([uri]).get(uri, uri))

    def vacancy_input(self, *, skills_from_esco: bool = False) -> VacancyInput:
        """The vacancy as the service takes it; `skills_from_esco` leaves the skills to ESCO's for the occupation."""
        data = self.cleaned_data
        return VacancyInput(
            title=data["title"],
            occupation=data["occupation"].strip(),
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
            skills=None if skills_from_esco else data["skills"],
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


class LabourStandardForm(forms.Form):
    """A country's minimum wage and legal weekly hours with their source; the service checks the values."""

    country: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name")
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=IsoDateInput())
    minimum_wage = forms.DecimalField(
        label=_("Minimum wage"),
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text=_("Leave empty where the country has no statutory minimum wage."),
    )
    currency = forms.CharField(
        label=_("Currency (ISO 4217)"), max_length=3, required=False, help_text=_("E.g. “CAD”, “NZD”, “EUR”.")
    )
    wage_period = forms.ChoiceField(label=_("Per"), choices=WagePeriod.choices, initial=WagePeriod.HOUR)
    max_weekly_hours = forms.IntegerField(label=_("Legal maximum weekly hours"), required=False)
    source = forms.CharField(label=_("Source"), max_length=300, help_text=_("The law, decree or official page."))
    source_url = forms.URLField(label=_("Source address (URL)"), required=False, assume_scheme="https")
    verified = forms.BooleanField(label=_("Verified against the source"), required=False)

    FIXED = ("country", "valid_from")  # a standard is known by its country and date: editing keeps both

    def standard_values(self) -> dict[str, Any]:
        """The keyword arguments of `record_labour_standard` (the country code is passed first)."""
        data = self.cleaned_data
        return {
            "valid_from": data["valid_from"],
            "source": data["source"],
            "minimum_wage": data["minimum_wage"],
            "currency_code": data["currency"].strip() or None,
            "wage_period": data["wage_period"],
            "max_weekly_hours": data["max_weekly_hours"],
            "source_url": data["source_url"],
            "verified": data["verified"],
        }
