"""Downloads of the processes and the memberships, as CSV and JSON, with their sources and dates."""

import csv
import io
import json

from django.http import Http404, HttpRequest, HttpResponse

from migdev.rcp.api.conversions import member_out, process_out
from migdev.rcp.selectors import processes as selectors

PROCESS_COLUMNS = [
    "id", "name", "acronyms", "type", "type_as_given", "region", "established_year", "status",
    "member_count_reported", "member_count_as_of", "themes", "uncertain", "sources",
]  # fmt: skip
MEMBER_COLUMNS = ["process", "name", "iso3", "code", "role", "as_of", "sources", "note"]


def _rows(kind: str) -> tuple[list[str], list[dict[str, object]]]:
    if kind == "processes":
        rows = []
        for p in selectors.processes():
            item = process_out(p).dict()
            count = item.pop("member_count")
            item |= {"member_count_reported": count["reported"], "member_count_as_of": count["as_of"]}
            rows.append(item)
        return PROCESS_COLUMNS, rows
    return MEMBER_COLUMNS, [{"process": m.process.rcp_id, **member_out(m).dict()} for m in selectors.memberships()]


def _cell(value: object) -> str:
    text = ";".join(map(str, value)) if isinstance(value, list) else "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # no formulas in spreadsheets


def download(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    if kind not in ("processes", "memberships") or fmt not in ("csv", "json"):
        raise Http404()
    columns, rows = _rows(kind)
    if fmt == "json":
        body = json.dumps({"count": len(rows), "items": rows}, ensure_ascii=False, indent=1)
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
