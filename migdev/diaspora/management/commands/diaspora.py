"""`migdev diaspora map ISO3 [--year YEAR] [--top N]` and `migdev diaspora shortlist NEED_ID [--as USER]`.

`map` prints where an origin country's emigrants live, by sex, with remittances (2017) where known; `shortlist` prints
the experts ranked for a need (pseudonyms, scores, missing essential skills), as its institution sees them.
"""

from argparse import ArgumentParser
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from migdev.accounts.models import User
from migdev.core.errors import DomainError
from migdev.diaspora.selectors import experts, mapping


def _figure(value: float | None, decimals: int = 0) -> str:
    return "–" if value is None else f"{value:,.{decimals}f}"


class Command(BaseCommand):
    help = "Diaspora room commands: `map` (a country's diaspora by sex) and `shortlist` (experts ranked for a need)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        diaspora_map = commands.add_parser("map", help="Where an origin country's emigrants live, by sex.")
        diaspora_map.add_argument("origin", help="ISO 3166-1 alpha-3 or M49 code of the country of origin.")
        diaspora_map.add_argument("--year", help="The year (default: the latest).")
        diaspora_map.add_argument("--top", type=int, default=15, help="How many destinations to print.")
        shortlist = commands.add_parser("shortlist", help="The experts ranked for a need.")
        shortlist.add_argument("need", type=int, help="The need's id.")
        shortlist.add_argument("--as", dest="username", help="A member of the institution, or a steward.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["command"] == "map":
                self._map(options["origin"], options.get("year"), options["top"])
            else:
                self._shortlist(options["need"], options.get("username"))
        except DomainError as error:
            raise CommandError(str(error.message)) from error

    def _map(self, origin: str, year: str | None, top: int) -> None:
        data = mapping.diaspora_map(origin)
        year = year or data.latest_year
        if year not in data.years:
            raise CommandError(f"No figures for {year}; years: {', '.join(data.years) or 'none'}.")
        table = Table(title=f"Emigrants from {data.origin.name}, {year}")
        for column in ("Destination", "Both sexes", "Male", "Female", "Female share %", "Remittances 2017 USD m"):
            table.add_column(column, justify="left" if column == "Destination" else "right")
        for destination in data.destinations[:top]:
            table.add_row(
                destination.name,
                _figure(destination.value(year)),
                _figure(destination.value(year, "M")),
                _figure(destination.value(year, "F")),
                _figure(destination.female_share(year), 1),
                _figure(destination.remittances, 1) if data.remittances_loaded else "no data",
            )
        console = Console(file=cast(IO[str], self.stdout), width=160)
        console.print(table)
        console.print(
            f"All destinations: {_figure(data.total(year))} emigrants, {_figure(data.female_share(year), 1)} % women; "
            f"growth {data.first_year}–{data.latest_year}: {_figure(data.growth(), 1)} %."
        )

    def _shortlist(self, need_id: int, username: str | None) -> None:
        need = experts.need_by_id(need_id)
        actor = (
            User.objects.filter(username=username, is_active=True).first()
            if username
            else User.objects.filter(is_steward=True, is_active=True).order_by("pk").first()
        )
        if actor is None:
            raise CommandError("No such active user (give --as USER, or create a steward).")
        table = Table(title=f"Experts ranked for “{need.title}” ({need.organisation.name})")
        for column in ("Expert", "Occupation", "Origin", "Score", "Missing essential skills"):
            table.add_column(column)
        for item in experts.shortlist(actor, need):
            table.add_row(
                item.expert.pseudonym,
                item.expert.occupation.preferred_label,
                item.expert.origin_id,
                f"{item.score:.3f}",
                "; ".join(item.missing_essential) or "–",
            )
        Console(file=cast(IO[str], self.stdout), width=160).print(table)
