"""One RPW row to two quotes (USD 200 and USD 500), checked field by field, whichever schema the row came from.

Both schemas are read into the legacy column names (`LEGACY_COLUMNS`); the workbook reader renames its columns.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import finite_number
from migdev.remittances.models import ProviderType, Speed

# Legacy CSV (file rpw_dataset_2011_2014_q2) column names; the workbook's differ only where WORKBOOK_RENAMES says.
TIER_COLUMNS = ("lcu amount", "denomination amount", "lcu code", "lcu fee", "lcu fx rate", "fx margin", "total cost %")
REQUIRED_COLUMNS = (
    "id",
    "period",
    "source",
    "destination",
    "firm",
    "firm_type",
    "speed actual",
    *(f"cc1 {c}" for c in TIER_COLUMNS),
    *(f"cc2 {c}" for c in TIER_COLUMNS),
    "inter lcu bank fx",
    "transparent",
)
OPTIONAL_COLUMNS = ("product", "sending location", "pick-up method", "coverage", "note1", "note2")
TIERS = ((1, 200), (2, 500))
# A denomination may be written a dollar or two off its tier (RPW has 201 and 501); further off, it is another amount.
TIER_TOLERANCE = 0.02
MISSING = frozenset({"", "..", "n/a", "na", "-"})

# RPW writes the West African CFA franc as "CFA" (in the shipped file only Senegal sends in it: XOF, BCEAO).
CURRENCY_ALIASES = {"CFA": "XOF"}
# RPW codes that are not in ISO 3166-1 today: Kosovo (KSV in the workbook's codes, XKX in its corridor strings, as
# the World Bank writes it) and the Netherlands Antilles (ANT, dissolved in 2010, a receiving country until 2014).
COUNTRY_ALIASES = {"KSV": "XKX"}
EXTRA_COUNTRIES = {"XKX": "Kosovo", "ANT": "Netherlands Antilles (former)"}

SPEEDS = {
    "less than one hour": Speed.HOUR,
    "same day": Speed.SAME_DAY,
    "next day": Speed.NEXT_DAY,
    "2 days": Speed.TWO_DAYS,
    "3-5 days": Speed.THREE_TO_FIVE,
    "6 days or more": Speed.SIX_PLUS,
}
# Provider types as RPW writes them; a combined type ("Bank / Money Transfer Operator") takes the first one named.
PROVIDER_TYPES = {
    "bank": ProviderType.BANK,
    "money transfer operator": ProviderType.MTO,
    "mto": ProviderType.MTO,
    "post office": ProviderType.POST,
    "mobile operator": ProviderType.MOBILE,
    "mobile": ProviderType.MOBILE,
}
PERIOD = re.compile(r"(?P<year>20\d\d)_(?P<quarter>[1-4])Q")


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One quote as read from a file (before the cost is recomputed)."""

    rpw_id: int | None
    period: str
    sending: str
    receiving: str
    firm: str
    firm_type: str
    provider_type: str
    instrument: str
    access_point: str
    pickup_method: str
    speed: str
    coverage: str
    tier: int
    currency: str
    amount: float
    fee: float | None
    fx_rate: float | None
    interbank_rate: float
    published_fx_margin: float | None
    published_total: float | None
    transparent: bool
    note: str


@dataclass(frozen=True)
class Codes:
    """The country and currency codes a file may use."""

    countries: frozenset[str]
    currencies: frozenset[str]


def quarter(where: str, row: int, column: str, raw: str) -> str:
    """'2014_1Q' -> '2014Q1'."""
    match = PERIOD.fullmatch(raw.strip())
    if match is None:
        raise ImportFileError(where, row, column, f"{raw!r} is not a quarter written like 2014_1Q")
    return f"{match['year']}Q{match['quarter']}"


def optional_number(where: str, row: int, column: str, raw: object) -> float | None:
    """A number, or None for RPW's 'not provided' marks ('', '..', 'N/A'); text is refused with its cell."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ImportFileError(where, row, column, f"{raw!r} is not a number")
    text = repr(raw) if isinstance(raw, int | float) else str(raw).strip()  # workbook cells may hold numbers
    return None if text.casefold() in MISSING else finite_number(where, row, column, text)


def required_number(where: str, row: int, column: str, raw: object) -> float:
    value = optional_number(where, row, column, raw)
    if value is None:
        raise ImportFileError(where, row, column, "a number is required here")
    return value


class RowReader:
    """Turns one row (column name -> raw value) into its quotes, checking codes and amounts."""

    def __init__(self, where: str, codes: Codes) -> None:
        self.where = where
        self.codes = codes

    def quotes(self, row: int, cell: Callable[[str], object]) -> list[QuoteRecord]:
        where = self.where

        def text(column: str) -> str:
            value = cell(column)
            return "" if value is None else str(value).strip()

        period = quarter(where, row, "period", text("period"))
        sending = self._country(row, "source", text("source"))
        receiving = self._country(row, "destination", text("destination"))
        firm = text("firm")
        if not firm:
            raise ImportFileError(where, row, "firm", "the provider's name is missing")
        firm_type = text("firm_type")
        interbank = required_number(where, row, "inter lcu bank fx", cell("inter lcu bank fx"))
        if interbank <= 0:
            raise ImportFileError(
                where, row, "inter lcu bank fx", f"the interbank rate must be positive, not {interbank:g}"
            )
        transparent = self._yes_no(row, "transparent", text("transparent"))
        rpw_id = optional_number(where, row, "id", cell("id"))
        common = {
            "rpw_id": int(rpw_id) if rpw_id is not None and rpw_id >= 0 else None,
            "period": period,
            "sending": sending,
            "receiving": receiving,
            "firm": firm[:200],
            "firm_type": firm_type[:120],
            "provider_type": provider_type(firm_type),
            "instrument": text("product")[:200],
            "access_point": text("sending location")[:200],
            "pickup_method": text("pick-up method")[:200],
            "speed": self._speed(row, text("speed actual")),
            "coverage": text("coverage")[:120],
            "interbank_rate": interbank,
            "transparent": transparent,
            "note": " ".join(n for n in (text("note1"), text("note2")) if n),
        }
        records = []
        for index, tier in TIERS:
            record = self._tier(row, index, tier, cell, common)
            if record is not None:
                records.append(record)
        return records

    def _tier(
        self, row: int, index: int, tier: int, cell: Callable[[str], object], common: Mapping[str, object]
    ) -> QuoteRecord | None:
        where = self.where
        prefix = f"cc{index} "
        amount = optional_number(where, row, prefix + "lcu amount", cell(prefix + "lcu amount"))
        if amount is None:
            if index == 1:
                raise ImportFileError(where, row, prefix + "lcu amount", "the amount sent is missing")
            return None  # RPW did not price the USD 500 amount for this service
        if amount <= 0:
            raise ImportFileError(
                where, row, prefix + "lcu amount", f"the amount sent must be positive, not {amount:g}"
            )
        denomination = optional_number(where, row, prefix + "denomination amount", cell(prefix + "denomination amount"))
        if denomination is not None and abs(denomination - tier) > tier * TIER_TOLERANCE:
            raise ImportFileError(
                where, row, prefix + "denomination amount", f"{denomination:g} does not match the USD {tier} amount"
            )
        raw_currency = str(cell(prefix + "lcu code") or "").strip().upper()
        if not raw_currency and index > 1:
            raw_currency = str(cell("cc1 lcu code") or "").strip().upper()  # a service sends in one currency
        currency = CURRENCY_ALIASES.get(raw_currency, raw_currency)
        if currency not in self.codes.currencies:
            raise ImportFileError(where, row, prefix + "lcu code", f"{raw_currency!r} is not an ISO 4217 currency code")
        return QuoteRecord(
            tier=tier,
            currency=currency,
            amount=amount,
            fee=optional_number(where, row, prefix + "lcu fee", cell(prefix + "lcu fee")),
            fx_rate=optional_number(where, row, prefix + "lcu fx rate", cell(prefix + "lcu fx rate")),
            published_fx_margin=optional_number(where, row, prefix + "fx margin", cell(prefix + "fx margin")),
            published_total=optional_number(where, row, prefix + "total cost %", cell(prefix + "total cost %")),
            **common,  # type: ignore[arg-type]
        )

    def _country(self, row: int, column: str, raw: str) -> str:
        code = COUNTRY_ALIASES.get(raw.upper(), raw.upper())
        if code not in self.codes.countries:
            raise ImportFileError(self.where, row, column, f"{raw!r} is not a known ISO 3166-1 alpha-3 country code")
        return code

    def _yes_no(self, row: int, column: str, raw: str) -> bool:
        answer = raw.casefold()
        if answer not in ("yes", "no"):
            raise ImportFileError(self.where, row, column, f"expected yes or no, found {raw!r}")
        return answer == "yes"

    def _speed(self, row: int, raw: str) -> str:
        if raw.casefold() in MISSING:
            return Speed.UNKNOWN
        speed = SPEEDS.get(raw.casefold())
        if speed is None:
            expected = ", ".join(str(s.label) for s in Speed if s != Speed.UNKNOWN)
            raise ImportFileError(
                self.where, row, "speed actual", f"unknown speed {raw!r} (expected one of: {expected})"
            )
        return speed


def provider_type(firm_type: str) -> str:
    """RPW's firm type to one of five kinds: 'Bank / Money Transfer Operator' -> bank (the first named)."""
    first = re.split(r"\s*/\s*", firm_type.strip(), maxsplit=1)[0].casefold()
    return PROVIDER_TYPES.get(first, ProviderType.OTHER)
