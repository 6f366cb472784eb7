"""Make a table hold exactly the rows of a file: create the new, update the changed, delete the gone, in bulk."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, TypeVar, cast

from django.db import models
from django.db.models.deletion import ProtectedError, RestrictedError

from migdev.core.errors import ImportFileError

BATCH_SIZE = 2000
# A file may hold at most this share fewer rows than are stored before it is taken for a cut copy of the full set.
MAX_SHRINK = 0.1

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class SyncResult:
    """What a sync changed."""

    created: int
    updated: int
    deleted: int

    def __str__(self) -> str:
        return f"{self.created} new, {self.updated} changed, {self.deleted} removed"


def sync_table(
    model: type[M], key: str, wanted: Sequence[M], fields: Sequence[str], source: str, delete_missing: bool = True
) -> tuple[SyncResult, dict[Any, M]]:
    """Create, update and (unless told not to) delete rows of `model` so they match `wanted`, matched on `key`.

    Only rows whose `fields` differ are updated, so loading the same file twice writes nothing the second time.
    Returns what changed and the rows by key (with their primary keys). A row still used elsewhere
    (a protected foreign key) cannot be deleted: that raises ImportFileError naming `source`.
    """
    attnames = [cast(models.Field, model._meta.get_field(f)).attname for f in fields]
    existing: dict[Any, M] = {getattr(obj, key): obj for obj in model._default_manager.all()}
    to_create: list[M] = []
    to_update: list[M] = []
    for obj in wanted:
        current = existing.get(getattr(obj, key))
        if current is None:
            to_create.append(obj)
            continue
        if any(getattr(current, a) != getattr(obj, a) for a in attnames):
            for a in attnames:
                setattr(current, a, getattr(obj, a))
            to_update.append(current)
    wanted_keys = {getattr(obj, key) for obj in wanted}
    gone = [k for k in existing if k not in wanted_keys] if delete_missing else []
    if gone:
        delete_rows(model, key, gone, source)
    model._default_manager.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        model._default_manager.bulk_update(to_update, list(fields), batch_size=BATCH_SIZE // 4)
    if any(getattr(obj, "pk", None) is None for obj in to_create):
        # Back ends that do not return ids from bulk inserts (e.g. SQLite before 3.35): read them back.
        by_key = model._default_manager.in_bulk(list(wanted_keys), field_name=key)
    else:
        kept = (existing[k] for k in wanted_keys if k in existing)
        by_key = {getattr(obj, key): obj for obj in chain(to_create, kept)}
    return SyncResult(len(to_create), len(to_update), len(gone)), by_key


def check_not_shrinking(source: str, what: str, in_file: int, stored: int, allow_shrink: bool) -> None:
    """Refuse a file that holds far fewer `what` than are stored: it is most likely cut short, and loading it would
    delete (or unlink) the rest. `allow_shrink` (`migdev import --allow-shrink`) replaces them with a smaller set."""
    if allow_shrink or in_file >= stored * (1 - MAX_SHRINK):
        return
    raise ImportFileError(
        source,
        None,
        None,
        f"only {in_file} {what} where {stored} are stored: the file looks truncated, so nothing was changed "
        "(to replace them with a smaller set on purpose, import with --allow-shrink)",
    )


def delete_rows(model: type[models.Model], key: str, keys: Iterable[Any], source: str) -> int:
    """Delete the rows with these keys; rows still used by other data raise ImportFileError instead."""
    try:
        deleted, _ = model._default_manager.filter(**{f"{key}__in": list(keys)}).delete()
    except ProtectedError as exc:
        raise _still_used(model, source, exc.protected_objects) from exc
    except RestrictedError as exc:
        raise _still_used(model, source, exc.restricted_objects) from exc
    return deleted


def _still_used(model: type[models.Model], source: str, users: Iterable[models.Model]) -> ImportFileError:
    example = next(iter(users), None)
    return ImportFileError(
        source,
        None,
        None,
        f"{model._meta.verbose_name_plural} missing from the file are still in use and cannot be removed"
        + (f" (e.g. by {example._meta.verbose_name} {example})" if example is not None else ""),
    )
