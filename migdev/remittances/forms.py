"""Forms of the remittances pages: the corridor picker and a steward's upload of RPW prices."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# The full RPW workbook is about 50 MB; anything much larger is not an RPW file.
MAX_UPLOAD_BYTES = getattr(settings, "MIGDEV_RPW_UPLOAD_MAX_BYTES", 64 * 1024 * 1024)
UPLOAD_SUFFIXES = (".csv", ".xlsx")


class CorridorForm(forms.Form):
    sending = forms.ChoiceField(label=_("Sending country"))
    receiving = forms.ChoiceField(label=_("Receiving country"))
    period = forms.ChoiceField(label=_("Quarter"), required=False)

    def __init__(
        self,
        data: object,
        senders: list[tuple[str, str]],
        receivers: list[tuple[str, str]],
        periods: list[str],
    ) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.fields["sending"].choices = senders  # type: ignore[attr-defined]
        self.fields["receiving"].choices = receivers  # type: ignore[attr-defined]
        self.fields["period"].choices = [("", _("Latest")), *[(p, p) for p in reversed(periods)]]  # type: ignore[attr-defined]


class PriceUploadForm(forms.Form):
    file = forms.FileField(
        label=_("RPW price file"),
        help_text=_("The legacy CSV or the current workbook (.xlsx, sheet “Dataset (from Q2 2016)”), at most %(size)s.")
        % {"size": filesizeformat(MAX_UPLOAD_BYTES)},
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.casefold() not in UPLOAD_SUFFIXES:
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; at most %(limit)s is accepted.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_BYTES)}
            )
        return upload
