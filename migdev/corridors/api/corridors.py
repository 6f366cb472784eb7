"""Corridors API: one corridor's six blocks, and the ranking of every corridor. Public."""

from dataclasses import asdict
from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Path, Query, Router

from migdev.corridors import selectors
from migdev.corridors.api.conversions import corridor_out
from migdev.corridors.api.schemas import CorridorOut, CorridorRankingOut, CorridorRankOut, Iso3
from migdev.corridors.selectors import ranking as ranking_selectors

router = Router()

Column = Literal["stock", "female_share", "instruments", "cost", "schemes"]
RegionCode = Annotated[int | None, Query(ge=1, le=999, description="M49 code of a region or sub-region")]


@router.get("/ranking", response=CorridorRankingOut, summary="Every corridor with migrants, sorted and filtered")
def get_ranking(
    request: HttpRequest,
    sort: Column = "stock",
    order: Literal["desc", "asc"] = "desc",
    origin_region: RegionCode = None,
    destination_region: RegionCode = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> CorridorRankingOut:
    query = ranking_selectors.RankingQuery(sort, order == "desc", origin_region, destination_region)
    rows, _names = ranking_selectors.ranked(query)
    return CorridorRankingOut(
        count=len(rows), items=[CorridorRankOut(**asdict(r)) for r in rows[offset : offset + limit]]
    )


@router.get(
    "/{origin}-{destination}",
    response=CorridorOut,
    summary="One corridor: people, rights, work, money, diaspora and cooperation, each with its source and date",
)
def get_corridor(
    request: HttpRequest, origin: Annotated[Iso3, Path()], destination: Annotated[Iso3, Path()]
) -> CorridorOut:
    return corridor_out(selectors.corridor(origin, destination))
