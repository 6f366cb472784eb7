"""The Migration Impact Statement: everything the HTML page and the PDF show, gathered from the project's latest
stage outputs in the reader's language, with every missing part named (it renders with any mix of missing data)."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from migdev.core.models import Country
from migdev.impact.dimensions import DIMENSION_LABELS, LEVEL_LABELS, RATING_LABELS, STAGE_LABELS
from migdev.impact.models import Project, StageVersion
from migdev.impact.selectors import projects as selectors

GAP_TOPICS = {
    "migrant_stock": gettext_lazy("international migrant stock (UN DESA)"),
    "diaspora": gettext_lazy("diaspora abroad (UN DESA bilateral stock)"),
    "remittance_costs": gettext_lazy("remittance costs (Remittance Prices Worldwide)"),
    "labour": gettext_lazy("labour supply and demand (labour exchange)"),
    "instruments": gettext_lazy("international instruments the country is party to"),
}
ROLES = {
    "project": gettext_lazy("project country"),
    "origin": gettext_lazy("origin"),
    "destination": gettext_lazy("destination"),
}


@dataclass
class Statement:
    """The statement's parts; each list or dict may be empty, and `missing` names what is."""

    project: Project
    versions: dict[str, StageVersion]
    summary: str = ""
    outcome: str = ""
    dimensions: list[str] = field(default_factory=list)
    area: dict[str, Any] = field(default_factory=dict)
    stakeholders: list[dict[str, Any]] = field(default_factory=list)
    consultations: list[dict[str, Any]] = field(default_factory=list)
    countries: list[dict[str, Any]] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    chart: list[dict[str, Any]] = field(default_factory=list)
    impacts: list[dict[str, Any]] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)
    indicators: list[dict[str, Any]] = field(default_factory=list)
    review: dict[str, Any] | None = None
    decision: dict[str, Any] | None = None
    monitoring: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _names(codes: set[str]) -> dict[str, str]:
    return {c.pk: c.name for c in Country.objects.filter(pk__in=codes)}


def _rating(kind: str, value: int) -> str:
    return f"{value} ({RATING_LABELS[kind][value - 1]})"


def _baseline(statement: Statement, data: dict[str, Any], names: dict[str, str]) -> None:
    sources: set[str] = set()
    for country in data.get("countries", []):
        code = country["iso3"]
        row = {**country, "name": names.get(code, code), "role_label": ROLES.get(country.get("role", ""), "")}
        statement.countries.append(row)
        for part in ("migrant_stock", "diaspora", "remittance_costs", "labour", "instruments"):
            if country.get(part) and country[part].get("source"):
                sources.add(country[part]["source"])
        stock = country.get("migrant_stock")
        if stock and stock.get("total") is not None:
            statement.chart.append({"label": names.get(code, code), "value": round(stock["total"])})
    for gap in data.get("gaps", []):
        topic = GAP_TOPICS.get(gap["topic"], gap["topic"])
        statement.gaps.append(f"{names.get(gap['country'], gap['country'])}: {topic}")
    statement.sources = sorted(sources)


def build(project: Project) -> Statement:
    """The statement of `project` as it stands (latest version of each stage)."""
    latest = selectors.latest_versions(project)
    statement = Statement(project=project, versions=latest)
    data = {stage: version.data for stage, version in latest.items()}
    missing = statement.missing
    statement.outcome = project.get_screening_outcome_display() if project.screening_outcome else ""
    if not statement.outcome:
        missing.append(_("Screening outcome (the checklist is not complete)."))
    statement.summary = data.get("statement", {}).get("summary", "")
    if not statement.summary:
        missing.append(_("Non-technical summary."))
    scoping = data.get("scoping", {})
    statement.dimensions = [str(DIMENSION_LABELS.get(d, d)) for d in scoping.get("dimensions", [])]
    if not scoping:
        missing.append(_("Scoping (dimensions, area of influence, stakeholders)."))
    codes = {project.country_id, *scoping.get("origins", []), *scoping.get("destinations", [])}
    codes |= {c["iso3"] for c in data.get("baseline", {}).get("countries", [])}
    names = _names(codes)
    statement.area = {
        "origins": [names.get(c, c) for c in scoping.get("origins", [])],
        "destinations": [names.get(c, c) for c in scoping.get("destinations", [])],
        "places": scoping.get("places") or project.places,
    }
    statement.stakeholders = scoping.get("stakeholders", [])
    statement.consultations = scoping.get("consultations", [])
    if not statement.consultations:
        missing.append(_("Consultation record (no consultation recorded)."))
    if "baseline" in data:
        _baseline(statement, data["baseline"], names)
    else:
        missing.append(_("Baseline (not drawn yet)."))
    _matrix(statement, data, missing)
    _decisions(statement, latest, missing)
    return statement


def _matrix(statement: Statement, data: dict[str, Any], missing: list[str]) -> None:
    rated = data.get("significance", {}).get("impacts") or data.get("prediction", {}).get("impacts", [])
    for number, impact in enumerate(rated, start=1):
        statement.impacts.append(
            {
                **impact,
                "number": number,
                "dimension_label": str(DIMENSION_LABELS.get(impact["dimension"], impact["dimension"])),
                "direction_label": _("positive") if impact["direction"] == "positive" else _("negative"),
                "magnitude_label": _rating("magnitude", impact["magnitude"]),
                "likelihood_label": _rating("likelihood", impact["likelihood"]),
                "sensitivity_label": _rating("sensitivity", impact["sensitivity"]),
                "level_label": str(LEVEL_LABELS[impact["level"]]) if impact.get("level") else "",
            }
        )
    if not rated:
        missing.append(_("Impact matrix."))
    elif "significance" not in data:
        missing.append(_("Significance of the impacts."))
    plan = data.get("mitigation", {})
    library = selectors.by_code(selectors.measures())
    for row in plan.get("measures", []):
        measure = library.get(row["measure"]) if row.get("measure") else None
        statement.measures.append(
            {
                **row,
                "number": row["impact"] + 1,
                "title": measure.title if measure else "",
                "kind": measure.get_kind_display() if measure else "",
                "gcm": [o.number for o in measure.gcm_objectives.all()] if measure else [],
            }
        )
    indicators = selectors.by_code(selectors.monitoring_indicators())
    for row in plan.get("indicators", []):
        indicator = indicators.get(row["indicator"])
        statement.indicators.append(
            {
                **row,
                "name": indicator.name if indicator else row["indicator"],
                "sdg": [s.code for s in indicator.sdg_indicators.all()] if indicator else [],
            }
        )
    if not plan:
        missing.append(_("Mitigation and monitoring plan."))


def _decisions(statement: Statement, latest: dict[str, StageVersion], missing: list[str]) -> None:
    review = latest.get("review")
    if review:
        statement.review = {**review.data, "author": review.author, "at": review.created_at}
    else:
        missing.append(_("Review (not reviewed yet)."))
    decision = latest.get("decision")
    if decision:
        statement.decision = {**decision.data, "author": decision.author, "at": decision.created_at}
    else:
        missing.append(_("Decision (not decided yet)."))
    monitoring = selectors.history(statement.project, "monitoring")
    statement.monitoring = [{**v.data, "author": v.author} for v in monitoring]


def stage_label(stage: str) -> str:
    return str(STAGE_LABELS.get(stage, stage))
