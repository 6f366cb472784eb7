"""A pasted vacancy text's terms (wage, weekly hours, contract length, start date), in English, French or Spanish.

Only what the text states in figures is read (no guess: "37.5 hours" is not rounded, "CDI" gives no length, "six
mois" in words is not read); each term keeps the line it came from, so the form shows it for the employer to confirm.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Term:
    """A term read from the text: the form fields it fills (name to value) and the line it came from."""

    name: str  # "wage", "weekly_hours", "contract_months" or "start_date"
    fields: dict[str, str]
    phrase: str


_CURRENCY_WORDS = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "dólar": "USD",
    "dólares": "USD",
    "chf": "CHF",
    "cad": "CAD",
    "aud": "AUD",
    "nzd": "NZD",
    "mad": "MAD",
    "aed": "AED",
    "qar": "QAR",
    "sar": "SAR",
}
_NUMBER = r"\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_CURRENCY = r"€|£|\$|(?i:eur|euros?|gbp|pounds?|usd|dollars?|dólar(?:es)?|chf|cad|aud|nzd|mad|aed|qar|sar)\b"
_AMOUNT = re.compile(
    rf"(?P<pre>{_CURRENCY})\s?(?P<a>{_NUMBER})|(?<![\d.,])(?P<b>{_NUMBER})\s?(?P<post>{_CURRENCY})", re.UNICODE
)
# Words after an amount that give its period, before the clause ends (a comma and a space, a semicolon, a line end).
_PERIODS = [
    (
        "hour",
        r"per hour|an hour|a hour|hourly|/\s?h(?:ou)?r?\b|de l'heure|par heure|l'heure|horaire|/\s?heure|"
        r"por hora|la hora|/\s?hora|\bh\b",
    ),
    ("week", r"per week|a week|weekly|/\s?week|par semaine|hebdomadaire|/\s?semaine|por semana|a la semana|semanal"),
    ("month", r"per month|a month|monthly|/\s?month|par mois|mensuel|au mois|/\s?mois|por mes|al mes|mensual|/\s?mes"),
    ("year", r"per year|a year|per annum|annual|yearly|/\s?year|par an\b|annuel|/\s?an\b|al año|anual|por año|/\s?año"),
]
# A period named before the amount, on the same line: "Salario bruto anual: 21.000 €", "Salaire horaire : 11,65 €".
_PERIODS_BEFORE = [
    ("hour", r"\b(?:hourly|horaire|por hora|la hora)\b"),
    ("week", r"\b(?:weekly|hebdomadaire|semanal)\b"),
    ("month", r"\b(?:monthly|mensuel(?:le)?|mensual)\b"),
    ("year", r"\b(?:annual|yearly|annuel(?:le)?|anual)\b"),
]
_CLAUSE_END = re.compile(r",\s|;|\.\s|\.$|\n")
_WAGE_WORDS = re.compile(
    r"\b(?:salary|pay|wage|wages|rate|salaire|rémunération|rémunéré|brut|salario|sueldo|retribución|bruto)", re.I
)

_HOURS = re.compile(
    r"(?P<n>\d{1,2}(?:[.,]\d{1,2})?)\s?(?:h|hrs?|hours?|heures?|horas?)\b[^\n,;]{0,12}?"
    r"(?:per week|a week|weekly|/\s?week|par semaine|hebdo\w*|/\s?semaine|semanales|a la semana|por semana|/\s?semana)",
    re.I,
)
_HOURS_BEFORE = re.compile(
    r"(?:semaine de|week of|semana de|jornada de)\s(?P<n>\d{1,2}(?:[.,]\d{1,2})?)\s?(?:h|hrs?|hours?|heures?|horas?)\b",
    re.I,
)
# A label naming weekly hours, then the number: "Weekly hours: 40", "Horas semanales: 40", "Durée hebdomadaire : 35 h",
# "Hours: 40 per week", "40 hrs/wk".
_HOURS_LABELLED = re.compile(
    r"(?:weekly hours|hours per week|hours a week|horas semanales|jornada semanal|durée hebdomadaire(?: de travail)?|"
    r"heures hebdomadaires|heures par semaine)\s?:\s?(?P<n>\d{1,2}(?:[.,]\d{1,2})?)(?!\s?(?:€|£|\$|%))"
    r"|(?:^|\bhours\s?:\s?)(?P<m>\d{1,2}(?:[.,]\d{1,2})?)\s?(?:h|hrs?|hours?)?\s?(?:per week|a week|/\s?wk|per wk)\b",
    re.I,
)

_CONTRACT_WORDS = re.compile(r"\b(?:contract|contrat|cdd|contrato|duration|durée|duración|temporada|saisonnier)", re.I)
_MONTHS_LONG = re.compile(r"(?P<n>\d{1,2})[\s-]?(?P<unit>months?|mois|meses|mes|years?|ans?|años?)\b", re.I)

_MONTH_NAMES = {
    **dict.fromkeys(["january", "janvier", "enero"], 1),
    **dict.fromkeys(["february", "février", "fevrier", "febrero"], 2),
    **dict.fromkeys(["march", "mars", "marzo"], 3),
    **dict.fromkeys(["april", "avril", "abril"], 4),
    **dict.fromkeys(["may", "mai", "mayo"], 5),
    **dict.fromkeys(["june", "juin", "junio"], 6),
    **dict.fromkeys(["july", "juillet", "julio"], 7),
    **dict.fromkeys(["august", "août", "aout", "agosto"], 8),
    **dict.fromkeys(["september", "septembre", "septiembre", "setiembre"], 9),
    **dict.fromkeys(["october", "octobre", "octubre"], 10),
    **dict.fromkeys(["november", "novembre", "noviembre"], 11),
    **dict.fromkeys(["december", "décembre", "decembre", "diciembre"], 12),
}
_MONTH = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:er|st|nd|rd|th|º)?\s(?:de\s)?(?P<m>{_MONTH})\s(?:de\s)?(?P<y>20\d\d)\b", re.I
)
_MONTH_DAY_YEAR = re.compile(rf"\b(?P<m>{_MONTH})\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y>20\d\d)\b", re.I)
_ISO_DATE = re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
_NUMERIC_DATE = re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>20\d\d)\b")  # day first: EU and UK usage
_START_WORDS = re.compile(
    r"\b(?:start|starting|from|begin|beginning|à pourvoir|à partir|dès|début|prise de poste|"
    r"incorporación|desde|inicio|comienzo|a partir)",
    re.I,
)


def _amount(number: str) -> Decimal | None:
    """ "1 950" → 1950, "1.400" → 1400, "12,50" → 12.50, "32,000" → 32000, "1,234.56" → 1234.56."""
    digits = re.sub(r"[ \u00a0\u202f]", "", number)
    separators = re.findall(r"[.,]", digits)
    if separators:
        last = max(digits.rfind("."), digits.rfind(","))
        decimals = len(digits) - last - 1
        if len(set(separators)) == 2 or (len(separators) == 1 and decimals != 3):
            digits = re.sub(r"[.,]", "", digits[:last]) + "." + digits[last + 1 :]
        else:
            digits = re.sub(r"[.,]", "", digits)
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _wage(lines: list[str]) -> Term | None:
    """The first amount with a currency on a line that says it is pay (or gives a period)."""
    for line in lines:
        for found in _AMOUNT.finditer(line):
            amount = _amount(found.group("a") or found.group("b"))
            currency = _CURRENCY_WORDS.get((found.group("pre") or found.group("post")).lower())
            if amount is None or amount <= 0 or currency is None:
                continue
            rest = line[found.end() :]
            end = _CLAUSE_END.search(rest)
            clause = rest[: end.start() if end else len(rest)].lower()
            period = next((name for name, words in _PERIODS if re.search(words, clause)), "")
            if not period:
                before = re.split(r"[;.]\s|,\s", line[: found.start()])[-1].lower()
                period = next((name for name, words in _PERIODS_BEFORE if re.search(words, before)), "")
            if not period and not _WAGE_WORDS.search(line):
                continue
            fields = {"wage_amount": f"{amount:.2f}", "wage_currency": currency}
            if period:
                fields["wage_period"] = period
            return Term("wage", fields, line)
    return None


def _weekly_hours(lines: list[str]) -> Term | None:
    for line in lines:
        found = _HOURS.search(line) or _HOURS_BEFORE.search(line) or _HOURS_LABELLED.search(line)
        if found:
            hours = _amount(found.group("n") or found.group("m"))
            if hours is not None and hours == hours.to_integral_value() and 1 <= hours <= 84:
                return Term("weekly_hours", {"weekly_hours": str(int(hours))}, line)
    return None


def _contract_months(lines: list[str]) -> Term | None:
    for line in lines:
        if not _CONTRACT_WORDS.search(line):
            continue
        for found in _MONTHS_LONG.finditer(line):
            n, unit = int(found.group("n")), found.group("unit").lower()
            months = n if unit.startswith("m") else 12 * n
            before = line[max(0, found.start() - 40) : found.start()].lower()
            if re.search(r"experience|expérience|experiencia", before):
                continue
            if 1 <= months <= 120:
                return Term("contract_months", {"contract_months": str(months)}, line)
    return None


def _start_date(lines: list[str]) -> Term | None:
    for line in lines:
        if not _START_WORDS.search(line):
            continue
        for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO_DATE, _NUMERIC_DATE):
            found = pattern.search(line)
            if found is None:
                continue
            month = found.group("m")
            try:
                day = date(
                    int(found.group("y")),
                    int(month) if month.isdigit() else _MONTH_NAMES[month.lower()],
                    int(found.group("d")),
                )
            except ValueError:
                continue
            return Term("start_date", {"start_date": day.isoformat()}, line)
    return None


def vacancy_terms(text: str) -> list[Term]:
    """The wage (amount, currency, period), weekly hours, contract length in months and start date a vacancy text
    states, each with its line; a term the text does not state is left out.

    >>> [t.fields for t in vacancy_terms("Salaire : 1 950 € brut par mois\\n35 heures par semaine")]
    [{'wage_amount': '1950.00', 'wage_currency': 'EUR', 'wage_period': 'month'}, {'weekly_hours': '35'}]
    """
    lines = _lines(text)
    found = (_wage(lines), _weekly_hours(lines), _contract_months(lines), _start_date(lines))
    return [term for term in found if term is not None]
