"""Reads of the law catalogue: instruments, treaty actions, parties on a date, timelines, how complete the data is."""

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, F, Max, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError, NotFound
from migdev.core.models import Country
from migdev.law.models import Completeness, Instrument, Theme, TreatyAction
from migdev.law.status import (
    CONSENT_ACTIONS,
    NON_STATE_PARTICIPANTS,
    SIGNATURE,
    STATUS_LABELS,
    ActionFact,
    Status,
    action_window,
    change_dates,
    status_on,
)


def themes() -> QuerySet[Theme]:
    return Theme.objects.filter(instruments__isnull=False).distinct().order_by("name")


def instruments(theme: str | None = None, kind: str | None = None) -> QuerySet[Instrument]:
    """The catalogue, optionally narrowed to one theme and one kind, with themes and completeness fetched."""
    queryset = Instrument.objects.select_related("completeness").prefetch_related("themes", "works")
    if theme:
        queryset = queryset.filter(themes__code=theme)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("adopted", "id")


def instrument(instrument_id: str) -> Instrument:
    try:
        return (
            Instrument.objects.select_related("completeness")
            .prefetch_related("themes", "objectives", "works")
            .get(id=instrument_id)
        )
    except Instrument.DoesNotExist:
        raise NotFound(_("No instrument %(id)s.") % {"id": instrument_id}, "instrument_id") from None


def actions(item: Instrument) -> QuerySet[TreatyAction]:
    # Undated actions first on every back end (SQLite and PostgreSQL sort NULL differently by default).
    return item.actions.select_related("country").order_by("participant", F("date").asc(nulls_first=True), "action")


def completeness_of(item: Instrument) -> Completeness | None:
    try:
        return item.completeness
    except Completeness.DoesNotExist:
        return None


def participant_name(code: str, country: Country | None) -> str:
    if country is not None:
        return country.name
    label = NON_STATE_PARTICIPANTS.get(code)
    return str(label[0]) if label else code


def fact(action: TreatyAction) -> ActionFact:
    earliest, latest = action_window(action.date, action.date_precision, action.as_of)
    return ActionFact(action.action, earliest, latest)


@dataclass(frozen=True)
class Statement:
    """How complete an answer is: the state of the data, its as-of date, a sentence for people, a warning."""

    state: str
    data_as_of: datetime.date | None
    text: str
    warning: str


def statement(completeness: Completeness | None, asked: datetime.date | None = None) -> Statement:
    """The completeness sentence every page and API answer carries; `asked` is the date the user asked about."""
    if completeness is None:
        return Statement("not_compiled", None, _("No ratification data has been compiled for this instrument."), "")
    as_of = completeness.as_of
    texts = {
        Completeness.State.COMPLETE_CURRENT: _(
            "Data complete as of %(date)s (the newest sources read; not checked against the depositary's live list)."
        ),
        Completeness.State.COMPLETE_AS_OF: _("Data complete as of %(date)s: later parties are missing."),
        Completeness.State.PARTIAL: _("Partial data: some parties and dates are missing."),
        Completeness.State.FRAGMENT: _("Only a fragment of the parties is recorded."),
        Completeness.State.NOT_COMPILED: _("No ratification data has been compiled for this instrument."),
        Completeness.State.NOT_APPLICABLE: _("A non-binding instrument: States do not become parties to it."),
    }
    text = texts[Completeness.State(completeness.state)] % {"date": as_of.isoformat() if as_of else ""}
    warning = ""
    if asked is not None and as_of is not None and asked > as_of:
        warning = _(
            "You asked about %(asked)s, after the date the data is complete to (%(as_of)s): "
            "actions after %(as_of)s are missing, so this is not the status on %(asked)s."
        ) % {"asked": asked.isoformat(), "as_of": as_of.isoformat()}
    elif completeness.state in (Completeness.State.PARTIAL, Completeness.State.FRAGMENT):
        warning = _("Counts from partial data are lower bounds.")
    return Statement(completeness.state, as_of, text, warning)


def default_as_of(item: Instrument) -> datetime.date:
    """The date answers describe unless told otherwise: the date the data is complete to, else the latest date its
    sources speak for (partial data); today only for an instrument without any action."""
    completeness = completeness_of(item)
    if completeness is not None and completeness.as_of is not None:
        return completeness.as_of
    known = [latest for action in item.actions.all() if (latest := fact(action).latest) is not None]
    return min(max(known), datetime.date.today()) if known else datetime.date.today()


@dataclass(frozen=True)
class PartyRow:
    participant: str
    name: str
    iso3: str
    m49: int | None
    status: Status
    consent: TreatyAction | None  # the latest consent to be bound on or before the date (or the uncertain one)
    signature: TreatyAction | None
    actions: tuple[TreatyAction, ...]

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass(frozen=True)
class Parties:
    instrument: Instrument
    as_of: datetime.date
    rows: list[PartyRow]  # every participant with an action, with its status on as_of
    statement: Statement

    @property
    def parties(self) -> list[PartyRow]:
        return [r for r in self.rows if r.status == Status.PARTY]

    @property
    def uncertain(self) -> list[PartyRow]:
        return [r for r in self.rows if r.status == Status.UNCERTAIN]


def _grouped(item: Instrument) -> dict[str, list[TreatyAction]]:
    grouped: dict[str, list[TreatyAction]] = defaultdict(list)
    for action in actions(item):
        grouped[action.participant].append(action)
    return grouped


def party_row(code: str, group: Sequence[TreatyAction], on: datetime.date) -> PartyRow:
    status = status_on([fact(a) for a in group], on)
    consents = [a for a in group if a.action in CONSENT_ACTIONS and (fact(a).earliest or on) <= on]
    signatures = [a for a in group if a.action == SIGNATURE and a.date is not None and a.date <= on]
    country = next((a.country for a in group if a.country is not None), None)
    return PartyRow(
        participant=code,
        name=participant_name(code, country),
        iso3=country.iso3 if country else "",
        m49=country.m49 if country else None,
        status=status,
        consent=consents[-1] if consents else None,
        signature=signatures[0] if signatures else None,
        actions=tuple(group),
    )


def parties(item: Instrument, on: datetime.date | None = None) -> Parties:
    """Every participant's status on a date (default: the data's as-of date), with the completeness statement."""
    if item.binding is False:
        raise DomainError(
            _("%(title)s is not legally binding: it has no parties.") % {"title": item.title}, "instrument_id"
        )
    day = on or default_as_of(item)
    rows = [party_row(code, group, day) for code, group in _grouped(item).items()]
    rows.sort(key=lambda r: r.name)
    return Parties(item, day, rows, statement(completeness_of(item), on))


@dataclass(frozen=True)
class TimelinePoint:
    date: datetime.date
    parties: int
    uncertain: int


def timeline(item: Instrument) -> list[TimelinePoint]:
    """The number of parties (and of participants whose status is uncertain) on every date it may change."""
    facts = {code: [fact(a) for a in group] for code, group in _grouped(item).items()}
    points: list[TimelinePoint] = []
    for day in change_dates(f for group in facts.values() for f in group):
        statuses = [status_on(group, day) for group in facts.values()]
        point = TimelinePoint(day, statuses.count(Status.PARTY), statuses.count(Status.UNCERTAIN))
        if not points or (points[-1].parties, points[-1].uncertain) != (point.parties, point.uncertain):
            points.append(point)
    return points


def parse_as_of(text: str | None) -> datetime.date | None:
    """The `as_of` query parameter: empty for the default, else YYYY-MM-DD (a DomainError names the parameter)."""
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise DomainError(_("%(value)r is not a date (YYYY-MM-DD).") % {"value": text}, "as_of") from None


def instruments_with_prefetched_actions(participants: Sequence[str] | None = None) -> QuerySet[Instrument]:
    """Every binding instrument with its actions and completeness, for country profiles (one query each).

    Given `participants`, only their actions are fetched (a profile of two countries reads a few hundred actions,
    not every one): `item.actions.all()` then holds those alone, so take the default dates from
    `default_as_of_by_instrument`, not `default_as_of`."""
    actions_read = TreatyAction.objects.select_related("country")
    if participants is not None:
        actions_read = actions_read.filter(participant__in=list(participants))
    return (
        Instrument.objects.filter(binding=True)
        .select_related("completeness")
        .prefetch_related(Prefetch("actions", queryset=actions_read))
        .order_by("adopted", "id")
    )


def default_as_of_by_instrument() -> dict[str, datetime.date]:
    """`default_as_of` of every binding instrument, from one aggregate query instead of reading every action.

    An action's latest possible day grows with its date for a given precision and source as-of date, so the latest
    dated action of each (instrument, precision, as-of) group, and one undated action if any, stand for the group."""
    today = datetime.date.today()
    complete = Completeness.objects.filter(instrument__binding=True, as_of__isnull=False)
    found = {item_id: as_of for item_id, as_of in complete.values_list("instrument_id", "as_of") if as_of is not None}
    groups = (
        TreatyAction.objects.filter(instrument__binding=True)
        .exclude(instrument_id__in=list(found))
        .values("instrument_id", "date_precision", "as_of")
        .annotate(latest_date=Max("date"), undated=Count("id", filter=Q(date__isnull=True)))
    )
    known: dict[str, list[datetime.date]] = defaultdict(list)
    for group in groups:
        dates = [group["latest_date"]] + ([None] if group["undated"] else [])
        for date in dates:
            latest = action_window(date, group["date_precision"], group["as_of"])[1]
            if latest is not None:
                known[group["instrument_id"]].append(latest)
    for item_id in Instrument.objects.filter(binding=True).exclude(id__in=list(found)).values_list("id", flat=True):
        found[item_id] = min(max(known[item_id]), today) if known.get(item_id) else today
    return found
