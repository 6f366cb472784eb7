"""`migdev law_reindex`: rebuild the law room's search index from the stored texts, glossary and lessons."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection

from migdev.core.progress import RichProgress
from migdev.law.search.backend import backend_for
from migdev.law.search.indexing import reindex


class Command(BaseCommand):
    help = (
        "Rebuild the search index of the law room (every expression's articles, glossary terms, lessons), e.g. "
        "after changing an instrument's themes; the index otherwise follows each change as it is stored."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        with RichProgress() as progress:
            summary = reindex(progress)
        self.stdout.write(f"{summary} ({backend_for(connection).vendor} full-text search)")
