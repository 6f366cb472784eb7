"""Reads of the processes: lists with filters, one process with its members, a country's processes, overlaps."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from migdev.core.errors import NotFound
from migdev.core.models import Country
from migdev.engines.overlap import Overlap, Profile, Similarity, overlaps, similar
from migdev.rcp.models import FactChange, Member, Process, Source

# Attendance of the Bali Process's first conference (2002) is no membership: left out of overlaps.
PAST_ROLES = ("participant_2002", "observer_2002")


def processes(kind: str = "", theme: str = "", country: str = "", query: str = "") -> QuerySet[Process]:
    found = Process.objects.annotate(
        listed=Count("members", filter=~Q(members__role__in=PAST_ROLES), distinct=True)
    ).order_by("kind", "region", "name")
    if kind:
        found = found.filter(kind=kind)
    if theme:
        found = found.filter(theme_tags__regex=rf"(^|;){_escape(theme)}(;|$)")
    if country:
        found = found.filter(members__country_id=country.upper()).distinct()
    if query:
        found = found.filter(
            Q(name__icontains=query)
            | Q(name_en__icontains=query)
            | Q(acronyms__icontains=query)
            | Q(region_en__icontains=query)
        )
    return found


def _escape(tag: str) -> str:
    return "".join(c for c in tag if c.isalnum() or c == "_")


def process(rcp_id: str) -> Process:
    found = (
        Process.objects.filter(rcp_id=rcp_id)
        .prefetch_related(Prefetch("members", queryset=Member.objects.select_related("country")))
        .first()
    )
    if found is None:
        raise NotFound("No such process", field="rcp_id")
    return found


def sources(codes: list[str]) -> list[Source]:
    known = {s.code: s for s in Source.objects.filter(code__in=codes)}
    return [known.get(code) or Source(code=code, title="unverified") for code in codes]


def history(item: Process) -> QuerySet[FactChange]:
    return item.changes.select_related("changed_by").order_by("-changed_at", "-pk")


def all_history() -> QuerySet[FactChange]:
    return FactChange.objects.select_related("process", "changed_by").order_by("process__rcp_id", "changed_at", "pk")


def country(iso3: str) -> Country:
    found = Country.objects.filter(pk=iso3.upper()[:3]).first()
    if found is None:
        raise NotFound("No such country", field="iso3")
    return found


def memberships_of(iso3: str) -> QuerySet[Member]:
    return Member.objects.filter(country_id=iso3.upper()[:3]).select_related("process").order_by("process__name")


def memberships() -> QuerySet[Member]:
    return Member.objects.select_related("process").order_by("process__rcp_id", "role", "entity_name")


def profiles() -> list[Profile]:
    """Each process's current-ish members (states by code) and themes, for the overlap engine."""
    codes: dict[int, set[str]] = {}
    for process_id, code in (
        Member.objects.exclude(role__in=PAST_ROLES).exclude(code="").values_list("process_id", "code")
    ):
        codes.setdefault(process_id, set()).add(code)
    return [
        Profile(p.rcp_id, frozenset(codes.get(p.pk, set())), frozenset(p.themes))
        for p in Process.objects.order_by("rcp_id")
    ]


@dataclass(frozen=True)
class Similar:
    process: Process
    similarity: Similarity


def similar_to(item: Process, limit: int = 5) -> list[Similar]:
    found = similar(profiles(), item.rcp_id, limit=limit)
    by_id = Process.objects.in_bulk([s.id for s in found], field_name="rcp_id")
    return [Similar(by_id[s.id], s) for s in found if s.id in by_id]


def all_overlaps(minimum_shared: int = 1) -> list[Overlap]:
    return overlaps(profiles(), minimum_shared=minimum_shared)


def names() -> dict[str, str]:
    return {p.rcp_id: p.name for p in Process.objects.all()}


# How the countries page counts a country's roles: members (and participants, partner and founding countries),
# observers, and the rest (accession pending, the Bali Process's 2002 attendance).
MEMBER_ROLES = ("member", "participant", "partner_country", "founding_participant")
OBSERVER_ROLES = ("observer",)


@dataclass(frozen=True)
class CountryCount:
    country: Country
    member: int
    observer: int
    other: int
    processes: int


def country_counts() -> list[CountryCount]:
    """Every country with the number of processes it takes part in, by kind of role (two queries)."""
    by_country: dict[str, dict[str, set[int]]] = {}
    for iso3, role, process_id in Member.objects.filter(country__isnull=False).values_list(
        "country_id", "role", "process_id"
    ):
        kind = "member" if role in MEMBER_ROLES else "observer" if role in OBSERVER_ROLES else "other"
        slots = by_country.setdefault(iso3, {"member": set(), "observer": set(), "other": set()})
        slots[kind].add(process_id)
    out = []
    for place in Country.objects.order_by("name"):
        slots = by_country.get(place.iso3, {"member": set(), "observer": set(), "other": set()})
        out.append(
            CountryCount(
                place,
                member=len(slots["member"]),
                observer=len(slots["observer"]),
                other=len(slots["other"]),
                processes=len(slots["member"] | slots["observer"] | slots["other"]),
            )
        )
    return out
