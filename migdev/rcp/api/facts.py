"""Facts API: a process's change history, and corrections of a fact by stewards and the process's secretariat."""

from django.http import HttpRequest
from ninja import Router

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.core.input_limits import text_filter
from migdev.rcp.api.conversions import change_out
from migdev.rcp.api.schemas import FactChangeOut, FactCorrectionIn, RcpId
from migdev.rcp.selectors import processes as selectors
from migdev.rcp.services import facts

router = Router()
FactName = RcpId  # a fact's name: at most 40 characters, checked against the correctable facts by the service


@router.get("/processes/{rcp_id}/history", response=list[FactChangeOut], summary="The change history of the facts")
def process_history(request: HttpRequest, rcp_id: RcpId, field: str = text_filter()) -> list[FactChangeOut]:
    changes = selectors.history(selectors.process(rcp_id))
    if field:
        changes = changes.filter(field=field)
    return [change_out(c) for c in changes[:1000]]


@router.put(
    "/processes/{rcp_id}/facts/{field}",
    response=FactChangeOut,
    auth=AUTH,
    summary="Correct a fact, with its source and as-of date (stewards, the process's secretariat)",
)
def correct_fact(request: HttpRequest, rcp_id: RcpId, field: FactName, payload: FactCorrectionIn) -> FactChangeOut:
    correction = facts.Correction(value=payload.value, source=payload.source, as_of=payload.as_of)
    change = facts.correct_fact(signed_in(request), selectors.process(rcp_id), field, correction)
    return change_out(change)
