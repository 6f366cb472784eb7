"""CSV downloads of the policy room: the crosswalk, published self-assessments (one row per answer), capacity-building
requests and initiatives, development plans' checklists, and a country's results framework."""

import csv
import io
from collections.abc import Callable, Sequence

from migdev.policy import frameworks
from migdev.policy.selectors import assessments, capacity, plans, results_framework

Rows = tuple[list[str], Sequence[Sequence[object]]]


def _crosswalk() -> Rows:
    columns = [
        "sdg_10_7_2_domain",
        "sdg_10_7_2_domain_name",
        "sub_id",
        "subcategory",
        "gcm_objectives",
        "gcm_link",
        "mgi_domain",
        "mgi_link",
        "migof_element",
        "migof_link",
        "mgi_verification",
    ]
    rows = [
        [
            r.domain.number,
            r.domain.name,
            s.sub_id,
            s.text,
            ";".join(str(n) for n in r.objectives[s.sub_id]),
            frameworks.DERIVED,
            r.mgi.name,
            r.mgi_link,
            r.migof.key,
            r.migof_link,
            r.mgi.verification,
        ]
        for r in frameworks.crosswalk()
        for s in r.domain.subcategories
    ]
    return columns, rows


def _assessments() -> Rows:
    columns = ["country", "year", "overall", "band", "sub_id", "code", "evidence", "is_demo"]
    rows = []
    for found in assessments.comparison():
        item = found.assessment
        for answer in item.answers.all():
            rows.append(
                [
                    item.country_id,
                    item.year,
                    found.score.overall,
                    found.score.band,
                    answer.sub_id,
                    format(answer.code.normalize(), "f"),
                    answer.evidence,
                    item.is_demo,
                ]
            )
    return columns, rows


def _requests() -> Rows:
    columns = ["id", "country", "title", "domain", "sub_id", "gcm_objectives", "status", "initiatives", "is_demo"]
    rows = [
        [
            r.pk,
            r.country_id,
            r.title,
            r.domain,
            r.sub_id,
            ";".join(str(o.number) for o in r.gcm_objectives.all()),
            r.status,
            ";".join(str(i.pk) for i in r.initiatives.all()),  # type: ignore[attr-defined]
            r.is_demo,
        ]
        for r in capacity.requests()
    ]
    return columns, rows


def _initiatives() -> Rows:
    columns = [
        "id",
        "organisation",
        "country",
        "title",
        "domain",
        "gcm_objectives",
        "partners",
        "start",
        "end",
        "status",
        "results",
        "requests_answered",
        "is_demo",
    ]
    rows = [
        [
            i.pk,
            i.organisation.name,
            i.country_id,
            i.title,
            i.domain,
            ";".join(str(o.number) for o in i.gcm_objectives.all()),
            i.partners,
            i.start,
            i.end or "",
            i.status,
            i.results,
            ";".join(str(r.pk) for r in i.answers.all()),
            i.is_demo,
        ]
        for i in capacity.initiatives()
    ]
    return columns, rows


def _plans() -> Rows:
    columns = ["plan_id", "country", "title", "kind", "start_year", "end_year", "item", "rating", "evidence", "is_demo"]
    rows = [
        [
            p.pk,
            p.country_id,
            p.title,
            p.kind,
            p.start_year,
            p.end_year,
            row.item.key,
            row.answer.rating if row.answer else "",
            row.answer.evidence if row.answer else "",
            p.is_demo,
        ]
        for p in plans.plans()
        for row in plans.checklist_rows(p)
    ]
    return columns, rows


KINDS: dict[str, Callable[[], Rows]] = {
    "crosswalk": _crosswalk,
    "self-assessments": _assessments,
    "capacity-requests": _requests,
    "capacity-initiatives": _initiatives,
    "plans": _plans,
}


def results_framework_rows(iso3: str) -> Rows:
    columns = ["indicator", "target", "value", "unit", "period", "note", "source", "room", "missing"]
    rows: list[list[object]] = []
    for r in results_framework.results_framework(iso3):
        if not r.figures:
            rows.append([r.indicator, r.target, "", "", "", "", "", "", str(r.missing)])
        for f in r.figures:
            rows.append([r.indicator, r.target, f.value, str(f.unit), f.period, str(f.note), str(f.source), f.room, ""])
    return columns, rows


def as_csv(table: Rows) -> str:
    columns, rows = table
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(row)
    return out.getvalue()
