"""Forms of the labour registry pages; they parse input into the services' inputs, the services decide.

A worker's occupations, skills and languages, and a vacancy's skills and languages, are edited as rows (one hidden
key, one value, a "remove" box each) plus the picks of a searchable picker; other lists are typed as short lines
("PHL 40", ISO codes separated by commas). The services validate every code and name the field at fault.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.errors import DomainError
from migdev.core.forms import IsoDateInput
from migdev.core.models import Country, Currency, Sex
from migdev.labour.models import CostCategory, Isced, Payer, Scheme, WagePeriod
from migdev.labour.selectors import registry_reference as reference
from migdev.labour.services.registry import CostTermInput, SchemeInput, VacancyInput, WorkerProfileInput


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


# --- rows: lists edited one row at a time -------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One row of a list a form edits: its key (ESCO URI or ISO 639-3 code), its value as sent, whether "remove" is
    ticked, and the label people read."""

    key: str
    value: str
    removed: bool = False
    label: str = ""


def _getlist(data: Mapping[str, Any], name: str) -> list[str]:
    if hasattr(data, "getlist"):
        return [str(v) for v in data.getlist(name)]
    value = data.get(name)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


class RowsWidget(forms.Widget):
    """Reads the rows `<prefix>_key`/`<prefix>_value`/`<prefix>_remove` and the picks `<prefix>_add` (with
    `<prefix>_add_value`, else the default value); the page renders the rows itself."""

    def __init__(self, prefix: str, default_value: str) -> None:
        super().__init__()
        self.prefix = prefix
        self.default_value = default_value

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[Row]:
        keys = _getlist(data, f"{self.prefix}_key")
        values = _getlist(data, f"{self.prefix}_value")
        values += [self.default_value] * (len(keys) - len(values))
        removed = set(_getlist(data, f"{self.prefix}_remove"))
        rows = [Row(key.strip(), value.strip(), key in removed) for key, value in zip(keys, values, strict=False)]
        added_value = (data.get(f"{self.prefix}_add_value") or self.default_value).strip()
        for key in _getlist(data, f"{self.prefix}_add"):
            if key.strip() and key.strip() not in {row.key for row in rows}:
                rows.append(Row(key.strip(), added_value))
        return rows

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False


class RowsField(forms.Field):
    """A list of (key, value) rows; `parse` turns each value into what the service takes, or raises ValueError."""

    def __init__(
        self,
        *,
        prefix: str,
        parse: Callable[[str], Any],
        labels: Callable[[list[str]], dict[str, str]],
        bad_value: Any,
        default_value: str = "",
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("required", False)
        super().__init__(widget=RowsWidget(prefix, default_value), **kwargs)
        self.prefix = prefix
        self.parse = parse
        self.labels = labels
        self.bad_value = bad_value

    def clean(self, value: Any) -> list[tuple[str, Any]]:
        rows: list[Row] = value or []
        cleaned = []
        for row in rows:
            if row.removed:
                continue
            try:
                cleaned.append((row.key, self.parse(row.value)))
            except ValueError:
                raise forms.ValidationError(self.bad_value, code="invalid") from None
        return cleaned


def _years(value: str) -> int:
    return int(value or 0)


def _essential(value: str) -> bool:
    if value not in ("essential", "optional"):
        raise ValueError(value)
    return value == "essential"


def _no_value(value: str) -> None:
    return None


def _rows_of(form: forms.Form, name: str) -> list[Row]:
    """The rows a form shows for a list field: as sent if the form is bound, else from its initial (key, value) pairs;
    each with its label in the request's language (the key itself if unknown)."""
    field = form.fields[name]
    assert isinstance(field, RowsField)
    if form.is_bound:
        rows = field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
    else:
        rows = [Row(key, "" if value is None else str(value)) for key, value in form.initial.get(name, [])]
    labels = field.labels([row.key for row in rows])
    return [Row(row.key, row.value, row.removed, labels.get(row.key, row.key)) for row in rows]


def _occupation_field(**kwargs: Any) -> RowsField:
    return RowsField(
        prefix="occupation",
        parse=_years,
        labels=reference.occupation_labels,
        bad_value=_("Give the years of experience as a whole number."),
        default_value="0",
        **kwargs,
    )


def _language_field(**kwargs: Any) -> RowsField:
    return RowsField(
        prefix="language",
        parse=int,
        labels=reference.language_names,
        bad_value=_("Give a CEFR level from A1 to C2."),
        **kwargs,
    )


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's error next to the field it names (cost terms by category), or above the form."""
    name = error.field or ""
    if name.startswith("cost_terms."):
        name = "cost_" + name.split(".", 1)[1]
    form.add_error(name if name in form.fields else None, str(error.message))


def _education_choices() -> list[tuple[str, Any]]:
    return [("", "—"), *[(str(value), label) for value, label in Isced.choices]]


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
