"""The migration-chapter checklist for PRSPs and national development plans, after the GMG handbook "Mainstreaming
Migration into Development Planning" (2010): the items a plan's migration chapter should cover."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    title: str | Promise
    question: str | Promise


ITEMS: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "situation_analysis",
        _("Situation analysis"),
        _(
            "Does the plan analyse emigration, immigration, internal migration, remittances and the diaspora, with "
            "data disaggregated by sex?"
        ),
    ),
    ChecklistItem(
        "pillar_links",
        _("Links to each pillar"),
        _(
            "Does each pillar of the plan (growth, employment, education, health, agriculture, social protection) "
            "say how migration affects it and is affected by it?"
        ),
    ),
    ChecklistItem(
        "diaspora",
        _("Diaspora"),
        _("Does the plan engage the diaspora (skills, investment, philanthropy) and lower the cost of remittances?"),
    ),
    ChecklistItem(
        "protection",
        _("Protection of migrants"),
        _(
            "Does the plan protect migrants' rights, including against trafficking, unfair recruitment and "
            "gender-based violence?"
        ),
    ),
    ChecklistItem(
        "institutions",
        _("Institutions"),
        _("Does the plan name the institutions responsible, including an inter-ministerial coordination mechanism?"),
    ),
    ChecklistItem(
        "policy_alignment",
        _("Policy alignment"),
        _(
            "Is the plan consistent with the national migration policy, the GCM objectives and the SDG migration "
            "targets?"
        ),
    ),
    ChecklistItem(
        "results_framework",
        _("Results framework"),
        _("Does the plan set migration indicators (SDG 10.7.1, 10.7.2, 10.c.1 and others) with baselines and targets?"),
    ),
    ChecklistItem(
        "budget",
        _("Budget"),
        _("Are the migration actions costed and funded in the plan's budget or medium-term expenditure framework?"),
    ),
    ChecklistItem(
        "consultation",
        _("Consultation"),
        _(
            "Were migrants, diaspora organisations, civil society, local authorities and the private sector "
            "consulted in drafting the plan?"
        ),
    ),
)
KEYS = tuple(item.key for item in ITEMS)
BY_KEY = {item.key: item for item in ITEMS}
SOURCE = _(
    'Checklist drawn by MigDev from the GMG/IOM handbook "Mainstreaming Migration into Development Planning" (2010); '
    "it is a working tool, not an official instrument."
)
