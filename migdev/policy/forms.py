"""Forms of the policy room's pages; the services check the rules again and name the field at fault."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.forms import IsoDateInput
from migdev.core.models import Country, GcmObjective
from migdev.policy import checklist, frameworks
from migdev.policy.models import (
    CapacityInitiative,
    DevelopmentPlan,
    PlanItemAssessment,
    PolicyInstrument,
    WorkingGroupMember,
)
from migdev.policy.models.capacity import DOMAIN_CHOICES

DOMAIN_1_CHOICES = [
    ("1", _("Yes, regardless of immigration status")),
    ("0.5", _("Yes, only for those with legal immigration status")),
    ("0", _("No")),
]
YES_NO_CHOICES = [("1", _("Yes")), ("0", _("No"))]


def _countries(codes: list[str] | None) -> Any:
    found = Country.objects.order_by("name")
    return found.filter(pk__in=codes) if codes is not None else found


def _own_country(form: forms.Form, codes: list[str] | None) -> None:
    """An official of one country finds it chosen: the list then holds nothing else."""
    field = form.fields["country"]
    field.queryset = _countries(codes)  # type: ignore[attr-defined]
    if codes is not None and len(codes) == 1 and "country" not in form.initial:
        field.initial = codes[0]
        field.empty_label = None  # type: ignore[attr-defined]


class SelfAssessmentForm(forms.Form):
    """The 30 sub-categories, each a code (radio buttons) and its evidence; country and year when new."""

    country: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        queryset=Country.objects.none(), label=_("Country")
    )
    year = forms.IntegerField(label=_("Year"), min_value=2015, max_value=2100)
    note = forms.CharField(
        label=_("Remarks"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, countries: list[str] | None = None, new: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if new:
            _own_country(self, countries)
        else:
            del self.fields["country"]
            del self.fields["year"]
        for sub in frameworks.subcategories():
            choices = DOMAIN_1_CHOICES if sub.domain == 1 else YES_NO_CHOICES
            self.fields[f"code_{sub.sub_id}"] = forms.ChoiceField(
                label=f"{sub.sub_id}. {sub.text}", choices=choices, widget=forms.RadioSelect
            )
            self.fields[f"evidence_{sub.sub_id}"] = forms.CharField(
                label=_("Evidence for %(id)s") % {"id": sub.sub_id},
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def domains(self) -> list[tuple[frameworks.Domain, list[tuple[Any, Any]]]]:
        """The fields grouped by domain, for the template."""
        return [
            (d, [(self[f"code_{s.sub_id}"], self[f"evidence_{s.sub_id}"]) for s in d.subcategories])
            for d in frameworks.domains()
        ]


class ProfileForm(forms.Form):
    lead_agency = forms.CharField(label=_("Lead agency"), max_length=200, required=False)
    summary = forms.CharField(label=_("Summary"), required=False, max_length=10000, widget=forms.Textarea)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)
    as_of = forms.DateField(label=_("As of"), required=False, widget=IsoDateInput)


class InstrumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Type"), choices=PolicyInstrument.Kind.choices)
    adopted = forms.DateField(label=_("Adopted on"), required=False, widget=IsoDateInput)
    in_force = forms.BooleanField(label=_("In force"), required=False, initial=True)
    law_work_id = forms.TypedChoiceField(
        label=_("Law held by the law room"), required=False, coerce=int, empty_value=None
    )
    url = forms.CharField(label=_("Address"), max_length=500, required=False)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)

    def __init__(self, *args: Any, laws: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["law_work_id"].choices = [("", "—"), *laws]  # type: ignore[attr-defined]


class WorkingGroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    mandate = forms.CharField(label=_("Mandate"), max_length=10000, widget=forms.Textarea)
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=300, required=False)
    established = forms.DateField(label=_("Established on"), required=False, widget=IsoDateInput)


class MemberForm(forms.Form):
    ministry = forms.CharField(label=_("Ministry or agency"), max_length=200)
    role = forms.ChoiceField(label=_("Role"), choices=WorkingGroupMember.Role.choices)


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=IsoDateInput)
    summary = forms.CharField(label=_("Summary"), required=False, max_length=10000, widget=forms.Textarea)
    decisions = forms.CharField(
        label=_("Decisions"),
        required=False,
        max_length=20000,
        widget=forms.Textarea,
        help_text=_("One decision per line."),
    )


class PlanForm(forms.Form):
    country: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        queryset=Country.objects.none(), label=_("Country")
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Type of plan"), choices=DevelopmentPlan.Kind.choices)
    start_year = forms.IntegerField(label=_("First year"), min_value=1990, max_value=2100)
    end_year = forms.IntegerField(label=_("Last year"), min_value=1990, max_value=2100)
    document_url = forms.CharField(label=_("Address of the plan"), max_length=500, required=False)
    summary = forms.CharField(label=_("Summary"), required=False, max_length=10000, widget=forms.Textarea)

    def __init__(self, *args: Any, countries: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _own_country(self, countries)


class PlanChecklistForm(forms.Form):
    """Each checklist item: a rating and the evidence."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in checklist.ITEMS:
            self.fields[f"rating_{item.key}"] = forms.ChoiceField(
                label=str(item.title), choices=[("", "—"), *PlanItemAssessment.Rating.choices], required=False
            )
            self.fields[f"evidence_{item.key}"] = forms.CharField(
                label=_("Evidence"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 2})
            )

    def rows(self) -> list[tuple[checklist.ChecklistItem, Any, Any]]:
        return [(i, self[f"rating_{i.key}"], self[f"evidence_{i.key}"]) for i in checklist.ITEMS]


class RequestForm(forms.Form):
    country: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        queryset=Country.objects.none(), label=_("Country")
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    gap = forms.CharField(label=_("Gap to close"), max_length=10000, widget=forms.Textarea)
    domain = forms.TypedChoiceField(label=_("SDG 10.7.2 domain"), choices=DOMAIN_CHOICES, coerce=int)
    sub_id = forms.ChoiceField(label=_("SDG 10.7.2 sub-category"), required=False)
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"),
        queryset=GcmObjective.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, countries: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _own_country(self, countries)
        subs = [(s.sub_id, f"{s.sub_id}. {s.text}") for s in frameworks.subcategories()]
        self.fields["sub_id"].choices = [("", "—"), *subs]  # type: ignore[attr-defined]


class InitiativeForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label=_("Organisation"))
    country: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"), label=_("Country")
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, max_length=10000, widget=forms.Textarea)
    domain = forms.TypedChoiceField(label=_("SDG 10.7.2 domain"), choices=DOMAIN_CHOICES, coerce=int)
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"),
        queryset=GcmObjective.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.CharField(
        label=_("Partners"), max_length=500, required=False, help_text=_("Separated by semicolons.")
    )
    start = forms.DateField(label=_("Start"), widget=IsoDateInput)
    end = forms.DateField(label=_("End"), required=False, widget=IsoDateInput)
    status = forms.ChoiceField(label=_("Status"), choices=CapacityInitiative.Status.choices)
    results = forms.CharField(label=_("Results"), required=False, max_length=10000, widget=forms.Textarea)
    answers = forms.MultipleChoiceField(
        label=_("Requests answered"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self, *args: Any, organisations: list[Organisation], requests: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            pk__in=[o.pk for o in organisations]
        )
        self.fields["answers"].choices = [(str(pk), label) for pk, label in requests]  # type: ignore[attr-defined]
