"""A steward corrects a fact of a process: the change goes to the fact's history with who made it."""

from typing import Any

from django.utils.translation import gettext as _

from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.rcp.models import FactChange, Process

EDITABLE = (
    "secretariat", "chair_history", "objectives", "status", "formal_association", "member_count_reported",
    "member_count_as_of", "observers_summary", "thematic_focus", "official_site", "source_ids", "uncertain",
)  # fmt: skip
TRANSLATED = {"objectives", "observers_summary", "thematic_focus"}


@checks_permission("rcp.change_process", "process")
def change_fact(actor: Any, process: Process, field: str, value: str) -> FactChange:
    if field not in EDITABLE:
        raise DomainError(_("This fact cannot be edited here."), field="field")
    value = value.strip()
    if field == "official_site" and value and not value.startswith(("https://", "http://")):
        raise DomainError(_("The address must start with https:// or http://."), field="value")
    column = f"{field}_en" if field in TRANSLATED else field
    old = getattr(process, column) or ""
    setattr(process, column, value)
    process.save(update_fields=[column])
    return FactChange.objects.create(
        process=process, field=field, old_value=old, new_value=value, changed_by=actor, via="edited by a steward"
    )
