from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RcpConfig(AppConfig):
    name = "migdev.rcp"
    label = "rcp"
    verbose_name = _("Regional consultative processes")

    def ready(self) -> None:
        from migdev.core.datasets import Dataset, DemoStep, register_dataset, register_demo
        from migdev.rcp import rules  # noqa: F401  (registers the permissions)
        from migdev.rcp.demo import load_rcp_demo
        from migdev.rcp.importers import load_rcp

        register_dataset(
            Dataset(
                name="rcp",
                description="Regional consultative processes on migration: 29 processes and their members (IOM ISCM)",
                loader=load_rcp,
                shipped=Path(__file__).resolve().parent / "data",
                setup_order=88,
            )
        )
        register_demo(DemoStep("rcp", load_rcp_demo, order=60))
