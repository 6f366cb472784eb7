"""Writes of national legislation: a folder of laws and their consolidated versions (Works of their country, one
Expression per version), and a steward's amendment (a new Expression)."""

import datetime
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError, ImportFileError
from migdev.core.job_records import fail_when_abandoned, failed, run_recorded
from migdev.core.models import Country
from migdev.core.progress import ProgressReporter
from migdev.law import national_files
from migdev.law.models import AmendmentUpload, Expression, Implementation, Instrument, NationalLaw, Theme, Work
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
    """Record an amendment now: the law's text as it stands from `date`, as a new expression (AKN, or structured
    text in one of national_files.FORMATS), validated against the strict schema. A version of that date is refused.
    Stewards in the admin go through `queue_amendment`, which does the same in a background job."""
    _check_amendment(law, date=date, text_format=text_format, amending_act=amending_act)
    return _record_amendment(
        law, date=date, data=data, text_format=text_format, amending_act=amending_act, source=source
    )


@checks_permission("law.add_expression", obj="law")
def queue_amendment(
    actor: User,
    law: NationalLaw,
    *,
    date: datetime.date,
    chunks: Iterable[bytes],
    file_name: str,
    text_format: str,
    amending_act: str,
    source: str,
) -> AmendmentUpload:
    """A steward's amendment upload: what can be checked at once is (date, format, act), the file is kept under
    var/uploads/law and a job converts and validates it, recording the version or the reason it was refused."""
    _check_amendment(law, date=date, text_format=text_format, amending_act=amending_act)
    folder = Path(settings.VAR_DIR) / "uploads" / "law"
    folder.mkdir(parents=True, exist_ok=True)
    stored = folder / f"{uuid.uuid4().hex}{Path(file_name).suffix.casefold()[:10]}"
    with stored.open("wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
    try:
        from migdev.law.tasks import record_uploaded_amendment

        with transaction.atomic():  # the job exists exactly when its upload does
            upload = AmendmentUpload.objects.create(
                law=law,
                date=date,
                amending_act=amending_act.strip()[:300],
                source=source.strip()[:500],
                text_format=text_format,
                file_name=file_name[:255],
                stored_as=str(stored),
                uploaded_by=actor,
            )
            upload.job_id = str(record_uploaded_amendment.enqueue(upload.pk).id)
            upload.save(update_fields=["job_id"])
    except BaseException:
        stored.unlink(missing_ok=True)
        raise
    return upload


def run_amendment_upload(upload_id: int) -> None:
    """The job's body: convert, validate and store an uploaded text as a new version (all or nothing), record
    what came of it on the upload, and delete the copy. The permission was checked when it was queued."""

    def record(upload: AmendmentUpload) -> dict[str, Any]:
        path = Path(upload.stored_as)
        try:
            with transaction.atomic():
                _check_amendment(
                    upload.law, date=upload.date, text_format=upload.text_format, amending_act=upload.amending_act
                )
                expression = _record_amendment(
                    upload.law,
                    date=upload.date,
                    data=path.read_bytes(),
                    text_format=upload.text_format,
                    amending_act=upload.amending_act,
                    source=upload.source,
                )
        except DomainError as error:
            return failed(str(error.message).replace(str(path), upload.file_name))
        except OSError:
            return failed(_("The uploaded copy could not be read."))
        finally:
            path.unlink(missing_ok=True)
        recorded = _("Version %(date)s recorded.") % {"date": upload.date.isoformat()}
        return {"expression": expression, "message": recorded}

    run_recorded(
        AmendmentUpload.objects.select_related("law__work"),
        upload_id,
        record,
        unexpected=gettext_lazy(
            "An unexpected error stopped the conversion; nothing was stored. Upload the text again."
        ),
    )


AMENDMENT_JOB = "migdev.law.tasks.record_uploaded_amendment"
# The worker converting an amendment died: nothing was stored (one transaction); say so.
fail_when_abandoned(
    AMENDMENT_JOB,
    AmendmentUpload,
    gettext_lazy("The job worker stopped while converting the text; nothing was stored. Upload it again."),
)


def _law_language(law: NationalLaw) -> str:
    return law.work.expressions.order_by("-date").values_list("language", flat=True).first() or "spa"


def _check_amendment(law: NationalLaw, *, date: datetime.date, text_format: str, amending_act: str) -> None:
    """What an amendment must satisfy before its text is read: a new date, a known format, a named act."""
    day = date.isoformat()
    if law.work.expressions.filter(date=day, language=_law_language(law)).exists():
        raise DomainError(_("This law already has a version dated %(date)s.") % {"date": day}, "date")
    if text_format not in national_files.FORMATS:
        raise DomainError(_("Unknown text format %(format)s.") % {"format": text_format}, "text_format")
    if not amending_act.strip():
        raise DomainError(_("Name the amending act."), "amending_act")


def _record_amendment(
    law: NationalLaw, *, date: datetime.date, data: bytes, text_format: str, amending_act: str, source: str
) -> Expression:
    language, day = _law_language(law), date.isoformat()
    try:
        root: etree._Element = national_files.version_akn(
            law.work.frbr_uri, language, text_format, law.work.title, day, data, "text"
        )
    except ImportFileError as exc:
        raise DomainError(exc.problem, "text") from None
    note = f"{amending_act.strip()}. Text: {source.strip() or law.source_url}; {law.licence}"
    store_expression(root, note, None)
    return law.work.expressions.get(date=day, language=language)
