from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

DATA_DIR = Path(__file__).resolve().parent / "data"


class CoreConfig(AppConfig):
    name = "migdev.core"
    label = "core"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from migdev.core import bench, esco_embedding  # noqa: F401  (register the benchmarks, the job's receiver)
        from migdev.core.datasets import Dataset, register_dataset
        from migdev.core.importers.esco import load_esco
        from migdev.core.importers.isco08 import load_isco08
        from migdev.core.importers.policy import load_policy_frameworks
        from migdev.core.importers.reference import load_reference

        register_dataset(
            Dataset(
                "reference",
                "Countries, UN M49 regions, currencies, languages, sex codes (folder with m49_regions.csv)",
                load_reference,
                shipped=DATA_DIR / "m49",
                setup_order=10,
            )
        )
        register_dataset(
            Dataset(
                "isco08",
                "ISCO-08 groups (folder with isco08_structure.csv and ISCOGroups_en.csv)",
                load_isco08,
                shipped=DATA_DIR / "isco08",
                setup_order=20,
            )
        )
        register_dataset(
            Dataset(
                "esco",
                "ESCO v1.1.1 occupations, skills and their relations (folder with the ESCO CSV files)",
                load_esco,
                shipped=DATA_DIR / "esco",
                setup_order=30,
            )
        )
        register_dataset(
            Dataset(
                "policy-frameworks",
                "GCM objectives and guiding principles, migration-related SDG targets and indicators "
                "(folder with gcm_objectives.csv, gcm_guiding_principles.csv, sdg_migration_targets.csv)",
                load_policy_frameworks,
                shipped=DATA_DIR / "policy",
                setup_order=15,
            )
        )
