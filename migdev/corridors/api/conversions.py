"""Blocks -> API schemas."""

from dataclasses import asdict
from typing import Any

from migdev.corridors.api import schemas as s
from migdev.corridors.selectors import Corridor
from migdev.corridors.selectors.blocks import Block
from migdev.corridors.selectors.rights import InstrumentRow
from migdev.corridors.selectors.work import Summary


def _block(block: Block) -> dict[str, Any]:
    return {"source": block.source, "as_of": block.as_of, "has_data": block.has_data}


def _instrument(row: InstrumentRow) -> s.CorridorInstrumentOut:
    return s.CorridorInstrumentOut(
        id=row.instrument_id,
        short_title=row.short_title,
        title=row.title,
        as_of=row.as_of,
        origin=s.CorridorSideOut(**asdict(row.origin)),
        destination=s.CorridorSideOut(**asdict(row.destination)),
        terms=[s.CorridorTermOut(id=t.term_id, term=t.term, article=t.article_label, eid=t.eid) for t in row.terms],
    )


def _summary(summary: Summary | None) -> s.CorridorCostSummaryOut | None:
    if summary is None:
        return None
    return s.CorridorCostSummaryOut(n=summary.n, mean=summary.mean, median=summary.median, q4=summary.q4)


def corridor_out(c: Corridor) -> s.CorridorOut:
    people, rights, work, money, diaspora, coop = c.people, c.rights, c.work, c.money, c.diaspora, c.cooperation
    return s.CorridorOut(
        origin=s.CorridorCountryOut(iso3=c.pair.origin.iso3, name=c.pair.origin.name),
        destination=s.CorridorCountryOut(iso3=c.pair.destination.iso3, name=c.pair.destination.name),
        people=s.CorridorPeopleOut(
            **_block(people),
            stock=[s.CorridorStockPoint(year=p.year, sex=p.sex, value=p.value) for p in people.stock],
            year=people.year,
            total=people.total,
            female_share=people.female_share,
            share_of_emigrants=people.share_of_emigrants,
            share_of_immigrants=people.share_of_immigrants,
        ),
        rights=s.CorridorRightsOut(
            **_block(rights),
            in_common=[_instrument(r) for r in rights.in_common],
            only_origin=[_instrument(r) for r in rights.only_origin],
            only_destination=[_instrument(r) for r in rights.only_destination],
        ),
        work=s.CorridorWorkOut(
            **_block(work),
            schemes=[s.CorridorNamedOut(id=x.code, name=x.name) for x in work.schemes],
            agreements=[s.CorridorNamedOut(id=x.pk, name=x.title) for x in work.agreements],
            vacancies=[
                s.CorridorVacancyOut(id=v.pk, title=v.title, place=v.place, scheme=v.scheme.code if v.scheme else "")
                for v in work.vacancies
            ],
            recruitment_cost=_summary(work.cost_total),
            recruitment_cost_by_sex={sex: _summary(x) for sex, x in work.cost_by_sex.items()},  # type: ignore[misc]
            open_risk_flags=work.protection.open_flags if work.protection else 0,
            grievances=work.protection.grievances if work.protection else 0,
        ),
        money=s.CorridorMoneyOut(
            **_block(money),
            costs=[s.CorridorMoneyCostOut(**asdict(p)) for p in money.costs],
            cheapest=[s.CorridorServiceOut(**asdict(x)) for x in money.cheapest],
            smart=money.smart,
            smart_period=money.smart_period,
            flow_usd_millions=money.flow_usd_millions,
            share_of_receipts=money.share_of_receipts,
            flow_year=money.flow_year,
        ),
        diaspora=s.CorridorDiasporaOut(
            **_block(diaspora),
            organisations=[s.CorridorNamedOut(id=o.pk, name=o.organisation.name) for o in diaspora.organisations],
            initiatives=diaspora.initiatives,
            experts=diaspora.experts,
            needs=[
                s.CorridorNeedOut(id=n.need.pk, title=n.need.title, experts_in_occupation=n.experts_in_occupation)
                for n in diaspora.needs
            ],
        ),
        cooperation=s.CorridorCooperationOut(
            **_block(coop),
            processes=[
                s.CorridorProcessOut(
                    id=p.process.rcp_id,
                    name=p.process.name,
                    origin_role=p.origin_role,
                    destination_role=p.destination_role,
                    current=p.current,
                )
                for p in coop.processes
            ],
            commitments=[s.CorridorNamedOut(id=x.pk, name=x.title) for x in coop.commitments],
        ),
    )
