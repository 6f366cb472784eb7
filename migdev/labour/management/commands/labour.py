"""`migdev labour match --scheme CODE --season YEAR [--scheduler tcp://...|--dask-local] [--min-score X] [--as USER]`.

Runs an allocation of a scheme's season now, with a progress bar, stores it as a run (to review and confirm on the
officials' pages or the API) and prints a summary.
"""

from argparse import ArgumentParser
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from migdev.accounts.models import User
from migdev.core.errors import DomainError
from migdev.labour.models import MatchRun
from migdev.labour.selectors import matching as selectors
from migdev.labour.services import matching as services


class Command(BaseCommand):
    help = "Labour exchange commands: `match` allocates a scheme's season with the matching engine."

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        match = commands.add_parser("match", help="Allocate a scheme's season and store the run.")
        match.add_argument("--scheme", required=True, help="The scheme's code.")
        match.add_argument("--season", required=True, type=int, help="The season (year).")
        match.add_argument("--min-score", type=float, default=0.0, help="Leave out pairs scoring less.")
        match.add_argument("--min-female-share", type=float, help="Women at least this share of placements (0-1).")
        executor = match.add_mutually_exclusive_group()
        executor.add_argument("--scheduler", help="Score on a dask.distributed scheduler, e.g. tcp://127.0.0.1:8786.")
        executor.add_argument("--dask-local", action="store_true", help="Score on a Dask LocalCluster.")
        match.add_argument(
            "--as", dest="username", help="Run as this official or steward (default: the first steward)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "match":
            self._match(options)

    def _actor(self, username: str | None) -> User:
        if username:
            found = User.objects.filter(username=username, is_active=True).first()
            if found is None:
                raise CommandError(f"No active user {username!r}.")
            return found
        steward = User.objects.filter(is_steward=True, is_active=True).order_by("pk").first()
        if steward is None:
            raise CommandError("No steward to run as: pass --as USERNAME (an official of the scheme's destination).")
        return steward

    def _match(self, options: dict[str, Any]) -> None:
        actor = self._actor(options["username"])
        parameters: dict[str, Any] = {"min_score": options["min_score"]}
        if options["min_female_share"] is not None:
            parameters["min_female_share"] = options["min_female_share"]
        if options["scheduler"]:
            parameters.update(executor="dask", scheduler=options["scheduler"])
        elif options["dask_local"]:
            parameters["executor"] = "dask"
        console = Console(file=cast(IO[str], self.stdout), force_terminal=False)
        try:
            scheme = selectors.scheme_by_code(options["scheme"])
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            ) as bar:
                task = bar.add_task(f"{scheme.code} {options['season']}", total=100)

                def report(percent: int, stage: str) -> None:
                    bar.update(task, completed=percent, description=f"{scheme.code} {options['season']}: {stage}")

                run = services.start_match_run(
                    actor, scheme, options["season"], parameters, run_now=True, progress=report
                )
        except DomainError as error:
            raise CommandError(f"{error.field}: {error.message}" if error.field else str(error.message)) from error
        self._summary(console, run)
        if run.status == MatchRun.Status.FAILED:
            raise CommandError(run.error)

    def _summary(self, console: Console, run: MatchRun) -> None:
        result = run.result
        console.print(f"Run #{run.pk} of {run.scheme.code}, season {run.season}: {run.status}")
        if result.get("nothing_to_allocate"):
            console.print(f"Nothing to allocate: {result.get('reason', '')}")
            return
        if run.status != MatchRun.Status.DONE:
            return
        table = Table(title="Allocation")
        for column in ("workers", "vacancies", "eligible pairs", "assigned", "objective", "greedy", "greedy/optimal"):
            table.add_column(column, justify="right")
        ratio = f"{run.greedy_objective / run.objective:.4f}" if run.objective and run.greedy_objective else "-"
        table.add_row(
            str(result["workers"]),
            str(result["vacancies"]),
            str(result["eligible_pairs"]),
            str(len(result["assignments"])),
            f"{run.objective:.4f}",
            f"{run.greedy_objective:.4f}",
            ratio,
        )
        console.print(table)
        console.print(f"Review and confirm it on the officials' pages, or POST /api/v1/labour/runs/{run.pk}/confirm.")
