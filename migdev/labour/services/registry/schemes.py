"""Writes of the registry: schemes and labour agreements, recruiter licences and labour standards."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation
from migdev.accounts.rules import checks_permission
from migdev.accounts.services import Actor
from migdev.core.errors import DomainError
from migdev.core.models import (
    Country,
)
from migdev.core.weblinks import clean_web_url
from migdev.labour.models import (
    LabourAgreement,
    LabourStandard,
    RecruiterLicence,
    Scheme,
    SchemeOriginCap,
    WagePeriod,
)
from migdev.labour.services.registry.references import (
    MAX_WEEKLY_HOURS,
    _country,
    _currency,
    _get,
    _in_range,
    _isco_group,
    _unique,
)

# --- schemes -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SchemeInput:
    """A scheme's rules as given (codes): origins ISO3, occupations ISCO-08 at any level, caps by origin."""

    code: str
    name: str
    kind: str
    eligible_origins: list[str]
    description: str = ""
    agreement: int | None = None
    eligible_occupations: list[str] = field(default_factory=list)
    season_start_month: int | None = None
    season_end_month: int | None = None
    max_stay_months: int | None = None
    max_stay_window_months: int | None = None
    min_weekly_hours: int | None = None
    cap_per_season: int | None = None
    origin_caps: dict[str, int] = field(default_factory=dict)
    cooling_off_days: int = 0
    named_returning_allowed: bool = False
    employer_pays_travel: bool = True
    cost_sharing_notes: str = ""
    source_url: str = ""
    is_active: bool = True


def _resolve_scheme(data: SchemeInput, destination: Country, scheme: Scheme | None) -> dict[str, Any]:
    code = data.code.strip().lower()
    if not code or not all(ch.isalnum() or ch in "-_" for ch in code):
        raise DomainError(_("Give a code of letters, digits and hyphens."), field="code")
    others = Scheme.objects.filter(code=code)
    if scheme is not None:
        others = others.exclude(pk=scheme.pk)
    if others.exists():
        raise DomainError(_("This code is already used by another scheme."), field="code")
    if not data.name.strip():
        raise DomainError(_("Give the scheme a name."), field="name")
    if data.kind not in Scheme.Kind.values:
        raise DomainError(_("Choose a type: seasonal, temporary, circular or long-term."), field="kind")
    agreement = None
    if data.agreement is not None:
        agreement = _get(LabourAgreement, data.agreement, "agreement", _("agreement"))
        if agreement.destination_id != destination.pk:
            raise DomainError(_("The agreement is not one of the scheme's destination."), field="agreement")
    if not data.eligible_origins:
        raise DomainError(_("Name at least one eligible origin country."), field="eligible_origins")
    _unique([c.upper() for c in data.eligible_origins], "eligible_origins")
    origins = [_country(c, "eligible_origins") for c in data.eligible_origins]
    if destination in origins:
        raise DomainError(_("The destination cannot be an origin of its own scheme."), field="eligible_origins")
    _unique(list(data.eligible_occupations), "eligible_occupations")
    occupations = [_isco_group(c, "eligible_occupations") for c in data.eligible_occupations]
    for name in ("season_start_month", "season_end_month"):
        _in_range(getattr(data, name), 1, 12, name)
    if (data.season_start_month is None) != (data.season_end_month is None):
        raise DomainError(_("Give both the first and the last month of the season."), field="season_end_month")
    if (data.max_stay_months is None) != (data.max_stay_window_months is None):
        raise DomainError(
            _("Give the maximum stay with its period (e.g. 7 months in any 11)."), field="max_stay_window_months"
        )
    _in_range(data.max_stay_months, 1, 120, "max_stay_months")
    _in_range(data.max_stay_window_months, 1, 240, "max_stay_window_months")
    if data.max_stay_months and data.max_stay_window_months and data.max_stay_months > data.max_stay_window_months:
        raise DomainError(_("The maximum stay is longer than its period."), field="max_stay_months")
    _in_range(data.min_weekly_hours, 1, MAX_WEEKLY_HOURS, "min_weekly_hours")
    _in_range(data.cap_per_season, 0, 10_000_000, "cap_per_season")
    _in_range(data.cooling_off_days, 0, 3650, "cooling_off_days")
    caps = {}
    for origin_code, cap in data.origin_caps.items():
        origin = _country(origin_code, "origin_caps")
        if origin not in origins:
            raise DomainError(
                _("%(country)s has a cap but is not an eligible origin.") % {"country": origin.name},
                field="origin_caps",
            )
        _in_range(cap, 0, 10_000_000, "origin_caps")
        caps[origin] = cap
    return {
        "values": {
            "code": code,
            "name": data.name.strip(),
            "description": data.description,
            "kind": data.kind,
            "destination": destination,
            "agreement": agreement,
            "season_start_month": data.season_start_month,
            "season_end_month": data.season_end_month,
            "max_stay_months": data.max_stay_months,
            "max_stay_window_months": data.max_stay_window_months,
            "min_weekly_hours": data.min_weekly_hours,
            "cap_per_season": data.cap_per_season,
            "cooling_off_days": data.cooling_off_days,
            "named_returning_allowed": data.named_returning_allowed,
            "employer_pays_travel": data.employer_pays_travel,
            "cost_sharing_notes": data.cost_sharing_notes,
            "source_url": clean_web_url(data.source_url, "source_url"),
            "is_active": data.is_active,
        },
        "origins": origins,
        "occupations": occupations,
        "caps": caps,
    }


def _write_scheme(scheme: Scheme, resolved: dict[str, Any]) -> Scheme:
    for name, value in resolved["values"].items():
        setattr(scheme, name, value)
    scheme.save()
    scheme.eligible_origins.set(resolved["origins"])
    scheme.eligible_occupations.set(resolved["occupations"])
    scheme.origin_caps.all().delete()
    SchemeOriginCap.objects.bulk_create(
        SchemeOriginCap(scheme=scheme, origin=origin, cap=cap) for origin, cap in resolved["caps"].items()
    )
    return scheme


@checks_permission("labour.add_scheme", obj="destination")
def create_scheme(actor: Actor, destination: Country, data: SchemeInput) -> Scheme:
    """An official of the destination (or a steward) creates a scheme."""
    return _write_scheme(Scheme(), _resolve_scheme(data, destination, None))


@checks_permission("labour.change_scheme", obj="scheme")
def update_scheme(actor: Actor, scheme: Scheme, data: SchemeInput) -> Scheme:
    """Change a scheme's rules; its destination stays."""
    return _write_scheme(scheme, _resolve_scheme(data, scheme.destination, scheme))


@checks_permission("labour.delete_scheme", obj="scheme")
def delete_scheme(actor: Actor, scheme: Scheme) -> None:
    """Delete a scheme no vacancy uses (otherwise close it: set it inactive)."""
    if scheme.vacancies.exists():
        raise DomainError(_("Vacancies use this scheme: close it instead."), field="scheme")
    scheme.delete()


# --- recruiters and standards --------------------------------------------------------------------------------------


@checks_permission("labour.change_recruiterlicence", obj="issuing_country")
def record_recruiter_licence(
    actor: Actor,
    issuing_country: Country,
    organisation: Organisation,
    *,
    number: str,
    valid_from: date,
    valid_to: date,
    certification: str = RecruiterLicence.Certification.NONE,
    certification_expires: date | None = None,
) -> RecruiterLicence:
    """An official of the issuing country (or a steward) records a recruitment agency's licence and certification."""
    if organisation.kind != Organisation.Kind.RECRUITMENT_AGENCY:
        raise DomainError(_("Only recruitment agencies hold recruitment licences."), field="organisation")
    if not number.strip():
        raise DomainError(_("Give the licence number."), field="number")
    if valid_to < valid_from:
        raise DomainError(_("The licence ends before it starts."), field="valid_to")
    if certification not in RecruiterLicence.Certification.values:
        raise DomainError(_("Choose a certification status: none, applied or certified."), field="certification")
    if certification == RecruiterLicence.Certification.CERTIFIED and certification_expires is None:
        raise DomainError(_("Give the date the certification expires."), field="certification_expires")
    licence, _created = RecruiterLicence.objects.update_or_create(
        issuing_country=issuing_country,
        number=number.strip(),
        defaults={
            "organisation": organisation,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "certification": certification,
            "certification_expires": certification_expires,
        },
    )
    if licence.organisation_id != organisation.pk:
        raise DomainError(_("This licence number belongs to another agency."), field="number")
    return licence


@checks_permission("labour.change_labourstandard")
def record_labour_standard(
    actor: Actor,
    country_code: str,
    *,
    valid_from: date,
    source: str,
    minimum_wage: Decimal | None = None,
    currency_code: str | None = None,
    wage_period: str = WagePeriod.HOUR,
    max_weekly_hours: int | None = None,
    source_url: str = "",
    verified: bool = False,
) -> LabourStandard:
    """A steward records a country's minimum wage and legal weekly hours, with the source."""
    where = _country(country_code, "country")
    if minimum_wage is not None and minimum_wage <= 0:
        raise DomainError(_("The minimum wage must be more than zero."), field="minimum_wage")
    money = _currency(currency_code, "currency") if currency_code else None
    if minimum_wage is not None and money is None:
        raise DomainError(_("Give the currency of the minimum wage."), field="currency")
    if wage_period not in WagePeriod.values:
        raise DomainError(_("Choose a wage period: hour, week, month or year."), field="wage_period")
    _in_range(max_weekly_hours, 1, MAX_WEEKLY_HOURS, "max_weekly_hours")
    if not source.strip():
        raise DomainError(_("Give the source of the standard."), field="source")
    source_url = clean_web_url(source_url, "source_url")
    standard, _created = LabourStandard.objects.update_or_create(
        country=where,
        valid_from=valid_from,
        defaults={
            "minimum_wage": minimum_wage,
            "currency": money,
            "wage_period": wage_period,
            "max_weekly_hours": max_weekly_hours,
            "source": source.strip(),
            "source_url": source_url,
            "verified": verified,
        },
    )
    return standard
