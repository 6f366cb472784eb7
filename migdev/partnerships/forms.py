"""Forms of the partnerships pages: they check shapes and offer the codes; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migdev.accounts.models import Organisation
from migdev.core.forms import IsoDateInput
from migdev.core.models import Country, GcmGuidingPrinciple, GcmObjective, SdgTarget
from migdev.partnerships.models import AdvisoryBoard, BoardMeeting, Commitment, Partner, Recommendation
from migdev.partnerships.rcps import rcp_names
from migdev.partnerships.services.documents import ACCEPTED


class ObjectiveChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.number}. {obj.title}"


class TargetChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} {obj.text[:90]}"


class CommitmentForm(forms.Form):
    pledger = forms.TypedChoiceField(label=_("Pledged by"), coerce=int)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )
    type = forms.ChoiceField(label=_("Type of pledge"), choices=Commitment.Type.choices)
    matched_pledge = forms.ModelChoiceField(
        label=_("Matches the pledge (for a matching pledge)"),
        queryset=Commitment.objects.order_by("title"),
        required=False,
    )
    form = forms.ChoiceField(label=_("Form"), choices=Commitment.Form.choices)
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"), queryset=Partner.objects.order_by("name"), required=False
    )
    amount = forms.CharField(label=_("Amount, if any"), required=False, max_length=20)
    currency = forms.CharField(label=_("Currency (ISO 4217, e.g. USD)"), required=False, max_length=3)
    gcm_objectives = ObjectiveChoices(
        label=_("GCM objectives served"),
        queryset=GcmObjective.objects.order_by("number"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    guiding_principles = forms.ModelMultipleChoiceField(
        label=_("GCM guiding principles"),
        queryset=GcmGuidingPrinciple.objects.order_by("letter"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    sdg_targets = TargetChoices(
        label=_("SDG targets"),
        queryset=SdgTarget.objects.order_by("goal", "code"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    countries: forms.ModelMultipleChoiceField[Country] = forms.ModelMultipleChoiceField(
        label=_("Countries"), queryset=Country.objects.order_by("name"), required=False, to_field_name="iso3"
    )
    rcps = forms.MultipleChoiceField(label=_("Regional Consultative Processes involved"), required=False)
    start = forms.DateField(label=_("Start"), required=False, widget=IsoDateInput)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=IsoDateInput)
    status = forms.ChoiceField(label=_("Status"), choices=Commitment.Status.choices)

    def __init__(self, *args: Any, pledgers: list[Partner], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pledger"].choices = [(p.pk, p.name) for p in pledgers]  # type: ignore[attr-defined]
        self.fields["rcps"].choices = list(rcp_names().items())  # type: ignore[attr-defined]


class ProgressForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=IsoDateInput)
    text = forms.CharField(label=_("Progress made"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4}))
    status = forms.ChoiceField(label=_("Status after this update"), choices=Commitment.Status.choices)
    evidence_url = forms.CharField(label=_("Evidence: a web address"), required=False, max_length=500)
    evidence = forms.FileField(
        label=_("or a document"),
        required=False,
        help_text=_("PDF, PNG, JPEG, text or CSV, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED}),
    )


class PartnerForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int, required=False)
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Type of partner"), choices=Partner.Kind.choices)
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name"), to_field_name="iso3", required=False
    )
    website = forms.CharField(label=_("Website"), required=False, max_length=200)

    def __init__(self, *args: Any, organisations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", "—"), *[(o.pk, o.name) for o in organisations]]  # type: ignore[attr-defined]


class BoardForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    mandate = forms.CharField(label=_("Mandate"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6}))
    established = forms.DateField(label=_("Established"), required=False, widget=IsoDateInput)
    website = forms.CharField(label=_("Website"), required=False, max_length=200)
    secretariat: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Secretariat"),
        queryset=Organisation.objects.filter(status="approved").order_by("name"),
        required=False,
        help_text=_("The organisation whose members keep the board's record (members, meetings, recommendations)."),
    )

    def __init__(self, *args: Any, steward: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not steward:  # only a steward hands a board to a secretariat
            del self.fields["secretariat"]


class MemberForm(forms.Form):
    partner: forms.ModelChoiceField[Partner] = forms.ModelChoiceField(
        label=_("Organisation (a registered partner)"), queryset=Partner.objects.order_by("name"), required=False
    )
    person_name = forms.CharField(
        label=_("or a person (name as published)"),
        required=False,
        max_length=200,
        help_text=_("For a person, the organisation above is the one they come from, if any."),
    )
    role = forms.CharField(label=_("Role on the board"), max_length=100)
    since = forms.DateField(label=_("From"), required=False, widget=IsoDateInput)
    until = forms.DateField(label=_("To"), required=False, widget=IsoDateInput)


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=IsoDateInput)
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    agenda = forms.CharField(
        label=_("Agenda"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )
    summary = forms.CharField(
        label=_("Summary"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )
    minutes = forms.FileField(
        label=_("Minutes"),
        required=False,
        help_text=_("PDF, PNG, JPEG, text or CSV, at most 5 MB. A new document replaces the one stored."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED}),
    )


class RecommendationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(label=_("Text"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4}))
    meeting: forms.ModelChoiceField[BoardMeeting] = forms.ModelChoiceField(
        label=_("Adopted at the meeting"), queryset=BoardMeeting.objects.none(), required=False
    )
    adopted = forms.DateField(
        label=_("Adopted on"),
        required=False,
        widget=IsoDateInput,
        help_text=_("Left empty: the date of the meeting."),
    )
    follow_up = forms.ChoiceField(label=_("Follow-up"), choices=Recommendation.FollowUp.choices)
    commitments = forms.ModelMultipleChoiceField(
        label=_("Commitments answering it"),
        queryset=Commitment.objects.order_by("title"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args: Any, board: AdvisoryBoard, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meetings = board.meetings.defer("minutes_data").order_by("-date")
        self.fields["meeting"].queryset = meetings  # type: ignore[attr-defined]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file of commitments"),
        help_text=_("UTF-8, at most 2 MB, with the columns described on this page."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv"}),
    )
