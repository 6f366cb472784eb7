"""Dashboard API: commitments by GCM objective, type of partner, country and RCP, with overdue and fulfilled
counts; and the policy frameworks commitments refer to."""

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema

from migdev.partnerships import exports
from migdev.partnerships.rcps import rcp_names
from migdev.partnerships.selectors import dashboard as selectors
from migdev.partnerships.selectors import registry

router = Router()


class PledgeBarOut(Schema):
    key: str
    label: str
    total: int
    overdue: int
    fulfilled: int


class PledgeDashboardOut(Schema):
    total: int
    overdue: int
    fulfilled: int
    withdrawn: int
    involving_business: int
    business_share: float | None
    by_objective: list[PledgeBarOut]
    by_partner_kind: list[PledgeBarOut]
    by_country: list[PledgeBarOut]
    by_rcp: list[PledgeBarOut]


class PledgeObjectiveOut(Schema):
    number: int
    title: str
    short_label: str
    resolution_paragraph: int


class PledgePrincipleOut(Schema):
    letter: str
    name: str


class PledgeTargetOut(Schema):
    code: str
    goal: int
    text: str


class PledgeRcpChoiceOut(Schema):
    id: str
    name: str


class PledgeFrameworksOut(Schema):
    language: str
    gcm_objectives: list[PledgeObjectiveOut]
    guiding_principles: list[PledgePrincipleOut]
    sdg_targets: list[PledgeTargetOut]
    rcps: list[PledgeRcpChoiceOut]


def _bars(bars: list[selectors.Bar]) -> list[PledgeBarOut]:
    return [
        PledgeBarOut(key=b.key, label=b.label, total=b.total, overdue=b.overdue, fulfilled=b.fulfilled) for b in bars
    ]


@router.get(
    "/dashboard", response=PledgeDashboardOut, summary="Commitments counted by objective, partner, country, RCP"
)
def dashboard(request: HttpRequest) -> PledgeDashboardOut:
    board = selectors.dashboard()
    return PledgeDashboardOut(
        total=board.total,
        overdue=board.overdue,
        fulfilled=board.fulfilled,
        withdrawn=board.withdrawn,
        involving_business=board.involving_business,
        business_share=board.business_share,
        by_objective=_bars(board.by_objective),
        by_partner_kind=_bars(board.by_partner_kind),
        by_country=_bars(board.by_country),
        by_rcp=_bars(board.by_rcp),
    )


@router.get("/dashboard.csv", summary="The dashboard's counts as CSV")
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    return exports.dashboard_csv(selectors.dashboard())


@router.get("/frameworks", response=PledgeFrameworksOut, summary="GCM objectives and principles, SDG targets, RCP ids")
def frameworks(request: HttpRequest) -> PledgeFrameworksOut:
    """The codes commitments refer to; the texts are in English only (`language`)."""
    return PledgeFrameworksOut(
        language="en",
        gcm_objectives=[
            PledgeObjectiveOut(
                number=o.number, title=o.title, short_label=o.short_label, resolution_paragraph=o.resolution_paragraph
            )
            for o in registry.gcm_objectives()
        ],
        guiding_principles=[PledgePrincipleOut(letter=p.letter, name=p.name) for p in registry.guiding_principles()],
        sdg_targets=[PledgeTargetOut(code=t.code, goal=t.goal, text=t.text) for t in registry.sdg_targets()],
        rcps=[PledgeRcpChoiceOut(id=k, name=v) for k, v in rcp_names().items()],
    )
