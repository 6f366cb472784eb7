"""`migdev esco_suggest cv.txt [...]`: the ESCO occupations and skills a CV or vacancy text suggests."""

import json
import sys
from argparse import ArgumentParser
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from migdev.core.errors import DomainError
from migdev.core.esco_suggestions import MAX_TEXT_CHARS, TextSuggestions, suggest


class Command(BaseCommand):
    help = (
        "Suggest ESCO occupations and skills for CV or vacancy texts (English, French or Spanish). "
        "Reads the files given, or standard input with '-'."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("files", nargs="+", help="Text files (UTF-8), or '-' for standard input.")
        parser.add_argument("--skills", type=int, default=20, help="At most this many skills per text (default 20).")
        parser.add_argument("--occupations", type=int, default=5, help="At most this many occupations (default 5).")
        parser.add_argument("--json", action="store_true", help="Print one JSON object per text.")

    def _read(self, name: str) -> str:
        if name == "-":
            return sys.stdin.read(MAX_TEXT_CHARS + 1)
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"{name}: no such file")
        if path.stat().st_size > 4 * MAX_TEXT_CHARS:
            raise CommandError(
                f"{name}: too large ({path.stat().st_size} bytes); texts are at most {MAX_TEXT_CHARS} characters"
            )
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise CommandError(f"{name}: not UTF-8 text (byte {error.start})") from error

    def handle(self, *args: Any, **options: Any) -> None:
        for name in options["files"]:
            try:
                found = suggest(self._read(name), options["skills"], options["occupations"])
            except DomainError as error:
                raise CommandError(f"{name}: {error.field}: {error.message}") from error
            if options["json"]:
                self.stdout.write(json.dumps({"file": name, **asdict(found)}, ensure_ascii=False))
            else:
                self._print(name, found)

    def _print(self, name: str, found: TextSuggestions) -> None:
        from rich.console import Console
        from rich.table import Table

        console = Console(file=self.stdout, soft_wrap=True)  # type: ignore[arg-type]  # a text stream
        method = "meaning (multilingual-e5-small) and spelling" if found.cross_lingual else "spelling only"
        kind = "a job title, ranked by the title first" if found.job_title else f"{found.phrases} lines or sentences"
        console.print(f"[bold]{name}[/bold]: {kind}, matched by {method}")
        occupations = Table("occupation", "ISCO-08", "score", "why")
        for o in found.occupations:
            why = [f'named in "{o.phrase}"'] if o.phrase else []
            why += [f'read as "{o.reading}"'] if o.reading else []
            why += [f"from the words {', '.join(o.title_words)}"] if o.title_words else []
            why += [f"{o.essential_found} of {o.essential_total} essential skills found"] if o.essential_found else []
            why = (["likely"] if o.likely else []) + why
            occupations.add_row(o.label, o.isco_code, f"{o.score:.3f}", "; ".join(why))
        console.print(occupations)
        skills = Table("skill", "score", "likely", "from")
        for s in found.skills:
            skills.add_row(s.label, f"{s.score:.3f}", "yes" if s.likely else "", s.phrase)
        console.print(skills)
