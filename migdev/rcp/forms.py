"""Forms of the rcp pages: they check shapes; the services check the rules."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migdev.core.forms import IsoDateInput
from migdev.core.models import Country
from migdev.rcp.models import Meeting, Process
from migdev.rcp.services.documents import MAX_DOCUMENT_BYTES, Upload
from migdev.rcp.themes import THEMES


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    level = forms.ChoiceField(label=_("Level"), choices=Meeting.Level.choices)
    start_date = forms.DateField(label=_("Start date"), widget=IsoDateInput)
    end_date = forms.DateField(label=_("End date"), widget=IsoDateInput, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    summary = forms.CharField(label=_("Summary"), max_length=5000, required=False, widget=forms.Textarea)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=300, required=False)
    file = forms.FileField(
        label=_("Outcome document"), help_text=_("PDF, text, OpenDocument text or Word (.docx), at most 5 MB.")
    )

    def upload(self) -> Upload:
        return upload_of(self.cleaned_data["file"])


def upload_of(uploaded: Any) -> Upload:
    """The uploaded file's name and bytes (reading at most one byte more than the limit)."""
    return Upload(filename=str(uploaded.name), content=uploaded.read(MAX_DOCUMENT_BYTES + 1))


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(label=_("Summary"), max_length=10000, widget=forms.Textarea)
    outcome = forms.CharField(label=_("Outcome"), max_length=10000, required=False, widget=forms.Textarea)
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=[], required=False, widget=forms.CheckboxSelectMultiple
    )
    countries: forms.ModelMultipleChoiceField[Country] = forms.ModelMultipleChoiceField(
        label=_("Countries"), queryset=Country.objects.order_by("name"), to_field_name="iso3", required=False
    )
    year = forms.IntegerField(label=_("Year"), min_value=1980, max_value=2100, required=False)
    evidence_url = forms.URLField(
        label=_("Evidence (web address)"), max_length=500, required=False, assume_scheme="https"
    )
    evidence = forms.FileField(
        label=_("Evidence document"),
        required=False,
        help_text=_("PDF, text, OpenDocument text or Word (.docx), at most 5 MB."),
    )
    source = forms.CharField(label=_("Source"), max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = [(tag, label) for tag, label in THEMES.items()]  # type: ignore[attr-defined]


class FactCorrectionForm(forms.Form):
    """A correction of one fact: the new value, its source and the date it reflects (the service checks the value)."""

    value = forms.CharField(label=_("Corrected value"), max_length=10000, required=False, widget=forms.Textarea)
    source = forms.CharField(
        label=_("Source"),
        max_length=500,
        help_text=_("Where the corrected value comes from: a document, a page's address, a decision."),
    )
    as_of = forms.DateField(
        label=_("As of"), widget=IsoDateInput, help_text=_("The date the corrected value reflects.")
    )

    def __init__(self, *args: Any, field: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if field == "kind":
            self.fields["value"] = forms.ChoiceField(label=_("Corrected value"), choices=Process.Kind.choices)
        elif field in ("established_year", "acronyms", "official_site", "iom_page", "theme_tags", "name", "region"):
            self.fields["value"].widget = forms.TextInput()
        if field == "theme_tags":
            self.fields["value"].help_text = _("Theme codes separated by semicolons: %(codes)s") % {
                "codes": ", ".join(THEMES)
            }
