"""The vacancy text box's terms: wage, weekly hours, contract length and start date read from the pasted text, shown
ticked for the employer to confirm, and copied into the form's fields when the employer asks (button
`apply_terms`); nothing is saved until the form is."""

from dataclasses import dataclass
from datetime import date

from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from migdev.core.vacancy_terms import Term, vacancy_terms
from migdev.labour.models import WagePeriod

APPLY = "apply_terms"


@dataclass(frozen=True)
class TermRow:
    """A term as the box shows it: what it says, the line it came from, and its hidden form values."""

    name: str
    text: str
    phrase: str
    hidden: list[tuple[str, str]]


def _text(term: Term) -> str:
    fields = term.fields
    if term.name == "wage":
        period = str(dict(WagePeriod.choices).get(fields.get("wage_period", ""), ""))
        return " ".join(part for part in (_("Wage:"), fields["wage_amount"], fields["wage_currency"], period) if part)
    if term.name == "weekly_hours":
        return _("%(n)s hours a week") % {"n": fields["weekly_hours"]}
    if term.name == "contract_months":
        return _("Contract of %(n)s months") % {"n": fields["contract_months"]}
    return _("Start on %(day)s") % {"day": date_format(date.fromisoformat(fields["start_date"]), "DATE_FORMAT")}


def suggested_terms(text: str) -> list[TermRow]:
    """The terms a vacancy text states, as the box shows them."""
    return [
        TermRow(term.name, _text(term), term.phrase, [(f"term_{term.name}__{f}", v) for f, v in term.fields.items()])
        for term in vacancy_terms(text)
    ]


def with_terms(data: QueryDict) -> QueryDict:
    """The form's data with the ticked terms (`term`) copied into their fields."""
    filled = data.copy()
    for name in data.getlist("term"):
        for key in data:
            if key.startswith(f"term_{name}__"):
                filled[key.split("__", 1)[1]] = str(data.get(key, ""))
    return filled
