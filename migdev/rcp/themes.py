"""The theme vocabulary of the shipped data (added for MigDev, see PROVENANCE.md), with translated labels."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

THEMES: dict[str, Promise] = {
    "asylum_refugees": _("Asylum and refugees"),
    "border_management": _("Border management"),
    "brain_drain": _("Brain drain"),
    "children": _("Children"),
    "climate_environment": _("Climate and environment"),
    "consular": _("Consular support"),
    "crisis": _("Migrants in crisis"),
    "data": _("Migration data"),
    "diaspora": _("Diaspora"),
    "free_movement": _("Free movement"),
    "gender": _("Gender"),
    "governance": _("Migration governance"),
    "health": _("Health"),
    "integration": _("Integration"),
    "irregular_migration": _("Irregular migration"),
    "labour_migration": _("Labour migration"),
    "local_governance": _("Local governance"),
    "migrant_rights": _("Migrants' rights"),
    "migration_development": _("Migration and development"),
    "partnerships": _("Partnerships"),
    "private_sector": _("Private sector"),
    "recruitment": _("Recruitment"),
    "regional_integration": _("Regional integration"),
    "remittances": _("Remittances"),
    "return_reintegration": _("Return and reintegration"),
    "sdg": _("Sustainable Development Goals"),
    "skills": _("Skills"),
    "smuggling": _("Migrant smuggling"),
    "technology": _("Technology"),
    "trade": _("Trade"),
    "trafficking": _("Trafficking in persons"),
    "victim_protection": _("Victim protection"),
}


def theme_label(tag: str) -> str:
    return str(THEMES.get(tag, tag.replace("_", " ")))
