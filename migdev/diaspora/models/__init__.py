"""Tables of the diaspora room, by part: registry (organisations, initiatives), experts (matching), survey."""

from migdev.diaspora.models.experts import (
    Assignment,
    Cefr,
    ExpertInvitation,
    ExpertLanguage,
    ExpertProfile,
    Mode,
    Need,
    NeedLanguage,
    NeedSkill,
)
from migdev.diaspora.models.registry import DiasporaOrganisation, Initiative
from migdev.diaspora.models.survey import SurveyResponse

__all__ = [
    "Assignment",
    "Cefr",
    "DiasporaOrganisation",
    "ExpertInvitation",
    "ExpertLanguage",
    "ExpertProfile",
    "Initiative",
    "Mode",
    "Need",
    "NeedLanguage",
    "NeedSkill",
    "SurveyResponse",
]
