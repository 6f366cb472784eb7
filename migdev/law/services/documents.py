"""Writes of the law room's documents: treaty texts converted to Akoma Ntoso, and imported AKN files."""

import dataclasses
from pathlib import Path

from django.db import transaction
from lxml import etree

from migdev.core.errors import ImportFileError
from migdev.core.progress import ProgressReporter
from migdev.law import akn, importers
from migdev.law.models import Expression, Instrument, Work


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


def store_expression(root: etree._Element, source: str, instrument: Instrument | None) -> int:
    """Store a valid AKN document as an expression of its work (for the other parts of the room); 1 if written."""
    return _store(root, source, instrument)
