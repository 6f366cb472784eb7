"""Writes of the law room: loading the instruments catalogue, treaty actions, and texts in Akoma Ntoso.

The loaders are system operations run by `migdev setup` / `migdev import` (no user, so no permission rule): they
read and check every row first, then write in one transaction, so a bad file changes nothing.
"""

import dataclasses
from pathlib import Path

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from lxml import etree

from migdev.core.errors import ImportFileError
from migdev.core.models import Country
from migdev.core.progress import ProgressReporter
from migdev.law import akn, importers
from migdev.law.models import CompactObjective, Completeness, Expression, Instrument, Theme, TreatyAction, Work

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


@transaction.atomic
def load_treaty_texts(folder: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Convert the shipped treaty texts (English part) to AKN 3.0, validate each, store as Work + Expression."""
    records = importers.read_texts(folder)
    instruments = {i.text_slug: i for i in Instrument.objects.exclude(text_slug="")}
    written = 0
    with progress.task("Migration law: treaty texts to Akoma Ntoso", total=len(records)) as task:
        for record in records:
            instrument = instruments.get(record.slug)
            if instrument is None or instrument.adopted is None:
                raise ImportFileError(record.slug, None, "slug", "no instrument with an adoption date has this text")
            adopted = instrument.adopted.isoformat()
            text = akn.to_bluebell(akn.english_part(record.markdown, record.dutch_from_line))
            text = dataclasses.replace(text, title=instrument.title)  # line 5 is often a heading, not the title
            try:
                root = akn.to_akn(text, akn.work_uri(instrument.id, adopted), adopted, manifested=record.modified)
            except akn.AknError as exc:
                raise ImportFileError(record.slug, None, None, str(exc)) from None
            source = (
                f"Text from wetten.overheid.nl (BWB {record.bwb_id}) via github.com/{record.source}; "
                f"English part only; converted to Akoma Ntoso by MigDev"
            )
            written += _store(root, source, instrument)
            task.advance()
    return f"{len(records)} treaty texts converted and valid: {written} new or changed"


@transaction.atomic
def import_akn(path: Path, progress: ProgressReporter, source: str = "", *, allow_shrink: bool = False) -> str:
    """Import one Akoma Ntoso 3.0 file: parsed safely, validated against the strict schema, stored as an expression
    of its work (opaque FRBR IRIs, e.g. web addresses, are kept). Nothing is stored if anything is wrong."""
    with progress.task(f"Akoma Ntoso: {path.name}", total=1) as task:
        try:
            root = akn.parse_xml(path.read_bytes())
            akn.validate(root)
        except akn.AknError as exc:
            raise ImportFileError(str(path), None, None, str(exc)) from None
        changed = _store(root, source or f"imported from {path.name}", None)
        task.advance()
    return f"{path.name}: {'stored' if changed else 'unchanged'}"


def _store(root: etree._Element, source: str, instrument: Instrument | None) -> int:
    """Create or update the work and expression of a valid AKN document; 1 if anything was written."""
    who = akn.identity(root)
    work_values = {"title": who.title, "doctype": who.doctype, "naming_compliant": who.naming_compliant}
    if instrument is not None:
        work_values["instrument"] = instrument
    work, created = Work.objects.get_or_create(frbr_uri=who.work_iri, defaults=work_values)
    if not created and any(getattr(work, field) != value for field, value in work_values.items()):
        for field, value in work_values.items():
            setattr(work, field, value)
        work.save()
        created = True
    xml = etree.tostring(root, encoding="unicode")
    values = {"work": work, "language": who.language, "date": who.date, "xml": xml, "source": source}
    expression = Expression.objects.filter(frbr_uri=who.expression_iri).first()
    if expression is None:
        Expression.objects.create(frbr_uri=who.expression_iri, **values)
        return 1
    if any(getattr(expression, field) != value for field, value in values.items()):
        for field, value in values.items():
            setattr(expression, field, value)
        expression.save()
        return 1
    return int(created)
