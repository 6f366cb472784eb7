"""The engagement and motivation survey instrument: its questions and answer codes, labels translated (EN/FR/ES).

The questions follow the themes of IOM's key messages (2006, message 5): attachment to the home country, willingness
to contribute time or money, preferred channels, barriers (trust, information, cost, regulation) and motives
(financial, emotional, social status). The wording is MigDev's own.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

MIN_CELL = 5  # no group of fewer respondents is ever shown (nor a figure computed from it)

ATTACHMENT = {
    1: _("Not attached at all"),
    2: _("Slightly attached"),
    3: _("Moderately attached"),
    4: _("Strongly attached"),
    5: _("Very strongly attached"),
}
WILLINGNESS = {"yes": _("Yes"), "maybe": _("Maybe"), "no": _("No")}
CHANNELS = {
    "remittances": _("Money sent to family"),
    "investment": _("Investment in a business or property"),
    "philanthropy": _("Donations to projects or associations"),
    "skills": _("Sharing skills (virtual or on site)"),
    "trade": _("Trade links"),
    "association": _("Through a diaspora association"),
}
BARRIERS = {
    "trust": _("Lack of trust in institutions"),
    "information": _("Lack of information on opportunities"),
    "cost": _("Cost of sending money or travelling"),
    "regulation": _("Regulations and administrative procedures"),
    "time": _("Lack of time"),
}
MOTIVES = {
    "financial": _("Financial return"),
    "emotional": _("Emotional ties to the home country"),
    "social_status": _("Social status and recognition"),
    "family": _("Support for family"),
    "development": _("Contributing to development"),
}
MULTIPLE = {"channels": CHANNELS, "barriers": BARRIERS, "motives": MOTIVES}
BREAKDOWNS = {"origin": _("Country of origin"), "residence": _("Country of residence"), "sex": _("Sex")}


def questions() -> list[dict[str, Any]]:
    """The instrument as data (for the API): each question's code, wording and answer codes with labels."""
    return [
        {
            "code": "attachment",
            "text": str(_("How attached do you feel to your country of origin?")),
            "multiple": False,
            "answers": {str(k): str(v) for k, v in ATTACHMENT.items()},
        },
        {
            "code": "contribute_time",
            "text": str(_("Would you give some of your time to projects in your country of origin?")),
            "multiple": False,
            "answers": {k: str(v) for k, v in WILLINGNESS.items()},
        },
        {
            "code": "contribute_money",
            "text": str(_("Would you invest or give money for projects in your country of origin?")),
            "multiple": False,
            "answers": {k: str(v) for k, v in WILLINGNESS.items()},
        },
        {
            "code": "channels",
            "text": str(_("Through which channels would you rather contribute?")),
            "multiple": True,
            "answers": {k: str(v) for k, v in CHANNELS.items()},
        },
        {
            "code": "barriers",
            "text": str(_("What holds you back?")),
            "multiple": True,
            "answers": {k: str(v) for k, v in BARRIERS.items()},
        },
        {
            "code": "motives",
            "text": str(_("What motivates you to contribute?")),
            "multiple": True,
            "answers": {k: str(v) for k, v in MOTIVES.items()},
        },
    ]
