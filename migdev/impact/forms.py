"""Forms of the impact pages: they check shapes; the services check the rules."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.forms import IsoDateInput
from migdev.impact.dimensions import STAGE_CHOICES
from migdev.impact.models import Project
from migdev.impact.uploads import ACCEPT, MAX_EVIDENCE_BYTES, EvidenceFile


class ProjectForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    sector = forms.ChoiceField(label=_("Sector"), choices=Project.Sector.choices)
    country = forms.CharField(label=_("Country (ISO3)"), max_length=3)
    places = forms.CharField(label=_("Places"), max_length=300, required=False)
    description = forms.CharField(label=_("Description"), max_length=10000, required=False, widget=forms.Textarea)
    budget = forms.DecimalField(label=_("Budget"), max_digits=16, decimal_places=2, required=False, min_value=0)
    currency = forms.CharField(label=_("Currency (ISO 4217)"), max_length=3, required=False)
    start_date = forms.DateField(label=_("Start"), widget=IsoDateInput, required=False)
    end_date = forms.DateField(label=_("End"), widget=IsoDateInput, required=False)
    ministry = forms.CharField(label=_("Responsible ministry"), max_length=200, required=False)
    reviewer = forms.ModelChoiceField(
        label=_("Reviewing organisation"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args: Any, proponents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = Organisation.objects.filter(status="approved").order_by("name")  # type: ignore[attr-defined]
        if proponents is not None:
            self.fields["proponent"] = forms.ModelChoiceField(label=_("Proponent"), queryset=proponents)
            self.order_fields(["proponent"])

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("proponent", None)
        reviewer = data.pop("reviewer", None)
        return {**data, "reviewer": reviewer.pk if reviewer else None, "currency": data.get("currency") or None}


class EvidenceForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=STAGE_CHOICES)
    item = forms.CharField(label=_("Screening item (e.g. LM1)"), max_length=8, required=False)
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    file = forms.FileField(
        label=_("Document"),
        help_text=_("PDF, PNG, JPEG, text, CSV, OpenDocument text or Word (.docx), at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def upload(self) -> EvidenceFile:
        uploaded = self.cleaned_data["file"]
        return EvidenceFile(str(uploaded.name), uploaded.read(MAX_EVIDENCE_BYTES + 1))


class ReviewForm(forms.Form):
    verdict = forms.ChoiceField(
        label=_("Verdict"),
        choices=[("adequate", _("Adequate: on to the decision")), ("revise", _("Revision requested"))],
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(label=_("Comments"), max_length=10000, required=False, widget=forms.Textarea)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approved", _("Approve")),
            ("conditional", _("Approve with conditions")),
            ("refused", _("Refuse")),
        ],
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(label=_("Reasons"), max_length=10000, widget=forms.Textarea)
    conditions = forms.CharField(
        label=_("Conditions (one a line)"), max_length=20000, required=False, widget=forms.Textarea
    )

    def condition_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["conditions"].splitlines() if line.strip()]


class MonitoringForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator"), choices=[])
    date = forms.DateField(label=_("Date"), widget=IsoDateInput)
    value = forms.CharField(label=_("Value"), max_length=200)
    note = forms.CharField(label=_("Note"), max_length=2000, required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, indicators: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = indicators  # type: ignore[attr-defined]
