"""Migration law API: the instruments catalogue, parties on a date, timelines, country rights profiles."""

import csv
import datetime
import io
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema

from migdev.law import profiles, selectors
from migdev.law.models import Instrument, TreatyAction
from migdev.law.selectors import Parties, PartyRow, Statement

router = Router()

Kind = Literal["universal", "regional", "bilateral"]


class CompletenessOut(Schema):
    state: str
    data_as_of: datetime.date | None
    statement: str
    warning: str
    note: str
    source: str


class InstrumentOut(Schema):
    id: str
    short_title: str
    title: str
    kind: str
    binding: bool
    adopted: datetime.date | None
    entry_into_force: datetime.date | None
    depositary: str
    reference: str
    source_url: str
    notes: str
    themes: list[str]
    has_text: bool
    work_id: int | None
    completeness: CompletenessOut


class ObjectiveOut(Schema):
    number: int
    title: str
    paragraph: int | None


class InstrumentDetailOut(InstrumentOut):
    objectives: list[ObjectiveOut]


class ActionOut(Schema):
    participant: str
    iso3: str
    name: str
    participant_name: str
    action: str
    date: str  # YYYY-MM-DD, YYYY (year only) or "" (not stated)
    date_precision: str
    ilo_options: str
    reservations: str
    source: str
    as_of: str
    notes: str


class PartyOut(Schema):
    participant: str
    iso3: str
    name: str
    status: str
    consent: ActionOut | None
    signature_date: str


class PartiesOut(Schema):
    instrument: str
    as_of: datetime.date
    count: int
    uncertain_count: int
    completeness: CompletenessOut
    parties: list[PartyOut]
    uncertain: list[PartyOut]


class TimelinePointOut(Schema):
    date: datetime.date
    parties: int
    uncertain: int


class CatalogueFilters(Schema):
    theme: str | None = None
    kind: Kind | None = None


def completeness_out(item: Instrument, answer: Statement) -> CompletenessOut:
    record = selectors.completeness_of(item)
    return CompletenessOut(
        state=answer.state,
        data_as_of=answer.data_as_of,
        statement=answer.text,
        warning=answer.warning,
        note=record.note if record else "",
        source=record.source if record else "",
    )


def instrument_out(item: Instrument) -> InstrumentOut:
    return InstrumentOut(**_instrument_fields(item))


def _instrument_fields(item: Instrument) -> dict[str, Any]:
    return {
        "id": item.id,
        "short_title": item.short_title,
        "title": item.title,
        "kind": item.kind,
        "binding": item.binding,
        "adopted": item.adopted,
        "entry_into_force": item.entry_into_force,
        "depositary": item.depositary,
        "reference": item.reference,
        "source_url": item.source_url,
        "notes": item.notes,
        "themes": [t.code for t in item.themes.all()],
        "has_text": bool(item.text_slug),
        "work_id": next((w.pk for w in item.works.all()), None),
        "completeness": completeness_out(item, selectors.statement(selectors.completeness_of(item))),
    }


def action_out(action: TreatyAction) -> ActionOut:
    return ActionOut(
        participant=action.participant,
        iso3=action.country_id or "",
        name=selectors.participant_name(action.participant, action.country),
        participant_name=action.participant_name,
        action=action.action,
        date=action.date_label,
        date_precision=action.date_precision,
        ilo_options=action.ilo_options,
        reservations=action.reservations,
        source=action.source,
        as_of=action.as_of,
        notes=action.notes,
    )


def party_out(row: PartyRow) -> PartyOut:
    return PartyOut(
        participant=row.participant,
        iso3=row.iso3,
        name=row.name,
        status=str(row.status),
        consent=action_out(row.consent) if row.consent else None,
        signature_date=row.signature.date_label if row.signature else "",
    )


def _parties(instrument_id: str, as_of: str | None) -> Parties:
    return selectors.parties(selectors.instrument(instrument_id), selectors.parse_as_of(as_of))


@router.get("/instruments", response=list[InstrumentOut], summary="The instruments catalogue")
def list_instruments(request: HttpRequest, filters: Query[CatalogueFilters]) -> list[InstrumentOut]:
    return [instrument_out(i) for i in selectors.instruments(**filters.dict())]


@router.get("/instruments/{instrument_id}", response=InstrumentDetailOut, summary="One instrument")
def get_instrument(request: HttpRequest, instrument_id: str) -> InstrumentDetailOut:
    item = selectors.instrument(instrument_id)
    objectives = [ObjectiveOut(number=o.number, title=o.title, paragraph=o.paragraph) for o in item.objectives.all()]
    return InstrumentDetailOut(**_instrument_fields(item), objectives=objectives)


@router.get(
    "/instruments/{instrument_id}/parties",
    response=PartiesOut,
    summary="Parties on a date (default: the date the data is complete to), with how complete the data is",
)
def get_parties(request: HttpRequest, instrument_id: str, as_of: str | None = None) -> PartiesOut:
    answer = _parties(instrument_id, as_of)
    return PartiesOut(
        instrument=answer.instrument.id,
        as_of=answer.as_of,
        count=len(answer.parties),
        uncertain_count=len(answer.uncertain),
        completeness=completeness_out(answer.instrument, answer.statement),
        parties=[party_out(r) for r in answer.parties],
        uncertain=[party_out(r) for r in answer.uncertain],
    )


@router.get("/instruments/{instrument_id}/parties.csv", summary="Every participant's status on a date, as CSV")
def get_parties_csv(request: HttpRequest, instrument_id: str, as_of: str | None = None) -> HttpResponse:
    answer = _parties(instrument_id, as_of)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["# " + answer.statement.text + (" " + answer.statement.warning if answer.statement.warning else "")]
    )
    writer.writerow(
        ["instrument", "as_of", "participant", "iso3", "name", "status", "consent_action", "consent_date", "source"]
    )
    for row in answer.rows:
        writer.writerow(
            [
                answer.instrument.id,
                answer.as_of.isoformat(),
                row.participant,
                row.iso3,
                row.name,
                row.status,
                row.consent.action if row.consent else "",
                row.consent.date_label if row.consent else "",
                row.consent.source if row.consent else "",
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{answer.instrument.id}-parties-{answer.as_of}.csv"'
    return response


@router.get("/instruments/{instrument_id}/actions", response=list[ActionOut], summary="Every treaty action recorded")
def list_actions(request: HttpRequest, instrument_id: str) -> list[ActionOut]:
    return [action_out(a) for a in selectors.actions(selectors.instrument(instrument_id))]


@router.get(
    "/instruments/{instrument_id}/timeline",
    response=list[TimelinePointOut],
    summary="Number of parties over time (dates where it may change)",
)
def get_timeline(request: HttpRequest, instrument_id: str) -> list[TimelinePointOut]:
    points = selectors.timeline(selectors.instrument(instrument_id))
    return [TimelinePointOut(date=p.date, parties=p.parties, uncertain=p.uncertain) for p in points]


class InstrumentStatusOut(Schema):
    instrument: str
    short_title: str
    title: str
    on: datetime.date
    status: str
    label: str
    consent: ActionOut | None
    signature_date: str
    reservations: list[str]
    completeness: CompletenessOut


class RightsProfileOut(Schema):
    code: str
    iso3: str
    name: str
    party: list[InstrumentStatusOut]
    uncertain: list[InstrumentStatusOut]
    signed_only: list[InstrumentStatusOut]
    not_joined: list[InstrumentStatusOut]
    unknown: list[InstrumentStatusOut]


class CompareOut(Schema):
    as_of: datetime.date | None
    profiles: list[RightsProfileOut]


def instrument_status_out(item: profiles.InstrumentStatus) -> InstrumentStatusOut:
    row = item.row
    return InstrumentStatusOut(
        instrument=item.instrument.id,
        short_title=item.instrument.short_title,
        title=item.instrument.title,
        on=item.on,
        status=str(row.status),
        label=item.label,
        consent=action_out(row.consent) if row.consent else None,
        signature_date=row.signature.date_label if row.signature else "",
        reservations=[text for a in row.actions for text in (a.reservations, a.ilo_options) if text],
        completeness=completeness_out(item.instrument, item.statement),
    )


def rights_profile_out(profile: profiles.RightsProfile) -> RightsProfileOut:
    def out(items: list[profiles.InstrumentStatus]) -> list[InstrumentStatusOut]:
        return [instrument_status_out(i) for i in items]

    who = profile.participant
    return RightsProfileOut(
        code=who.code,
        iso3=who.country.iso3 if who.country else "",
        name=who.name,
        party=out(profile.party),
        uncertain=out(profile.uncertain),
        signed_only=out(profile.signed_only),
        not_joined=out(profile.not_joined),
        unknown=out(profile.unknown),
    )


@router.get(
    "/countries/{code}",
    response=RightsProfileOut,
    summary="A country's rights profile: instruments it is party to, only signed, has not joined (ISO3, or EU)",
)
def get_rights_profile(request: HttpRequest, code: str, as_of: str | None = None) -> RightsProfileOut:
    return rights_profile_out(profiles.profile(code, selectors.parse_as_of(as_of)))


@router.get("/compare", response=CompareOut, summary="Rights profiles side by side (?countries=FRA,ESP,MAR)")
def compare(request: HttpRequest, countries: str, as_of: str | None = None) -> CompareOut:
    on = selectors.parse_as_of(as_of)
    return CompareOut(as_of=on, profiles=[rights_profile_out(p) for p in profiles.compared(countries, on)])
