"""Tables of the policy room, one module per part."""

from migdev.policy.models.assessments import SelfAssessment, SelfAssessmentAnswer
from migdev.policy.models.capacity import CapacityInitiative, CapacityRequest
from migdev.policy.models.coherence import (
    PolicyInstrument,
    PolicyProfile,
    WorkingGroup,
    WorkingGroupDecision,
    WorkingGroupMeeting,
    WorkingGroupMember,
)
from migdev.policy.models.plans import DevelopmentPlan, PlanItemAssessment

__all__ = [
    "CapacityInitiative",
    "CapacityRequest",
    "DevelopmentPlan",
    "PlanItemAssessment",
    "PolicyInstrument",
    "PolicyProfile",
    "SelfAssessment",
    "SelfAssessmentAnswer",
    "WorkingGroup",
    "WorkingGroupDecision",
    "WorkingGroupMeeting",
    "WorkingGroupMember",
]
