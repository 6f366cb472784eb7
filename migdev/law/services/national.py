"""Writes of national legislation: a folder of laws and their consolidated versions (Works of their country, one
Expression per version), and a steward's amendment (a new Expression)."""

import datetime
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from lxml import etree

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError, ImportFileError
from migdev.core.models import Country
from migdev.core.progress import ProgressReporter
from migdev.law import national_files
from migdev.law.models import Expression, Implementation, Instrument, NationalLaw, Theme, Work
from migdev.law.services.documents import store_expression


@transaction.atomic
def load_national_laws(folder: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Import a national-law folder (see national_files): every file is read, converted and validated before the
    first write, then laws, versions and links to instruments are stored in one transaction."""
    if not folder.is_dir():
        raise ImportFileError(str(folder), None, None, "not a folder (expected laws.csv, versions.csv, implements.csv)")
    countries = set(Country.objects.values_list("iso3", flat=True))
    themes = set(Theme.objects.values_list("code", flat=True))
    with progress.task("National law: reading and converting to Akoma Ntoso", total=1) as task:
        laws = {r.slug: r for r in national_files.read_laws(folder, countries, themes)}
        versions = national_files.read_versions(folder, laws)
        instruments = set(Instrument.objects.values_list("id", flat=True))
        links = national_files.read_implements(folder, laws, instruments)
        task.advance()
    written = 0
    with progress.task("National law: storing works and versions", total=len(laws) + len(versions)) as task:
        stored: dict[str, NationalLaw] = {}
        for record in laws.values():
            work, _created = Work.objects.update_or_create(
                frbr_uri=record.frbr_uri,
                defaults={"title": record.title, "doctype": "act", "naming_compliant": True},
            )
            work.country_id = record.country
            work.save(update_fields=["country"])
            law, _created = NationalLaw.objects.update_or_create(
                work=work,
                defaults={
                    "slug": record.slug,
                    "short_title": record.short_title,
                    "source_url": record.source_url,
                    "licence": record.licence,
                },
            )
            law.themes.set(Theme.objects.filter(code__in=record.themes))
            stored[record.slug] = law
            task.advance()
        for version in versions:
            written += store_expression(version.root, version.source, None)
            task.advance()
        for slug, law in stored.items():
            law.implementations.exclude(instrument_id__in=[r.instrument for r in links if r.slug == slug]).delete()
        for link in links:
            Implementation.objects.update_or_create(
                law=stored[link.slug],
                instrument_id=link.instrument,
                defaults={"provisions": link.provisions, "source": link.source, "note": link.note},
            )
    return f"{len(laws)} national laws, {len(versions)} versions valid ({written} new or changed), {len(links)} links"


@checks_permission("law.add_expression", obj="law")
def add_amendment(
    actor: User,
    law: NationalLaw,
    *,
    date: datetime.date,
    data: bytes,
    text_format: str,
    amending_act: str,
    source: str,
) -> Expression:
    """Record an amendment: the law's text as it stands from `date`, as a new expression (AKN, or structured text
    in one of national_files.FORMATS), validated against the strict schema. A version of that date is refused."""
    language = law.work.expressions.order_by("-date").values_list("language", flat=True).first() or "spa"
    day = date.isoformat()
    if law.work.expressions.filter(date=day, language=language).exists():
        raise DomainError(_("This law already has a version dated %(date)s.") % {"date": day}, "date")
    if text_format not in national_files.FORMATS:
        raise DomainError(_("Unknown text format %(format)s.") % {"format": text_format}, "text_format")
    if not amending_act.strip():
        raise DomainError(_("Name the amending act."), "amending_act")
    try:
        root: etree._Element = national_files.version_akn(
            law.work.frbr_uri, language, text_format, law.work.title, day, data, "text"
        )
    except ImportFileError as exc:
        raise DomainError(exc.problem, "text") from None
    note = f"{amending_act.strip()}. Text: {source.strip() or law.source_url}; {law.licence}"
    store_expression(root, note, None)
    return law.work.expressions.get(date=day, language=language)
