"""Downloads: commitments and dashboard counts as CSV, and evidence documents served as attachments."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

from migdev.partnerships.models import Commitment, ProgressUpdate
from migdev.partnerships.selectors.dashboard import Dashboard

COMMITMENT_COLUMNS = [
    "id", "title", "pledger", "pledger_kind", "partners", "type", "form", "amount", "currency", "gcm_objectives",
    "guiding_principles", "sdg_targets", "countries", "rcps", "start", "deadline", "status", "overdue", "demo",
]  # fmt: skip


def _safe(value: object) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(name: str, header: list[str], rows: Iterable[list[object]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    return response


def commitments_csv(found: Iterable[Commitment]) -> HttpResponse:
    rows: Iterable[list[object]] = (
        [
            c.pk,
            c.title,
            c.pledger.name,
            c.pledger.kind,
            ";".join(p.name for p in c.partners.all()),
            c.type,
            c.form,
            c.amount,
            c.currency_id,
            ";".join(str(o.number) for o in c.gcm_objectives.all()),
            ";".join(p.letter for p in c.guiding_principles.all()),
            ";".join(t.code for t in c.sdg_targets.all()),
            ";".join(country.iso3 for country in c.countries.all()),
            ";".join(c.rcp_ids),
            c.start,
            c.deadline,
            c.status,
            "yes" if c.is_overdue else "no",
            "yes" if c.is_demo else "no",
        ]
        for c in found
    )
    return _csv("commitments.csv", COMMITMENT_COLUMNS, rows)


def dashboard_csv(board: Dashboard) -> HttpResponse:
    rows: list[list[object]] = [["all", "total", "", board.total, board.overdue, board.fulfilled]]
    rows.append(["business", "involving business or employer organisations", "", board.involving_business, "", ""])
    for dimension, bars in (
        ("gcm_objective", board.by_objective),
        ("partner_kind", board.by_partner_kind),
        ("country", board.by_country),
        ("rcp", board.by_rcp),
    ):
        rows.extend([dimension, bar.key, bar.label, bar.total, bar.overdue, bar.fulfilled] for bar in bars)
    return _csv("commitments-dashboard.csv", ["dimension", "key", "label", "commitments", "overdue", "fulfilled"], rows)


def document_response(content: bytes, name: str, content_type: str) -> HttpResponse:
    """A stored document as an attachment that no browser runs: safe file name, no sniffing, sandboxed."""
    response = HttpResponse(content, content_type=content_type)
    safe_name = "".join(ch for ch in name if ch.isalnum() or ch in "._- ")[:100] or "document"
    response["Content-Disposition"] = f'attachment; filename="{safe_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def evidence_response(update: ProgressUpdate) -> HttpResponse:
    return document_response(bytes(update.evidence_data), update.evidence_name, update.evidence_type)
