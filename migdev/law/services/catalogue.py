"""Writes of the law room's catalogue: instruments, themes, completeness and treaty actions.

The loaders are system operations run by `migdev setup` / `migdev import` (no user, so no permission rule): they
read and check every row first, then write in one transaction, so a bad file changes nothing.
"""

from pathlib import Path

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from migdev.core.errors import ImportFileError
from migdev.core.models import Country
from migdev.core.progress import ProgressReporter
from migdev.law import importers
from migdev.law.models import CompactObjective, Completeness, Instrument, Theme, TreatyAction

# MigDev's own subject vocabulary for instruments (labels translated in the catalogs).
THEMES = {
    "labour_migration": _("Labour migration"),
    "migrant_rights": _("Rights of migrants"),
    "family": _("Families of migrants"),
    "recruitment": _("Recruitment"),
    "domestic_work": _("Domestic work"),
    "forced_labour": _("Forced labour"),
    "trafficking": _("Trafficking in persons"),
    "smuggling": _("Smuggling of migrants"),
    "refugees": _("Refugees"),
    "statelessness": _("Statelessness"),
    "women": _("Women"),
    "children": _("Children"),
    "human_rights": _("Human rights"),
    "migration_governance": _("Migration governance"),
}
LANGUAGES = ("en", "fr", "es")


@transaction.atomic
def load_instruments(folder: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Load the instruments catalogue of `folder` (the layout of migdev/law/data). Idempotent and atomic."""
    with progress.task("Migration law: reading the instruments catalogue", total=None):
        records = importers.read_instruments(_file(folder, importers.INSTRUMENTS_FILE))
        records += importers.read_instruments(_file(folder, importers.MORE_INSTRUMENTS_FILE))
        ids = [r.id for r in records]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ImportFileError(str(folder), None, "instrument", f"listed twice: {', '.join(sorted(duplicates))}")
        catalogue = importers.read_catalogue(_file(folder, importers.CATALOGUE_FILE), ids, THEMES)
        completeness = importers.read_completeness(_file(folder, importers.COMPLETENESS_FILE), ids)
        objectives = importers.read_objectives(_file(folder, importers.OBJECTIVES_FILE))
    missing = set(ids) - {c.id for c in catalogue}
    if missing:
        raise ImportFileError(importers.CATALOGUE_FILE, None, "instrument", f"missing: {', '.join(sorted(missing))}")
    if importers.GCM not in ids:
        raise ImportFileError(importers.MORE_INSTRUMENTS_FILE, None, "instrument", f"{importers.GCM} is missing")

    with progress.task("Migration law: instruments", total=len(records)) as task:
        for code, label in THEMES.items():
            names = {}
            for language in LANGUAGES:
                with translation.override(language):
                    names[f"name_{language}"] = str(label)
            Theme.objects.update_or_create(code=code, defaults={"name": names["name_en"], **names})
        by_id = {c.id: c for c in catalogue}
        for record in records:
            entry = by_id[record.id]
            # Only English titles have a source; FR/ES stay empty and fall back to English (see PROVENANCE.md).
            instrument, _created = Instrument.objects.update_or_create(
                id=record.id,
                defaults={
                    "title": record.title,
                    "title_en": record.title,
                    "short_title": entry.short_title,
                    "kind": entry.kind,
                    "binding": entry.binding,
                    "adopted": record.adopted,
                    "entry_into_force": record.entry_into_force,
                    "depositary": record.depositary,
                    "reference": record.reference,
                    "source_url": record.source_url,
                    "notes": record.notes,
                    "text_slug": entry.text_slug,
                },
            )
            instrument.themes.set(Theme.objects.filter(code__in=entry.themes))
            task.advance()
        for item in completeness:
            Completeness.objects.update_or_create(
                instrument_id=item.instrument,
                defaults={"state": item.state, "as_of": item.as_of, "note": item.note, "source": item.source},
            )
        for objective in objectives:
            CompactObjective.objects.update_or_create(
                instrument_id=importers.GCM,
                number=objective.number,
                defaults={"title": objective.title, "paragraph": objective.paragraph},
            )
    return f"{len(records)} instruments, {len(completeness)} completeness records, {len(objectives)} GCM objectives"


@transaction.atomic
def load_treaty_actions(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Load treaty actions (the format of treaty_actions.csv) from a file, or from the file of that name in a folder.

    Rows are matched on (instrument, participant, action, date): known rows are updated, new rows added, and no row
    is deleted, so an update file may hold only the new actions. Atomic: a bad row changes nothing.
    """
    csv_path = path if path.is_file() else _file(path, importers.ACTIONS_FILE)
    instruments = dict(Instrument.objects.values_list("id", "adopted"))
    countries = set(Country.objects.values_list("iso3", flat=True))
    with progress.task("Migration law: reading treaty actions", total=None):
        records = importers.read_actions(csv_path, instruments, countries)
    existing = {
        (a.instrument_id, a.participant, a.action, a.date, a.date_precision): a for a in TreatyAction.objects.all()
    }
    created = updated = 0
    to_create: list[TreatyAction] = []
    with progress.task("Migration law: treaty actions", total=len(records)) as task:
        for record in records:
            values = {
                "country_id": record.iso3 or None,
                "participant_name": record.participant_name,
                "source": record.source,
                "as_of": record.as_of,
                "notes": record.notes,
                "ilo_options": record.ilo_options,
                "reservations": record.reservations,
            }
            key = (record.instrument, record.participant, record.action, record.date, record.date_precision)
            current = existing.get(key)
            if current is None:
                to_create.append(
                    TreatyAction(
                        instrument_id=record.instrument,
                        participant=record.participant,
                        action=record.action,
                        date=record.date,
                        date_precision=record.date_precision,
                        **values,
                    )
                )
                created += 1
            elif any(getattr(current, field) != value for field, value in values.items()):
                for field, value in values.items():
                    setattr(current, field, value)
                current.save()
                updated += 1
            task.advance()
        TreatyAction.objects.bulk_create(to_create, batch_size=500)
    return f"{len(records)} treaty actions read: {created} new, {updated} changed"


def _file(folder: Path, name: str) -> Path:
    path = folder / name
    if not path.is_file():
        raise ImportFileError(str(path), None, None, "file not found")
    return path
