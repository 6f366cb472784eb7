"""Reads of the country migration policy profile: policies and laws in force (with links to the law room's
national laws), the lead agency and the inter-ministerial working groups with members, meetings and decisions."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from migdev.core.errors import NotFound
from migdev.core.models import Country
from migdev.policy.models import (
    PolicyInstrument,
    PolicyProfile,
    WorkingGroup,
    WorkingGroupMeeting,
)


def country(code: str, field_name: str = "code") -> Country:
    found = Country.objects.filter(pk=code.strip().upper()[:3]).first()
    if found is None:
        raise NotFound(f"Unknown country code (ISO 3166-1 alpha-3): {code[:10]!r}", field_name)
    return found


def working_groups(iso3: str | None = None) -> QuerySet[WorkingGroup]:
    found = WorkingGroup.objects.select_related("country").prefetch_related(
        "members",
        Prefetch("meetings", queryset=WorkingGroupMeeting.objects.prefetch_related("decisions").order_by("-date")),
    )
    return found.filter(country_id=iso3.upper()) if iso3 else found


def working_group(group_id: int) -> WorkingGroup:
    found = working_groups().filter(pk=group_id).first()
    if found is None:
        raise NotFound(f"No working group {group_id}", "working_group_id")
    return found


@dataclass(frozen=True)
class LawLink:
    """A national law the law room holds for the country (its document page)."""

    work_id: int
    title: str


@dataclass
class CountryPolicy:
    country: Country
    profile: PolicyProfile | None
    instruments: list[PolicyInstrument]
    groups: list[WorkingGroup]
    national_laws: list[LawLink] = field(default_factory=list)


def country_policy(code: str) -> CountryPolicy:
    """Everything the profile page shows for one country (five queries, plus the law room's)."""
    from migdev.law.selectors import national

    found = country(code)
    laws = [LawLink(law.work_id, law.short_title) for law in national.country_laws(found.pk)]
    return CountryPolicy(
        country=found,
        profile=PolicyProfile.objects.filter(country=found).first(),
        instruments=list(PolicyInstrument.objects.filter(country=found).order_by("-in_force", "title")),
        groups=list(working_groups(found.pk)),
        national_laws=laws,
    )


def countries_with_records() -> list[Country]:
    """Countries that have a profile, a policy, a working group, a plan, a published assessment or a request."""
    from migdev.policy.models import CapacityRequest, DevelopmentPlan, SelfAssessment

    codes: set[str] = set(PolicyProfile.objects.values_list("country_id", flat=True))
    codes |= set(PolicyInstrument.objects.values_list("country_id", flat=True))
    codes |= set(WorkingGroup.objects.values_list("country_id", flat=True))
    codes |= set(DevelopmentPlan.objects.values_list("country_id", flat=True))
    codes |= set(SelfAssessment.objects.filter(is_published=True).values_list("country_id", flat=True))
    codes |= set(CapacityRequest.objects.values_list("country_id", flat=True))
    return list(Country.objects.filter(pk__in=codes).order_by("name"))
