"""Forms of labour protection: offers, placement steps, contracts, the cost ledger, grievances, indicator filters."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from migdev.accounts.models import Organisation
from migdev.core.forms import IsoDateInput
from migdev.core.models import Country
from migdev.labour.models import CostCategory, Grievance, Payer, Placement, Vacancy, WagePeriod, WorkerProfile
from migdev.labour.protection import ForcedLabourIndicator
from migdev.labour.selectors import protection as selectors
from migdev.labour.services import protection as services

State = Placement.State


class AnswerForm(forms.Form):
    on = forms.DateField(label=gettext_lazy("Date"), widget=IsoDateInput(), initial=timezone.localdate)
    reason = forms.CharField(label=gettext_lazy("Reason (if you decline)"), required=False)


class StepForm(forms.Form):
    state = forms.ChoiceField(
        label=gettext_lazy("Step"), choices=[(s, State(s).label) for s in services.PROGRESS_STATES]
    )
    on = forms.DateField(label=gettext_lazy("Date"), widget=IsoDateInput())
    reason = forms.CharField(label=gettext_lazy("Reason (termination or absconding)"), required=False)


class ContractForm(forms.Form):
    stage = forms.ChoiceField(
        label=gettext_lazy("Stage"),
        choices=[("origin", gettext_lazy("Signed at origin")), ("destination", gettext_lazy("Signed at destination"))],
    )
    wage_amount = forms.DecimalField(label=gettext_lazy("Wage"), max_digits=12, decimal_places=2)
    wage_currency = forms.CharField(label=gettext_lazy("Currency (ISO 4217)"), max_length=3)
    wage_period = forms.ChoiceField(label=gettext_lazy("Wage period"), choices=WagePeriod.choices)
    weekly_hours = forms.IntegerField(label=gettext_lazy("Weekly hours"))
    rest_days_per_week = forms.IntegerField(label=gettext_lazy("Rest days per week"), initial=1)
    language = forms.CharField(label=gettext_lazy("Language of the contract (ISO 639-3)"), max_length=3)
    retains_documents = forms.BooleanField(label=gettext_lazy("Employer keeps identity documents"), required=False)
    signed_on = forms.DateField(label=gettext_lazy("Signed on"), widget=IsoDateInput())


class CostForm(forms.Form):
    category = forms.ChoiceField(label=gettext_lazy("Cost"), choices=CostCategory.choices)
    amount = forms.DecimalField(label=gettext_lazy("Amount"), max_digits=12, decimal_places=2)
    currency = forms.CharField(label=gettext_lazy("Currency (ISO 4217)"), max_length=3)
    amount_in_wage_currency = forms.DecimalField(
        label=gettext_lazy("Amount in the wage currency (if paid in another currency)"),
        max_digits=12,
        decimal_places=2,
        required=False,
    )
    paid_by = forms.ChoiceField(label=gettext_lazy("Paid by"), choices=Payer.choices)
    paid_to = forms.ModelChoiceField(
        label=gettext_lazy("Paid to"), queryset=Organisation.objects.none(), required=False
    )
    paid_on = forms.DateField(label=gettext_lazy("Paid on"), widget=IsoDateInput())

    def __init__(self, *args: Any, placement: Placement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [placement.vacancy.employer_id, placement.recruiter_id]
        field = self.fields["paid_to"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(pk__in=[i for i in ids if i]).order_by("name")


class GrievanceForm(forms.Form):
    against = forms.ModelChoiceField(label=gettext_lazy("Against"), queryset=Organisation.objects.none())
    indicator = forms.ChoiceField(label=gettext_lazy("What happened"), choices=ForcedLabourIndicator.choices)
    description = forms.CharField(label=gettext_lazy("Describe what happened"), widget=forms.Textarea)
    placement = forms.ModelChoiceField(
        label=gettext_lazy("Placement"), queryset=Placement.objects.none(), required=False
    )

    def __init__(self, *args: Any, worker: WorkerProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        against = self.fields["against"]
        placement = self.fields["placement"]
        assert isinstance(against, forms.ModelChoiceField) and isinstance(placement, forms.ModelChoiceField)
        against.queryset = selectors.organisations_to_complain_about(worker)
        placement.queryset = worker.placements.select_related("vacancy")


class GrievanceStatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Grievance.Status.choices)
    resolution = forms.CharField(label=gettext_lazy("Resolution"), widget=forms.Textarea, required=False)


class ResolveFlagForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("What was done"))


class OfferForm(forms.Form):
    vacancy = forms.ModelChoiceField(label=gettext_lazy("Vacancy"), queryset=Vacancy.objects.none())
    worker = forms.CharField(label=gettext_lazy("Worker (pseudonym)"), max_length=12)
    season = forms.IntegerField(label=gettext_lazy("Season (year)"))
    offered_on = forms.DateField(label=gettext_lazy("Offered on"), widget=IsoDateInput(), initial=timezone.localdate)
    named_request = forms.BooleanField(label=gettext_lazy("Named as a returning worker"), required=False)

    def __init__(self, *args: Any, employers: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["vacancy"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Vacancy.objects.filter(employer__in=employers, state=Vacancy.State.PUBLISHED).order_by("title")


def _country_choice(label: Any) -> forms.ModelChoiceField:
    """A country chosen by name (its ISO3 code travels in the query string, as in the API)."""
    return forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"),
        to_field_name="iso3",
        required=False,
        label=label,
        empty_label=gettext_lazy("All countries"),
    )


class IndicatorFilterForm(forms.Form):
    origin = _country_choice(gettext_lazy("Origin"))
    destination = _country_choice(gettext_lazy("Destination"))
    occupation = forms.CharField(label=gettext_lazy("Occupation (ISCO-08, any level)"), max_length=4, required=False)
    period = forms.IntegerField(label=gettext_lazy("Season (year)"), required=False)
