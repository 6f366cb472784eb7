"""Minimum standards on a vacancy's terms, and whether a recruiter may place workers; every failure is named.

`check_vacancy` lists what keeps a vacancy from being published: recruitment costs charged to the worker (the
Employer Pays Principle, itemised by the ILO's cost categories), a wage below the destination's minimum wage or
hours above its legal limit (or no recorded standard: "unverified", never a pass), no contract language, a clause
retaining identity documents, the ILO Domestic Workers Convention (C189) for ISCO 9111, and the scheme's own rules.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation
from migdev.engines.labour.registry_rules import contract_end, convert_wage, within_season
from migdev.labour.models import CostCategory, LabourStandard, Payer, RecruiterLicence, Vacancy, WagePeriod

# ISCO-08 unit group of domestic cleaners and helpers: the ILO Domestic Workers Convention, 2011 (No. 189) applies.
DOMESTIC_WORK_ISCO = "9111"


@dataclass(frozen=True)
class Failure:
    """One minimum standard a vacancy does not meet: a stable code, the field at fault, a message for people."""

    code: str
    field: str
    message: str


class Reference:
    """The labour standards of the destinations and the licences of the recruiters of many vacancies, read in two
    queries, so that checking many vacancies does not cost queries per vacancy."""

    def __init__(self, vacancies: Iterable[Vacancy]) -> None:
        rows = list(vacancies)
        self._standards: dict[str, list[LabourStandard]] = {}
        standards = LabourStandard.objects.filter(country_id__in={v.destination_id for v in rows})
        for standard in standards.select_related("currency").order_by("country_id", "-valid_from"):
            self._standards.setdefault(standard.country_id, []).append(standard)
        self._licences: dict[int, list[RecruiterLicence]] = {}
        licences = RecruiterLicence.objects.filter(organisation_id__in={v.recruiter_id for v in rows if v.recruiter_id})
        for licence in licences.order_by("-valid_to"):
            self._licences.setdefault(licence.organisation_id, []).append(licence)

    def standard_on(self, country_id: str, on: date) -> LabourStandard | None:
        """The country's standard in force on a day: the latest one valid from that day or before."""
        return next((s for s in self._standards.get(country_id, []) if s.valid_from <= on), None)

    def licences_of(self, organisation_id: int) -> list[RecruiterLicence]:
        """The recruiter's licences, latest expiry first."""
        return self._licences.get(organisation_id, [])


def _money(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01')):,}"


def _cost_failures(vacancy: Vacancy) -> list[Failure]:
    failures = []
    terms = {term.category: term for term in vacancy.cost_terms.all()}
    for category in CostCategory:
        term = terms.get(category.value)
        field = f"cost_terms.{category.value}"
        if term is None:
            failures.append(
                Failure(
                    "cost_term_missing",
                    field,
                    _("Say who pays this recruitment cost: %(cost)s.") % {"cost": category.label},
                )
            )
        elif term.payer == Payer.WORKER:
            failures.append(
                Failure(
                    "worker_pays_cost",
                    field,
                    _("The worker must not pay any recruitment cost (Employer Pays Principle): %(cost)s.")
                    % {"cost": category.label},
                )
            )
    scheme = vacancy.scheme
    travel = terms.get(CostCategory.TRAVEL.value)
    if scheme is not None and scheme.employer_pays_travel and travel is not None and travel.payer != Payer.EMPLOYER:
        failures.append(
            Failure(
                "scheme_travel_not_employer",
                "cost_terms.travel",
                _("Under %(scheme)s the employer pays the round-trip travel.") % {"scheme": scheme.name},
            )
        )
    return failures


def _wage_failures(vacancy: Vacancy, standard: LabourStandard | None) -> list[Failure]:
    country = vacancy.destination.name
    if standard is None or standard.minimum_wage is None:
        return [
            Failure(
                "minimum_wage_unverified",
                "wage_amount",
                _("Unverified: no minimum wage is recorded for %(country)s on %(date)s.")
                % {"country": country, "date": vacancy.start_date.isoformat()},
            )
        ]
    if standard.currency_id != vacancy.wage_currency_id:
        return [
            Failure(
                "minimum_wage_unverified",
                "wage_currency",
                _("Unverified: the minimum wage of %(country)s is recorded in %(standard)s, the wage is in %(wage)s.")
                % {"country": country, "standard": standard.currency_id, "wage": vacancy.wage_currency_id},
            )
        ]
    if vacancy.weekly_hours <= 0:
        return []  # reported by the hours check
    minimum = convert_wage(
        standard.minimum_wage, standard.wage_period, vacancy.wage_period, Decimal(vacancy.weekly_hours)
    ).quantize(Decimal("0.01"))
    if vacancy.wage_amount < minimum:
        return [
            Failure(
                "below_minimum_wage",
                "wage_amount",
                _(
                    "The wage (%(wage)s %(currency)s %(period)s) is below the minimum wage of %(country)s, "
                    "%(minimum)s %(currency)s %(period)s at %(hours)s hours a week (%(source)s, %(date)s)."
                )
                % {
                    "wage": _money(vacancy.wage_amount),
                    "currency": vacancy.wage_currency_id,
                    "period": WagePeriod(vacancy.wage_period).label,
                    "country": country,
                    "minimum": _money(minimum),
                    "hours": vacancy.weekly_hours,
                    "source": standard.source,
                    "date": standard.valid_from.isoformat(),
                },
            )
        ]
    return []


def _hours_failures(vacancy: Vacancy, standard: LabourStandard | None) -> list[Failure]:
    if vacancy.weekly_hours <= 0:
        return [Failure("hours_missing", "weekly_hours", _("Give the weekly hours of work."))]
    if standard is None or standard.max_weekly_hours is None:
        return [
            Failure(
                "hours_unverified",
                "weekly_hours",
                _("Unverified: no legal limit of weekly hours is recorded for %(country)s on %(date)s.")
                % {"country": vacancy.destination.name, "date": vacancy.start_date.isoformat()},
            )
        ]
    if vacancy.weekly_hours > standard.max_weekly_hours:
        return [
            Failure(
                "hours_above_limit",
                "weekly_hours",
                _("%(hours)s hours a week is above the legal limit of %(limit)s in %(country)s (%(source)s).")
                % {
                    "hours": vacancy.weekly_hours,
                    "limit": standard.max_weekly_hours,
                    "country": vacancy.destination.name,
                    "source": standard.source,
                },
            )
        ]
    return []


def _contract_failures(vacancy: Vacancy) -> list[Failure]:
    failures = []
    domestic = vacancy.isco_group_id == DOMESTIC_WORK_ISCO
    if not vacancy.contract_languages.all():
        failures.append(
            Failure(
                "contract_language_missing",
                "contract_languages",
                _("Give at least one language the contract is written in."),
            )
        )
    if vacancy.retains_documents:
        if domestic:
            failures.append(
                Failure(
                    "c189_document_retention",
                    "retains_documents",
                    _("Domestic workers keep their own travel and identity documents (ILO C189, article 9)."),
                )
            )
        else:
            failures.append(
                Failure(
                    "document_retention",
                    "retains_documents",
                    _("The employer must not keep the worker's identity documents."),
                )
            )
    if domestic and not vacancy.written_contract:
        failures.append(
            Failure(
                "c189_written_contract",
                "written_contract",
                _("Domestic workers are informed of their terms in a written contract (ILO C189, article 7)."),
            )
        )
    if domestic and vacancy.rest_days_per_week < 1:
        failures.append(
            Failure(
                "c189_rest_day",
                "rest_days_per_week",
                _("Domestic workers have at least 24 consecutive hours of rest each week (ILO C189, article 10)."),
            )
        )
    return failures


def _scheme_failures(vacancy: Vacancy) -> list[Failure]:
    scheme = vacancy.scheme
    if scheme is None:
        return []
    failures = []
    if scheme.destination_id != vacancy.destination_id:
        failures.append(
            Failure(
                "scheme_destination",
                "scheme",
                _("%(scheme)s is a scheme of %(country)s, not of the vacancy's destination.")
                % {"scheme": scheme.name, "country": scheme.destination.name},
            )
        )
    if not scheme.is_active:
        failures.append(Failure("scheme_inactive", "scheme", _("%(scheme)s is closed.") % {"scheme": scheme.name}))
    if scheme.min_weekly_hours and vacancy.weekly_hours < scheme.min_weekly_hours:
        failures.append(
            Failure(
                "scheme_min_hours",
                "weekly_hours",
                _("%(scheme)s guarantees at least %(hours)s hours a week.")
                % {"scheme": scheme.name, "hours": scheme.min_weekly_hours},
            )
        )
    groups = [group.code for group in scheme.eligible_occupations.all()]
    if groups and not any(vacancy.isco_group_id.startswith(code) for code in groups):
        failures.append(
            Failure(
                "scheme_occupation",
                "occupation",
                _("%(scheme)s does not cover ISCO-08 group %(code)s.")
                % {"scheme": scheme.name, "code": vacancy.isco_group_id},
            )
        )
    season = (scheme.season_start_month, scheme.season_end_month)
    if (
        season[0]
        and season[1]
        and not within_season(season[0], season[1], vacancy.start_date.month, vacancy.contract_months)
    ):
        failures.append(
            Failure(
                "scheme_season",
                "start_date",
                _(
                    "The contract (%(start)s to %(end)s) runs outside the season of %(scheme)s "
                    "(months %(from)s to %(to)s)."
                )
                % {
                    "start": vacancy.start_date.isoformat(),
                    "end": contract_end(vacancy.start_date, vacancy.contract_months).isoformat(),
                    "scheme": scheme.name,
                    "from": scheme.season_start_month,
                    "to": scheme.season_end_month,
                },
            )
        )
    if scheme.max_stay_months and vacancy.contract_months > scheme.max_stay_months:
        failures.append(
            Failure(
                "scheme_max_stay",
                "contract_months",
                _("%(scheme)s allows a stay of at most %(months)s months.")
                % {"scheme": scheme.name, "months": scheme.max_stay_months},
            )
        )
    return failures


def check_vacancy(vacancy: Vacancy, reference: Reference | None = None) -> list[Failure]:
    """Every minimum standard the vacancy's terms fail, each naming its field; an empty list means compliant.
    Give `reference` (read once for all of them) when checking many vacancies."""
    reference = reference or Reference([vacancy])
    standard = reference.standard_on(vacancy.destination_id, vacancy.start_date)
    failures = [
        *_cost_failures(vacancy),
        *_wage_failures(vacancy, standard),
        *_hours_failures(vacancy, standard),
        *_contract_failures(vacancy),
        *_scheme_failures(vacancy),
    ]
    if vacancy.recruiter is not None:
        licences = reference.licences_of(vacancy.recruiter.pk)
        for reason in recruiter_may_place(vacancy.recruiter, timezone.localdate(), licences):
            failures.append(Failure("recruiter_licence", "recruiter", reason))
    return failures


# --- recruiters ---------------------------------------------------------------------------------------------------


def licence_valid_on(organisation: Organisation, on: date) -> bool:
    """Whether the organisation holds a recruitment licence valid on the day."""
    return RecruiterLicence.objects.filter(organisation=organisation, valid_from__lte=on, valid_to__gte=on).exists()


def recruiter_may_place(
    organisation: Organisation, on_date: date, licences: list[RecruiterLicence] | None = None
) -> list[str]:
    """Why the recruiter may not place workers on the day (an empty list: it may). Expired licences block.
    `licences`: the organisation's licences, latest expiry first, where they have been read already."""
    reasons: list[str] = []
    if organisation.kind != Organisation.Kind.RECRUITMENT_AGENCY:
        reasons.append(_("%(name)s is not a recruitment agency.") % {"name": organisation.name})
    if not organisation.is_approved:
        reasons.append(_("%(name)s is not approved.") % {"name": organisation.name})
    if licences is None:
        licences = list(RecruiterLicence.objects.filter(organisation=organisation).order_by("-valid_to"))
    if not licences:
        reasons.append(_("%(name)s holds no recruitment licence.") % {"name": organisation.name})
    elif not any(licence.valid_from <= on_date <= licence.valid_to for licence in licences):
        latest = licences[0]
        if latest.valid_to < on_date:
            reasons.append(
                _("The recruitment licence %(number)s of %(name)s expired on %(date)s.")
                % {"number": latest.number, "name": organisation.name, "date": latest.valid_to.isoformat()}
            )
        else:
            reasons.append(
                _("%(name)s holds no recruitment licence valid on %(date)s.")
                % {"name": organisation.name, "date": on_date.isoformat()}
            )
    return reasons
