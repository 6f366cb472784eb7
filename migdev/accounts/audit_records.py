"""The audited records in words: each room registers how its models are named, so the audit log reads
"Placement of W-1A2B with Acme Farms, 2025 season" instead of "labour.placement #176".

A room registers a namer for a model label (``app_label.modelname``) in its ``AppConfig.ready()``; a namer takes the
record ids of one model and returns a name for each record it still finds, in one query. Accounts cannot import the
domain rooms (import rules), hence the registry.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, User

RecordNamer = Callable[[list[str]], dict[str, str]]

_NAMERS: dict[str, RecordNamer] = {}


def register_record_namer(object_type: str, namer: RecordNamer) -> None:
    """Name the records of `object_type` (a model label such as "labour.placement") in the audit log."""
    _NAMERS[object_type] = namer


def _ids(ids: Iterable[str]) -> list[int]:
    return [int(i) for i in ids if i.isdigit()]


def name_accounts(ids: list[str]) -> dict[str, str]:
    """Accounts by user name (and full name where given)."""
    names = {}
    for user in User.objects.filter(pk__in=_ids(ids)).only("username", "first_name", "last_name"):
        full = user.get_full_name()
        who = f"{user.username} ({full})" if full else user.username
        names[str(user.pk)] = _("Account of %(person)s") % {"person": who}
    return names


register_record_namer("accounts.user", name_accounts)


def _missing(object_type: str, object_id: str) -> str:
    """A record that is gone (or whose type no room names): its kind in words, its id, and that it is gone."""
    try:
        kind = str(capfirst(apps.get_model(object_type)._meta.verbose_name))
    except (LookupError, ValueError):
        kind = object_type
    return _("%(kind)s #%(id)s (no longer exists)") % {"kind": kind, "id": object_id}


def record_names(events: Iterable[AuditEvent]) -> dict[tuple[str, str], str]:
    """Each event's record in words, keyed by (object_type, object_id): one query per kind of record."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for event in events:
        wanted[event.object_type].add(event.object_id)
    names: dict[tuple[str, str], str] = {}
    for object_type, ids in wanted.items():
        namer = _NAMERS.get(object_type)
        found = namer(sorted(ids)) if namer else {}
        for object_id in ids:
            names[(object_type, object_id)] = found.get(object_id) or _missing(object_type, object_id)
    return names
