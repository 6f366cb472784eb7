"""Reads of national legislation: a country's laws with their subjects and instruments, the version in force on a
date (point in time), the list of versions and the differences between two."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError, NotFound
from migdev.law import akn_diff
from migdev.law.akn import parse_xml
from migdev.law.models import Expression, Implementation, NationalLaw, Work


def laws() -> QuerySet[NationalLaw]:
    """Every national law with what its list rows show, in one go."""
    return (
        NationalLaw.objects.select_related("work", "work__country")
        .prefetch_related(
            "themes",
            Prefetch("implementations", queryset=Implementation.objects.select_related("instrument")),
            Prefetch("work__expressions", queryset=Expression.objects.only("id", "work_id", "date", "language")),
        )
        .order_by("work__country__name", "short_title")
    )


def country_laws(iso3: str) -> list[NationalLaw]:
    return list(laws().filter(work__country_id=iso3.upper()))


def laws_by_country(iso3_codes: list[str]) -> dict[str, list[NationalLaw]]:
    """The laws of several countries (for the comparison page), keyed by ISO3."""
    found: dict[str, list[NationalLaw]] = {code: [] for code in iso3_codes}
    for law in laws().filter(work__country_id__in=iso3_codes):
        found[law.work.country_id or ""].append(law)
    return found


def national_law(item: Work) -> NationalLaw | None:
    try:
        return NationalLaw.objects.prefetch_related("themes", "implementations__instrument").get(work=item)
    except NationalLaw.DoesNotExist:
        return None


def parse_on(value: str | None, field: str = "on") -> datetime.date | None:
    """The `?on=YYYY-MM-DD` parameter, or None; a clear DomainError naming the parameter otherwise."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise DomainError(_("%(value)s is not a date (YYYY-MM-DD).") % {"value": value[:20]}, field) from None


def expression_on(item: Work, on: datetime.date | None, language: str = "") -> Expression:
    """The version that stood on a date: the latest expression dated on or before it (the latest one without a
    date). NotFound when the work has no version that early."""
    found = item.expressions.all()
    languages = list(found.values_list("language", flat=True).distinct())
    if language in languages:
        found = found.filter(language=language)
    elif "eng" in languages:
        found = found.filter(language="eng")
    if on is not None:
        found = found.filter(date__lte=on.isoformat())
    result = found.order_by("-date").first()
    if result is None:
        first = item.expressions.order_by("date").values_list("date", flat=True).first()
        if first is None:
            raise NotFound(_("The document %(id)s has no text.") % {"id": item.pk}, "work_id")
        raise NotFound(
            _("MigDev holds no version of this text in force on %(on)s: the earliest is dated %(first)s.")
            % {"on": on.isoformat() if on else "", "first": first},
            "on",
        )
    return result


@dataclass(frozen=True)
class Version:
    expression: Expression
    valid_until: str  # the day before the next version, or "" for the latest


def versions(item: Work) -> list[Version]:
    """The versions of a work, oldest first, each with the date it was replaced."""
    found = list(item.expressions.defer("xml").order_by("language", "date"))
    result = []
    for index, expression in enumerate(found):
        after = found[index + 1] if index + 1 < len(found) else None
        until = ""
        if after is not None and after.language == expression.language:
            until = (datetime.date.fromisoformat(after.date) - datetime.timedelta(days=1)).isoformat()
        result.append(Version(expression, until))
    return result


def version(item: Work, date: str, field: str) -> Expression:
    """The expression of a work dated exactly `date` (the parameter named `field`)."""
    found = item.expressions.filter(date=date).first()
    if found is None:
        raise NotFound(_("This document has no version dated %(date)s.") % {"date": date[:20]}, field)
    return found


def diff(item: Work, old: str, new: str) -> akn_diff.Diff:
    """What changed from the version dated `old` (parameter from_date) to the one dated `new` (to_date)."""
    before, after = version(item, old, "from_date"), version(item, new, "to_date")
    return akn_diff.diff(parse_xml(before.xml.encode("utf-8")), parse_xml(after.xml.encode("utf-8")))
