"""Writes of the remittances room: RPW price files, the published corridor series, the 2017 flow matrix.

The loaders are system operations run by `migdev setup` / `migdev import` (no user); a steward's upload of a new
quarter goes through `upload_prices`, which checks the permission first. Each reads and checks the whole file before
writing anything, then writes in one transaction.
"""

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError, ImportFileError
from migdev.core.importers.sync import check_not_shrinking
from migdev.core.job_records import UPLOAD_ABANDONED, UPLOAD_BROKE, fail_when_abandoned, failed, run_recorded
from migdev.core.models import Country, Currency
from migdev.core.progress import ProgressReporter, SilentProgress
from migdev.engines.remittance_cost import price_components
from migdev.remittances import rules as _rules  # noqa: F401  (registers the permissions)
from migdev.remittances.importers import files, series
from migdev.remittances.importers.quotes import EXTRA_COUNTRIES, Codes, QuoteRecord
from migdev.remittances.models import PriceImport, PriceQuote, PriceUpload, PublishedCorridorAverage
from migdev.stats import services as stats_services
from migdev.stats.services import IndicatorSpec, PublishedSeries

BATCH_SIZE = 5_000
FLOW_INDICATOR = "remittance-flow-2017"
FLOW_SERIES = PublishedSeries(
    indicator=IndicatorSpec(
        FLOW_INDICATOR,
        (
            "Bilateral remittance estimates, 2017 (US$ millions)",
            "Estimations bilatérales des envois de fonds, 2017 (millions de dollars É.-U.)",
            "Estimaciones bilaterales de remesas, 2017 (millones de dólares EE. UU.)",
        ),
        "USD_M",
        1,
        bilateral=True,
        description="Remittances received by the reference area (receiving country) from the counterpart area "
        "(sending country), in millions of US dollars. Analytical estimates from migrant stocks and incomes "
        "(Ratha and Shaw 2007), not reported flows; informal channels are not included.",
    ),
    period="2017",
    source_code="wb-knomad-bilateral-remittances-2017",
    title="Bilateral Remittance Estimates for 2017 using Migrant Stocks, Host Country Incomes, and Origin Country "
    "Incomes (millions of US$), April 2018 version",
    publisher="World Bank / KNOMAD",
    licence="CC BY 4.0",
    url="https://www.knomad.org/data/remittances",
    version="April 2018",
    attribution="The World Bank / KNOMAD, Bilateral Remittance Estimates for 2017 (April 2018), CC BY 4.0.",
    dataflow="MIGDEV:WB_BILATERAL_REMITTANCES(1.0)",
)


def known_codes() -> Codes:
    """ISO 3166-1 countries (plus the RPW codes that are not in it today) and ISO 4217 currencies."""
    countries = set(Country.objects.values_list("iso3", flat=True)) | set(EXTRA_COUNTRIES)
    return Codes(frozenset(countries), frozenset(Currency.objects.values_list("code", flat=True)))


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise ImportFileError(str(path), None, None, f"cannot be read ({exc.strerror or exc})") from exc
    return digest.hexdigest()


def load_prices(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """`migdev import rpw FILE`: an RPW file of either schema (legacy CSV or the current workbook). Atomic.

    The file's quarters replace the stored quotes of those quarters; a file already loaded (same SHA-256) changes
    nothing. Every row is checked before anything is written.
    """
    return _load_prices(path, path.name, progress, None, allow_shrink=allow_shrink)


@checks_permission("remittances.add_pricequote")
def upload_prices(actor: User, chunks: Iterable[bytes], file_name: str) -> PriceUpload:
    """A steward's upload of a new quarter (or a corrected one): kept under var/uploads and queued for the job
    worker, which checks it whole and stores it whole or not at all (`load_price_upload`)."""
    folder = Path(settings.VAR_DIR) / "uploads" / "rpw"
    folder.mkdir(parents=True, exist_ok=True)
    stored = folder / f"{uuid.uuid4().hex}{Path(file_name).suffix.casefold()[:10]}"
    with stored.open("wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
    try:
        from migdev.remittances.tasks import load_uploaded_prices

        with transaction.atomic():  # the job exists exactly when its upload does
            upload = PriceUpload.objects.create(file_name=file_name[:255], stored_as=str(stored), uploaded_by=actor)
            upload.job_id = str(load_uploaded_prices.enqueue(upload.pk).id)
            upload.save(update_fields=["job_id"])
    except BaseException:
        stored.unlink(missing_ok=True)
        raise
    return upload


def load_price_upload(upload_id: int) -> None:
    """The job's body: check and load an uploaded file, record what came of it, and delete the copy."""

    def load(upload: PriceUpload) -> dict[str, Any]:
        path = Path(upload.stored_as)
        try:
            summary = _load_prices(path, upload.file_name, SilentProgress(), upload.uploaded_by)
        except DomainError as error:
            return failed(str(error.message).replace(str(path), upload.file_name))
        else:
            return {"message": summary, "price_import": PriceImport.objects.filter(sha256=file_digest(path)).first()}
        finally:
            path.unlink(missing_ok=True)

    run_recorded(
        PriceUpload.objects.select_related("uploaded_by"),
        upload_id,
        load,
        unexpected=UPLOAD_BROKE,
    )


PRICE_UPLOAD_JOB = "migdev.remittances.tasks.load_uploaded_prices"
# The worker checking an upload died: nothing was stored (one transaction); say so, so the steward uploads it again.
fail_when_abandoned(
    PRICE_UPLOAD_JOB,
    PriceUpload,
    UPLOAD_ABANDONED,
)


def _load_prices(
    path: Path, file_name: str, progress: ProgressReporter, user: User | None, *, allow_shrink: bool = False
) -> str:
    if not path.is_file():
        raise ImportFileError(str(path), None, None, "file not found")
    digest = file_digest(path)
    existing = PriceImport.objects.filter(sha256=digest).first()
    if existing is not None:
        return f"{file_name}: already loaded ({existing.quotes} quotes, {existing.periods})"
    codes = known_codes()
    with progress.task(f"RPW prices: reading {file_name}", total=None):
        records = list(files.read_quotes(path, codes))
    if not records:
        raise ImportFileError(str(path), None, None, "the file holds no price quotes")
    periods = sorted({r.period for r in records})
    stored = PriceQuote.objects.filter(period__in=periods).count()
    check_not_shrinking(str(path), "price quotes", len(records), stored, allow_shrink)
    with transaction.atomic():
        PriceQuote.objects.filter(period__in=periods).delete()
        PriceImport.objects.filter(quotes_set__isnull=True).delete()
        price_import = PriceImport.objects.create(
            file_name=file_name[:255],
            sha256=digest,
            schema=PriceImport.Schema.WORKBOOK if files.is_workbook(path) else PriceImport.Schema.LEGACY,
            periods=", ".join(periods)[:500],
            quotes=len(records),
            imported_by=user,
        )
        with progress.task("RPW prices: writing quotes", total=len(records)) as task:
            for start in range(0, len(records), BATCH_SIZE):
                batch = records[start : start + BATCH_SIZE]
                PriceQuote.objects.bulk_create(_quotes(price_import, batch))
                task.advance(len(batch))
    flagged = PriceQuote.objects.filter(price_import=price_import, total_mismatch=True).count()
    return f"{len(records)} quotes in {len(periods)} quarters ({flagged} with a total that differs from the recomputed)"


def _quotes(price_import: PriceImport, records: Sequence[QuoteRecord]) -> list[PriceQuote]:
    """Rows with their cost recomputed by the engine, vectorised over the batch."""

    def column(name: str) -> np.ndarray:
        return np.array([np.nan if getattr(r, name) is None else getattr(r, name) for r in records], dtype=float)

    parts = price_components(
        column("amount"),
        column("fee"),
        column("fx_rate"),
        column("interbank_rate"),
        column("published_total"),
        np.array([r.transparent for r in records], dtype=bool),
    )

    def number(array: np.ndarray, index: int) -> float | None:
        value = float(array[index])
        return value if np.isfinite(value) else None

    return [
        PriceQuote(
            price_import=price_import,
            **{name: getattr(record, name) for name in QuoteRecord.__slots__},
            fee_pct=number(parts.fee_pct, i),
            fx_margin=number(parts.fx_margin, i),
            total_cost=number(parts.total_cost, i),
            total_mismatch=bool(parts.total_mismatch[i]),
            negative_margin=bool(parts.negative_margin[i]),
        )
        for i, record in enumerate(records)
    ]


@transaction.atomic
def load_corridor_series(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """`migdev import rpw-series FILE`: the World Bank's published corridor averages replace the stored ones."""
    countries = known_codes().countries
    with progress.task("RPW published corridor averages: reading", total=None):
        values = list(series.read_corridor_series(path, countries))
    stored = PublishedCorridorAverage.objects.count()
    check_not_shrinking(str(path), "corridor averages", len(values), stored, allow_shrink)
    PublishedCorridorAverage.objects.all().delete()
    PublishedCorridorAverage.objects.bulk_create(
        (
            PublishedCorridorAverage(sending=v.sending, receiving=v.receiving, period=v.period, value=v.value)
            for v in values
        ),
        batch_size=BATCH_SIZE,
    )
    return f"{len(values)} published corridor-quarters"


def load_remittance_flows(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """`migdev import remittance-flows-2017 FILE`: the 2017 bilateral matrix into the statistics store.

    Stored as indicator remittance-flow-2017: ref area = receiving country, counterpart = sending country.
    """
    code_by_name = {c.name: c.iso3 for c in Country.objects.all()}
    with progress.task("2017 bilateral remittances: reading", total=None):
        flows, unknown = series.read_flow_matrix(path, code_by_name)
    if unknown:
        raise ImportFileError(str(path), 1, unknown[0], f"no ISO 3166-1 code known for {unknown[0]!r}")
    with progress.task("2017 bilateral remittances: writing", total=None):
        stored, skipped, unknown_areas = stats_services.load_bilateral_series(
            FLOW_SERIES, ((f.receiving, f.sending, f.value) for f in flows), str(path), allow_shrink=allow_shrink
        )
    note = f" ({skipped} left out: no statistics area for {', '.join(unknown_areas)})" if skipped else ""
    return f"{stored} bilateral flows{note}"
