from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabourConfig(AppConfig):
    name = "migdev.labour"
    label = "labour"
    verbose_name = _("Labour mobility exchange")
