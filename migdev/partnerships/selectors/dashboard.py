"""The dashboards: commitments by GCM objective, by type of partner (the share involving business), by country and
by RCP, with overdue and fulfilled counts. Every count is of distinct commitments (a pledge serving three objectives
counts once under each, and once in the total)."""

from dataclasses import dataclass, field

from django.db.models import Q

from migdev.core.models import Country, GcmObjective
from migdev.partnerships.models import BUSINESS_KINDS, Commitment, CommitmentRcp, Partner
from migdev.partnerships.rcps import rcp_names
from migdev.partnerships.selectors.registry import overdue_q

FULFILLED = Q(status=Commitment.Status.FULFILLED)


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    total: int
    overdue: int
    fulfilled: int


@dataclass(frozen=True)
class Dashboard:
    total: int
    overdue: int
    fulfilled: int
    withdrawn: int
    involving_business: int
    by_objective: list[Bar] = field(default_factory=list)
    by_partner_kind: list[Bar] = field(default_factory=list)
    by_country: list[Bar] = field(default_factory=list)
    by_rcp: list[Bar] = field(default_factory=list)

    @property
    def business_share(self) -> float | None:
        return self.involving_business / self.total if self.total else None


def _counts(ids_by_key: dict[str, set[int]], overdue: set[int], fulfilled: set[int]) -> dict[str, tuple[int, int, int]]:
    return {key: (len(ids), len(ids & overdue), len(ids & fulfilled)) for key, ids in ids_by_key.items()}


def _group(pairs: list[tuple[object, int]]) -> dict[str, set[int]]:
    grouped: dict[str, set[int]] = {}
    for key, commitment_id in pairs:
        if key is not None:
            grouped.setdefault(str(key), set()).add(commitment_id)
    return grouped


def dashboard() -> Dashboard:
    """All the dashboard's counts, from a few queries over the (small) registry."""
    all_ids = set(Commitment.objects.values_list("pk", flat=True))
    overdue = set(Commitment.objects.filter(overdue_q()).values_list("pk", flat=True))
    fulfilled = set(Commitment.objects.filter(FULFILLED).values_list("pk", flat=True))
    withdrawn = Commitment.objects.filter(status=Commitment.Status.WITHDRAWN).count()

    by_objective = _group(
        list(Commitment.gcm_objectives.through.objects.values_list("gcmobjective_id", "commitment_id"))
    )
    kinds = _group(list(Commitment.objects.values_list("pledger__kind", "pk")))
    for kind, ids in _group(
        list(Commitment.partners.through.objects.values_list("partner__kind", "commitment_id"))
    ).items():
        kinds.setdefault(kind, set()).update(ids)
    business = set().union(*(kinds.get(str(k), set()) for k in BUSINESS_KINDS))
    by_country = _group(list(Commitment.countries.through.objects.values_list("country_id", "commitment_id")))
    by_rcp = _group(list(CommitmentRcp.objects.values_list("rcp_id", "commitment_id")))

    objective_counts = _counts(by_objective, overdue, fulfilled)
    objectives = [
        Bar(str(o.number), f"{o.number}. {o.short_label}", *objective_counts.get(str(o.number), (0, 0, 0)))
        for o in GcmObjective.objects.order_by("number")
    ]
    kind_counts = _counts(kinds, overdue, fulfilled)
    partner_kinds = [Bar(k, str(label), *kind_counts.get(k, (0, 0, 0))) for k, label in Partner.Kind.choices]
    country_counts = _counts(by_country, overdue, fulfilled)
    names = {c.pk: c.name for c in Country.objects.filter(pk__in=list(country_counts))}
    countries = sorted(
        (Bar(code, str(names.get(code, code)), *counts) for code, counts in country_counts.items()),
        key=lambda b: (-b.total, b.label),
    )
    rcp_counts = _counts(by_rcp, overdue, fulfilled)
    rcp_labels = rcp_names()
    rcps = sorted(
        (Bar(code, rcp_labels.get(code, code), *counts) for code, counts in rcp_counts.items()),
        key=lambda b: (-b.total, b.label),
    )
    return Dashboard(
        total=len(all_ids),
        overdue=len(overdue),
        fulfilled=len(fulfilled),
        withdrawn=withdrawn,
        involving_business=len(business),
        by_objective=objectives,
        by_partner_kind=partner_kinds,
        by_country=countries,
        by_rcp=rcps,
    )
