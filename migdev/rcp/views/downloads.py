"""Downloads of everything as CSV and JSON: processes (every fact), memberships, countries' counts, meetings, good
practices and the history of the facts."""

import csv
import io
import json
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse

from migdev.rcp.api.conversions import (
    change_out,
    country_count_out,
    meeting_out,
    member_out,
    practice_out,
    process_out,
)
from migdev.rcp.selectors import activity
from migdev.rcp.selectors import processes as selectors

PROCESS_COLUMNS = [
    "id", "name", "acronyms", "type", "type_as_given", "region", "established_year", "established_note", "status",
    "formal_association", "secretariat", "chair_history", "objectives", "thematic_focus", "observers_summary",
    "member_count_reported", "member_count_as_of", "themes", "official_site", "iom_page", "uncertain", "sources",
]  # fmt: skip
MEMBER_COLUMNS = ["process", "name", "iso3", "code", "role", "as_of", "sources", "note"]
COUNTRY_COLUMNS = ["iso3", "name", "member", "observer", "other", "processes"]
MEETING_COLUMNS = [
    "id", "process", "title", "start_date", "end_date", "level", "place", "summary", "is_demo", "documents",
]  # fmt: skip
PRACTICE_COLUMNS = [
    "id", "process", "title", "themes", "countries", "year", "summary", "outcome", "evidence_url",
    "evidence_document", "source", "is_demo",
]  # fmt: skip
HISTORY_COLUMNS = [
    "process", "field", "kind", "old_value", "new_value", "source", "as_of", "changed_by", "via", "changed_at",
]  # fmt: skip
DETAIL_FACTS = (
    "established_note", "formal_association", "secretariat", "chair_history", "objectives", "thematic_focus",
    "observers_summary", "official_site", "iom_page",
)  # fmt: skip


def _processes() -> list[dict[str, object]]:
    rows = []
    for p in selectors.processes():
        item = process_out(p).dict()
        count = item.pop("member_count")
        item |= {"member_count_reported": count["reported"], "member_count_as_of": count["as_of"]}
        item |= {fact: getattr(p, fact) for fact in DETAIL_FACTS}
        rows.append(item)
    return rows


def _meetings() -> list[dict[str, object]]:
    rows = []
    for m in activity.meetings():
        item = meeting_out(m).dict()
        item["documents"] = [d["url"] for d in item["documents"]]
        rows.append(item)
    return rows


def _practices() -> list[dict[str, object]]:
    rows = []
    for g in activity.practices():
        item = practice_out(g).dict()
        item["evidence_document"] = item["evidence_document"]["url"] if item["evidence_document"] else ""
        rows.append(item)
    return rows


ROWS: dict[str, tuple[list[str], Callable[[], list[dict[str, object]]]]] = {
    "processes": (PROCESS_COLUMNS, _processes),
    "memberships": (
        MEMBER_COLUMNS,
        lambda: [{"process": m.process.rcp_id, **member_out(m).dict()} for m in selectors.memberships()],
    ),
    "countries": (COUNTRY_COLUMNS, lambda: [country_count_out(c).dict() for c in selectors.country_counts()]),
    "meetings": (MEETING_COLUMNS, _meetings),
    "good-practices": (PRACTICE_COLUMNS, _practices),
    "history": (
        HISTORY_COLUMNS,
        lambda: [{"process": c.process.rcp_id, **change_out(c).dict()} for c in selectors.all_history()],
    ),
}
KINDS = tuple(ROWS)


def _rows(kind: str) -> tuple[list[str], list[dict[str, object]]]:
    columns, rows = ROWS[kind]
    return columns, rows()


def _cell(value: object) -> str:
    text = ";".join(map(str, value)) if isinstance(value, list) else "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # no formulas in spreadsheets


def download(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    if kind not in KINDS or fmt not in ("csv", "json"):
        raise Http404()
    columns, rows = _rows(kind)
    if fmt == "json":
        body = json.dumps({"count": len(rows), "items": rows}, ensure_ascii=False, indent=1, default=str)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rcp-{kind}.{fmt}"'
    return response
