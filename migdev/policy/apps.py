from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "migdev.policy"
    label = "policy"
    verbose_name = _("Migration policy and coherence")

    def ready(self) -> None:
        from migdev.core.datasets import DemoStep, register_demo
        from migdev.policy import rules  # noqa: F401  (registers the permissions)
        from migdev.policy.demo import load_policy_demo

        register_demo(DemoStep("policy", load_policy_demo, order=80))
