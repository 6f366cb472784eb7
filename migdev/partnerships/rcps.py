"""The Regional Consultative Processes a commitment may involve: the ids of the shipped list (data/rcps.csv, a copy
of the RCP room's source; this room never imports that room). A process's page is linked by its URL path."""

from functools import lru_cache
from pathlib import Path

from django.utils.translation import get_language

from migdev.core.importers.csvfiles import read_rows

RCPS_FILE = Path(__file__).resolve().parent / "data" / "rcps.csv"


@lru_cache(maxsize=1)
def rcp_names() -> dict[str, str]:
    """Each process's id and its short name (first acronym, else its name), in the file's order."""
    names: dict[str, str] = {}
    for _row, fields in read_rows(RCPS_FILE, ("rcp_id", "name", "acronyms")):
        short = fields["acronyms"].split(";")[0].strip()
        names[fields["rcp_id"].strip()] = short or fields["name"].strip()
    return names


def is_rcp(code: str) -> bool:
    return code in rcp_names()


def rcp_url(code: str) -> str:
    """The path of the process's page in the RCP one-stop shop, in the page's language."""
    return f"/{(get_language() or 'en').split('-')[0]}/rcp/processes/{code}/"
