"""The dimensions of a migration impact assessment, and the stages of its workflow, in order."""

from django.utils.translation import gettext_lazy as _

DIMENSION_CHOICES = [
    ("labour_market", _("Labour market")),
    ("influx", _("In-migration and influx")),
    ("cohesion", _("Host-community cohesion")),
    ("services", _("Services and infrastructure")),
    ("gender", _("Gender and gender-based violence")),
    ("children", _("Children")),
    ("remittances", _("Remittances")),
    ("skills", _("Brain drain or gain")),
    ("return", _("Return and reintegration")),
    ("displacement", _("Displacement and resettlement")),
    ("climate", _("Climate mobility")),
    ("diaspora", _("Diaspora")),
    ("rights", _("Rights and access to justice")),
    ("health", _("Health")),
    ("governance", _("Governance")),
]
DIMENSIONS = [code for code, _label in DIMENSION_CHOICES]
DIMENSION_LABELS = dict(DIMENSION_CHOICES)

# The screening checklist's items by dimension (the CSV names its topics in words).
ITEM_DIMENSION = {
    "LM1": "labour_market",
    "LM2": "labour_market",
    "IN1": "influx",
    "IN2": "cohesion",
    "SS1": "services",
    "GE1": "gender",
    "GE2": "gender",
    "CH1": "children",
    "RM1": "remittances",
    "BD1": "skills",
    "RT1": "return",
    "DR1": "displacement",
    "DR2": "climate",
    "DI1": "diaspora",
    "RI1": "rights",
    "HE1": "health",
    "GV1": "governance",
    "DA1": "governance",
}

STAGE_CHOICES = [
    ("screening", _("Screening")),
    ("scoping", _("Scoping")),
    ("baseline", _("Baseline")),
    ("prediction", _("Prediction (impact matrix)")),
    ("significance", _("Significance")),
    ("mitigation", _("Mitigation and monitoring plan")),
    ("statement", _("Statement")),
    ("review", _("Review")),
    ("decision", _("Decision")),
    ("monitoring", _("Monitoring")),
]
STAGES = [code for code, _label in STAGE_CHOICES]
STAGE_LABELS = dict(STAGE_CHOICES)
# The stages the proponent drafts; the reviewer records the review, the country official the decision.
DRAFT_STAGES = STAGES[:7]

RATING_LABELS = {
    "magnitude": [_("negligible"), _("minor"), _("moderate"), _("major")],
    "likelihood": [_("unlikely"), _("possible"), _("likely"), _("certain")],
    "sensitivity": [_("low"), _("medium"), _("high"), _("very high")],
}
LEVEL_LABELS = {
    "negligible": _("negligible"),
    "minor": _("minor"),
    "moderate": _("moderate"),
    "major": _("major"),
}


def stage_index(stage: str) -> int:
    return STAGES.index(stage)


def band_labels() -> list[tuple[int, str]]:
    """The significance bands (upper score, level label), as the engine states them."""
    from migdev.engines.impact_significance import BANDS

    return [(bound, str(LEVEL_LABELS[level])) for bound, level in BANDS]
