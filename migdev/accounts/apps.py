from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "migdev.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from migdev.accounts.demo import load_demo_accounts
        from migdev.core.datasets import DemoStep, register_demo

        register_demo(DemoStep("accounts", load_demo_accounts, order=10))
