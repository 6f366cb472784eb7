"""Form building blocks of the labour exchange: rows edited one at a time, code lists, service errors on forms."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from migdev.core.errors import DomainError
from migdev.labour.models import Isced
from migdev.labour.selectors import registry_reference as reference


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
