"""The baseline of a project drawn from the platform's data for the countries concerned, read only through the
domain rooms' selectors: migrant stocks and female share (stats), diaspora (diaspora), remittance costs
(remittances), labour supply and demand (labour), instruments the country is party to (law). Whatever is missing
is listed as a gap, never shown as zero."""

import datetime
from typing import Any

from django.utils import timezone

from migdev.core.errors import DomainError
from migdev.diaspora.selectors import mapping as diaspora
from migdev.labour.selectors import measurement as labour
from migdev.law.selectors import impact as law
from migdev.remittances import selectors as remittances
from migdev.stats import selectors as stats

RPW_SOURCE = "The World Bank, Remittance Prices Worldwide (CC BY 4.0), computed by MigDev"
LABOUR_SOURCE = "MigDev labour exchange: registered workers (supply) and open vacancies (demand)"
LAW_SOURCE = "MigDev law room: treaty actions, each with its own sources (see the instrument pages)"
MAX_COUNTRIES = 8


def _sources(codes: list[str] | set[str]) -> str:
    return "; ".join(sorted(codes))


def _stocks(iso3: str, gaps: list[dict[str, str]]) -> dict[str, Any] | None:
    try:
        profile = stats.country_profile(iso3)
    except DomainError:
        gaps.append({"country": iso3, "topic": "migrant_stock"})
        return None
    total, female, male = (profile.latest("immigrant_stock", sex) for sex in ("_T", "F", "M"))
    share = profile.latest("female_share")
    if total is None:
        gaps.append({"country": iso3, "topic": "migrant_stock"})
        return None
    titles = {s.code: f"{s.publisher}, {s.title}" for s in profile.sources}
    return {
        "year": total.year,
        "total": total.value,
        "female": female.value if female else None,
        "male": male.value if male else None,
        "female_share": share.value if share else None,
        "source": titles.get(total.source, total.source),
    }


def _diaspora(iso3: str, gaps: list[dict[str, str]]) -> dict[str, Any] | None:
    try:
        found = diaspora.diaspora_map(iso3)
    except DomainError:
        found = None
    year = found.latest_year if found else None
    if found is None or year is None:
        gaps.append({"country": iso3, "topic": "diaspora"})
        return None
    top = [{"name": d.name, "value": d.value(year)} for d in found.destinations[:5] if d.value(year) is not None]
    return {
        "year": year,
        "total": found.total(year),
        "female": found.total(year, "F"),
        "female_share": found.female_share(year),
        "top_destinations": top,
        "source": "; ".join(f"{s.publisher}, {s.title}" for s in found.sources),
    }


def _remittance_costs(iso3: str, gaps: list[dict[str, str]]) -> dict[str, Any] | None:
    try:
        received = remittances.receiving_country_averages(country=iso3)
        sent = remittances.sending_country_averages(country=iso3)
    except DomainError:
        received, sent = [], []
    if not received and not sent:
        gaps.append({"country": iso3, "topic": "remittance_costs"})
        return None
    latest_in = max(received, key=lambda v: v.period) if received else None
    latest_out = max(sent, key=lambda v: v.period) if sent else None
    return {
        "receiving": {"period": latest_in.period, "cost": latest_in.value, "services": latest_in.n_services}
        if latest_in
        else None,
        "sending": {"period": latest_out.period, "cost": latest_out.value, "services": latest_out.n_services}
        if latest_out
        else None,
        "source": RPW_SOURCE,
    }


def _labour(iso3: str, gaps: list[dict[str, str]]) -> dict[str, Any] | None:
    try:
        market = labour.measure(country=iso3, level=1)
    except DomainError:
        market = None
    cells = market.cells if market else []
    if not cells:
        gaps.append({"country": iso3, "topic": "labour"})
        return None
    month = max(c.month for c in cells)
    latest = [c for c in cells if c.month == month]
    supply = {"female": 0, "male": 0, "total": 0}
    keys = {"F": "female", "M": "male", "_T": "total"}
    hidden = False
    for cell in latest:
        for sex, value in cell.supply.items():
            if value is None:
                hidden = True
            else:
                supply[keys[sex]] += value
    return {
        "month": month,
        "supply": supply,
        "supply_partly_hidden": hidden,
        "open_positions": sum(c.open_positions for c in latest),
        "groups": [
            {"group": c.occupation.title, "supply": c.supply.T, "open": c.open_positions, "class": c.classification}
            for c in latest[:10]
        ],
        "source": LABOUR_SOURCE,
    }


def _instruments(codes: list[str], gaps: list[dict[str, str]]) -> dict[str, dict[str, Any]]:
    try:
        found = law.country_profiles(codes)
    except DomainError:
        found = []
    by_country: dict[str, dict[str, Any]] = {}
    for rights in found:
        party = [
            {
                "id": s.instrument.id,
                "title": s.instrument.short_title,
                "since": s.row.consent.date.isoformat() if s.row.consent and s.row.consent.date else "",
            }
            for s in rights.party
        ]
        by_country[rights.participant.code] = {
            "party": party,
            "signed_only": [s.instrument.short_title for s in rights.signed_only],
            "unknown": [s.instrument.short_title for s in rights.unknown + rights.uncertain],
            "as_of": max((s.on for s in rights.statuses), default=datetime.date.today()).isoformat(),
            "source": LAW_SOURCE,
        }
    for code in codes:
        if code not in by_country or not by_country[code]["party"]:
            gaps.append({"country": code, "topic": "instruments"})
    return by_country


def draw(country: str, origins: list[str], destinations: list[str]) -> dict[str, Any]:
    """The baseline for the project's country and its area of influence (origin and destination countries)."""
    codes = list(dict.fromkeys([country, *destinations, *origins]))[:MAX_COUNTRIES]
    gaps: list[dict[str, str]] = []
    instruments = _instruments(codes, gaps)
    countries = []
    for code in codes:
        role = "project" if code == country else ("origin" if code in origins else "destination")
        countries.append(
            {
                "iso3": code,
                "role": role,
                "migrant_stock": _stocks(code, gaps),
                "diaspora": _diaspora(code, gaps),
                "remittance_costs": _remittance_costs(code, gaps),
                "labour": _labour(code, gaps),
                "instruments": instruments.get(code),
            }
        )
    gaps.sort(key=lambda g: (codes.index(g["country"]), g["topic"]))
    return {"drawn_at": timezone.now().isoformat(timespec="seconds"), "countries": countries, "gaps": gaps}
