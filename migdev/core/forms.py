"""Form widgets every room shares."""

from typing import Any

from django import forms

ISO_DATE = "%Y-%m-%d"


class IsoDateInput(forms.DateInput):
    """A browser date picker whose value is ISO 8601 (YYYY-MM-DD) in every language.

    `<input type="date">` accepts only that format; Django's DateInput would render the language's format
    ("26/06/1976" in French and Spanish), which the browser rejects, so the field would show (and save) empty.
    DateField parses ISO dates in every language, so what is shown is what comes back.
    """

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATE)
