"""The checks every entry point shares (forms, API, CSV import): codes resolved or refused naming the field."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from migdev.core.errors import DomainError
from migdev.core.models import Country, Currency, GcmGuidingPrinciple, GcmObjective, SdgTarget
from migdev.core.weblinks import clean_web_url
from migdev.partnerships.models import Commitment, Partner
from migdev.partnerships.rcps import is_rcp

EARLIEST = date(1990, 1, 1)
LATEST = date(2100, 12, 31)


@dataclass(frozen=True)
class CommitmentInput:
    title: str
    form: str
    summary: str = ""
    type: str = Commitment.Type.INDIVIDUAL
    matches: int | None = None
    partners: list[int] = field(default_factory=list)
    amount: str = ""
    currency: str = ""
    gcm_objectives: list[int] = field(default_factory=list)
    guiding_principles: list[str] = field(default_factory=list)
    sdg_targets: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    rcps: list[str] = field(default_factory=list)
    start: date | None = None
    deadline: date | None = None
    status: str = Commitment.Status.PLANNED


@dataclass
class Resolved:
    """A commitment's input with every code turned into the rows it names."""

    matches: Commitment | None
    partners: list[Partner]
    amount: Decimal | None
    currency: Currency | None
    objectives: list[GcmObjective]
    principles: list[GcmGuidingPrinciple]
    targets: list[SdgTarget]
    countries: list[Country]
    rcps: list[str]


def _choice(value: str, choices: Any, field_name: str) -> str:
    if value not in choices.values:
        allowed = ", ".join(choices.values)
        raise DomainError(
            _("Unknown value %(value)s (expected one of: %(allowed)s).") % {"value": value[:30], "allowed": allowed},
            field_name,
        )
    return value


def _dates(data: CommitmentInput) -> None:
    for name, value in (("start", data.start), ("deadline", data.deadline)):
        if value is not None and not EARLIEST <= value <= LATEST:
            raise DomainError(_("Give a date between 1990 and 2100."), name)
    if data.start and data.deadline and data.deadline < data.start:
        raise DomainError(_("The deadline is before the start."), "deadline")


def _amount(data: CommitmentInput) -> tuple[Decimal | None, Currency | None]:
    raw = (data.amount or "").strip().replace(",", "")
    if not raw:
        if data.currency.strip():
            raise DomainError(_("Give the amount the currency is for."), "amount")
        return None, None
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        raise DomainError(_("The amount is not a number."), "amount") from None
    if not amount.is_finite() or amount < 0 or amount >= Decimal(10) ** 14:
        raise DomainError(_("The amount must be a positive number below 10^14."), "amount")
    code = data.currency.strip().upper()
    currency = Currency.objects.filter(pk=code).first() if code else None
    if currency is None:
        raise DomainError(_("Give the currency of the amount as an ISO 4217 code (e.g. USD)."), "currency")
    return amount.quantize(Decimal("0.01")), currency


def _codes(model: Any, values: list[Any], field_name: str, message: str) -> list[Any]:
    wanted = list(dict.fromkeys(values))
    found = {row.pk: row for row in model.objects.filter(pk__in=wanted)}
    for value in wanted:
        if value not in found:
            raise DomainError(message % {"code": str(value)[:20]}, field_name)
    return [found[v] for v in wanted]


def resolve(data: CommitmentInput, commitment: Commitment) -> Resolved:
    """Check a commitment's input; every unknown code or impossible value is refused naming its field."""
    if not data.title.strip():
        raise DomainError(_("Give the commitment a title."), "title")
    if len(data.title.strip()) > 200:
        raise DomainError(_("The title is longer than 200 characters."), "title")
    _choice(data.type, Commitment.Type, "type")
    _choice(data.form, Commitment.Form, "form")
    _choice(data.status, Commitment.Status, "status")
    _dates(data)
    matches = None
    if data.type == Commitment.Type.MATCHING:
        if data.matches is None:
            raise DomainError(_("Say which pledge this one matches."), "matches")
        matches = Commitment.objects.filter(pk=data.matches).first() if 0 < data.matches < 2**31 else None
        if matches is None or (commitment.pk and matches.pk == commitment.pk):
            raise DomainError(_("The pledge it matches was not found."), "matches")
    elif data.matches is not None:
        raise DomainError(_("Only a matching pledge names the pledge it matches."), "matches")
    unknown = next((p for p in data.partners if not 0 < p < 2**31), None)
    if unknown is not None:
        raise DomainError(_("Unknown partner %(code)s.") % {"code": str(unknown)[:20]}, "partners")
    partners = _codes(Partner, data.partners, "partners", _("Unknown partner %(code)s."))
    if commitment.pledger_id in {p.pk for p in partners}:
        raise DomainError(_("The pledger is not one of its own partners."), "partners")
    if data.type in (Commitment.Type.PARTNERSHIP, Commitment.Type.COMMON) and not partners:
        raise DomainError(_("Name the partners of a common pledge or a pledge in partnership."), "partners")
    amount, currency = _amount(data)
    rcps = list(dict.fromkeys(r.strip() for r in data.rcps if r.strip()))
    for code in rcps:
        if not is_rcp(code):
            raise DomainError(_("Unknown RCP %(code)s.") % {"code": code[:30]}, "rcps")
    return Resolved(
        matches=matches,
        partners=partners,
        amount=amount,
        currency=currency,
        objectives=_codes(
            GcmObjective, data.gcm_objectives, "gcm_objectives", _("Unknown GCM objective %(code)s (1 to 23).")
        ),
        principles=_codes(
            GcmGuidingPrinciple,
            [p.strip().lower() for p in data.guiding_principles],
            "guiding_principles",
            _("Unknown GCM guiding principle %(code)s (a to j)."),
        ),
        targets=_codes(
            SdgTarget, [t.strip() for t in data.sdg_targets], "sdg_targets", _("Unknown SDG target %(code)s.")
        ),
        countries=_codes(
            Country,
            [c.strip().upper() for c in data.countries],
            "countries",
            _("Unknown country code %(code)s (ISO 3166-1 alpha-3 expected)."),
        ),
        rcps=rcps,
    )


def apply_commitment(commitment: Commitment, data: CommitmentInput) -> Commitment:
    """Check and store a commitment with its links (the caller holds the transaction and the permission)."""
    resolved = resolve(data, commitment)
    commitment.title = data.title.strip()
    commitment.summary = data.summary.strip()
    commitment.type = data.type
    commitment.matches = resolved.matches
    commitment.form = data.form
    commitment.amount = resolved.amount
    commitment.currency = resolved.currency
    commitment.start = data.start
    commitment.deadline = data.deadline
    commitment.status = data.status
    commitment.save()
    commitment.partners.set(resolved.partners)
    commitment.gcm_objectives.set(resolved.objectives)
    commitment.guiding_principles.set(resolved.principles)
    commitment.sdg_targets.set(resolved.targets)
    commitment.countries.set(resolved.countries)
    commitment.rcps.exclude(rcp_id__in=resolved.rcps).delete()
    have = set(commitment.rcps.values_list("rcp_id", flat=True))
    commitment.rcps.bulk_create(
        [commitment.rcps.model(commitment=commitment, rcp_id=r) for r in resolved.rcps if r not in have]
    )
    return commitment


def clean_partner(name: str, kind: str, country: str, website: str) -> tuple[str, str, Country | None, str]:
    if not name.strip():
        raise DomainError(_("Give the partner's name."), "name")
    _choice(kind, Partner.Kind, "kind")
    found = None
    if country.strip():
        found = Country.objects.filter(pk=country.strip().upper()[:3]).first()
        if found is None:
            raise DomainError(
                _("Unknown country code %(code)s (ISO 3166-1 alpha-3 expected).") % {"code": country[:10]}, "country"
            )
    return name.strip()[:200], kind, found, clean_web_url(website, "website")
