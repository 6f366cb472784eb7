"""Writes of the labour exchange: protection. Placements through their seasons, contracts, the recruitment cost
ledger, grievances and risk flags, one module per part. Every service checks its permission first, then runs
atomically."""

from migdev.labour.services.protection.contracts import (
    ContractTerms,
    CostDetails,
    placement_wage_currency,
    record_contract,
    record_cost_payment,
)
from migdev.labour.services.protection.flags import (
    recompute_flags,
    resolve_flag,
)
from migdev.labour.services.protection.grievances import (
    file_grievance,
    update_grievance,
)
from migdev.labour.services.protection.placements import (
    CAP_REASONS,
    DATE_FIELDS,
    PROGRESS_STATES,
    CapReached,
    IncoherentDate,
    OfferDetails,
    OfferRefused,
    State,
    TransitionNotAllowed,
    accept_offer,
    advance_placement,
    decline_offer,
    default_due_return,
    offer_placement,
    returning_worker_refusal,
)

__all__ = [
    "CAP_REASONS",
    "DATE_FIELDS",
    "PROGRESS_STATES",
    "CapReached",
    "ContractTerms",
    "CostDetails",
    "IncoherentDate",
    "OfferDetails",
    "OfferRefused",
    "State",
    "TransitionNotAllowed",
    "accept_offer",
    "advance_placement",
    "decline_offer",
    "default_due_return",
    "file_grievance",
    "offer_placement",
    "placement_wage_currency",
    "recompute_flags",
    "record_contract",
    "record_cost_payment",
    "resolve_flag",
    "returning_worker_refusal",
    "update_grievance",
]
