from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

DATA_DIR = Path(__file__).resolve().parent / "data"


class LawConfig(AppConfig):
    name = "migdev.law"
    label = "law"
    verbose_name = _("International migration law")

    def ready(self) -> None:
        from migdev.core.datasets import Dataset, DemoStep, register_dataset, register_demo
        from migdev.law.demo import load_law_demo
        from migdev.law.services import import_akn, load_instruments, load_treaty_actions, load_treaty_texts
        from migdev.law.services.glossary import load_glossary
        from migdev.law.services.learning import load_training  # also connects the personal-data receivers
        from migdev.law.services.national import load_national_laws

        register_dataset(
            Dataset(
                name="law-instruments",
                description="Migration law instruments: catalogue, data completeness, GCM objectives (folder)",
                loader=load_instruments,
                shipped=DATA_DIR,
                setup_order=60,
            )
        )
        register_dataset(
            Dataset(
                name="law-treaty-actions",
                description="Treaty actions (signatures, ratifications, ...) in the format of treaty_actions.csv",
                loader=load_treaty_actions,
                shipped=DATA_DIR / "ratifications" / "treaty_actions.csv",
                setup_order=61,
            )
        )
        register_dataset(
            Dataset(
                name="law-texts",
                description="Treaty texts (folder with manifest.tsv and bwb-markdown/) converted to Akoma Ntoso 3.0",
                loader=load_treaty_texts,
                shipped=DATA_DIR / "treaty-texts",
                setup_order=62,
            )
        )
        register_dataset(
            Dataset(
                name="law-akn",
                description="One Akoma Ntoso 3.0 XML document (validated against the strict OASIS schema)",
                loader=import_akn,
            )
        )
        register_dataset(
            Dataset(
                name="law-glossary",
                description="Glossary: terms and where instruments define them (glossary.csv), quoted from the texts",
                loader=load_glossary,
                shipped=DATA_DIR / "glossary.csv",
                setup_order=66,
            )
        )
        register_dataset(
            Dataset(
                name="law-training",
                description="Learning modules for officials and migrants (folder of TOML files), with quizzes",
                loader=load_training,
                shipped=DATA_DIR / "training",
                setup_order=67,
            )
        )
        register_demo(DemoStep("law", load_law_demo, order=30))
        register_dataset(
            Dataset(
                name="law-national",
                description="National laws (folder: laws.csv, versions.csv, implements.csv, texts or AKN) by version",
                loader=load_national_laws,
                shipped=DATA_DIR / "national",
                setup_order=63,
            )
        )
        self._register_search(register_dataset, Dataset)

    @staticmethod
    def _register_search(register_dataset: Any, dataset: Any) -> None:
        """Search: the receivers that index what is stored, and the setup step that builds the index."""
        import migdev.law.search.receivers  # noqa: F401
        from migdev.law.search.indexing import load_search_index

        register_dataset(
            dataset(
                name="law-search-index",
                description="Search index of the law room (built from the stored texts, glossary and lessons)",
                loader=load_search_index,
                shipped=DATA_DIR,
                setup_order=79,
            )
        )
