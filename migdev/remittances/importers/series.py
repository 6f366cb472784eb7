"""The World Bank's published corridor averages (DataBank "Remittance Prices Worldwide (Corridors)", ATCR.CORR)
and the 2017 bilateral remittance matrix (World Bank/KNOMAD, sending countries down, receiving across)."""

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import read_rows
from migdev.remittances.importers.quotes import COUNTRY_ALIASES, optional_number

SERIES_CODE = "ATCR.CORR"
SENDING_CODE = "Sending Countries Code"
RECEIVING_CODE = "Receiving Countries  Code"  # two spaces, as DataBank writes it
SERIES_COLUMNS = ("Sending Countries Code", "Series Code", RECEIVING_CODE)
QUARTER_COLUMN = re.compile(r"(?P<year>20\d\d)Q(?P<quarter>[1-4]) \[YR\d{4}Q[1-4]\]")


@dataclass(frozen=True, slots=True)
class CorridorValue:
    sending: str
    receiving: str
    period: str
    value: float


def read_corridor_series(path: Path, countries: frozenset[str]) -> Iterator[CorridorValue]:
    """Every corridor-quarter with a value ('..' is no value); DataBank's footer lines (no series code) are skipped."""
    where = str(path)
    quarters: list[tuple[str, str]] | None = None
    for row, record in read_rows(path, SERIES_COLUMNS):
        if quarters is None:
            quarters = [(c, f"{m['year']}Q{m['quarter']}") for c in record if (m := QUARTER_COLUMN.fullmatch(c))]
            if not quarters:
                raise ImportFileError(where, 1, None, "no quarter columns such as '2014Q1 [YR2014Q1]'")
        if not record[SENDING_CODE] and not record["Series Code"]:
            continue  # footer: "Data from database: ...", "Last Updated: ..."
        if record["Series Code"] != SERIES_CODE:
            raise ImportFileError(where, row, "Series Code", f"expected {SERIES_CODE}, found {record['Series Code']!r}")
        sending = _country(where, row, SENDING_CODE, record[SENDING_CODE], countries)
        receiving = _country(where, row, RECEIVING_CODE, record[RECEIVING_CODE], countries)
        for column, period in quarters:
            value = optional_number(where, row, column, record[column])
            if value is not None:
                yield CorridorValue(sending, receiving, period, value)


def _country(where: str, row: int, column: str, raw: str, countries: frozenset[str]) -> str:
    code = COUNTRY_ALIASES.get(raw.strip().upper(), raw.strip().upper())
    if code not in countries:
        raise ImportFileError(where, row, column, f"{raw!r} is not a known ISO 3166-1 alpha-3 country code")
    return code


# World Bank country names of the matrix that neither the DataBank file nor ISO 3166-1 spell the same way.
WORLD_BANK_NAMES = {
    "Bahamas, The": "BHS",
    "Channel Islands": "CHI",  # World Bank code; UN M49 830
    "Congo, Dem. Rep.": "COD",
    "Congo, Rep.": "COG",
    "Egypt, Arab Rep.": "EGY",
    "Faeroe Islands": "FRO",
    "Gambia, The": "GMB",
    "Hong Kong SAR, China": "HKG",
    "Iran, Islamic Rep.": "IRN",
    "Korea, Dem. Rep.": "PRK",
    "Korea, Rep.": "KOR",
    "Kosovo": "XKX",
    "Lao PDR": "LAO",
    "Macao SAR, China": "MAC",
    "Macedonia, FYR": "MKD",
    "Micronesia, Fed. Sts.": "FSM",
    "St. Kitts and Nevis": "KNA",
    "St. Lucia": "LCA",
    "St. Martin (French part)": "MAF",
    "St. Vincent and the Grenadines": "VCT",
    "Swaziland": "SWZ",
    "Syrian Arab Republic": "SYR",
    "Venezuela, RB": "VEN",
    "Virgin Islands (U.S.)": "VIR",
    "West Bank and Gaza": "PSE",
    "Yemen, Rep.": "YEM",
    "Kyrgyz Republic": "KGZ",
    "Slovak Republic": "SVK",
    "Czech Republic": "CZE",
    "Turkey": "TUR",
    "Cabo Verde": "CPV",
    "Cote d'Ivoire": "CIV",
    "Curacao": "CUW",
    "Sint Maarten (Dutch part)": "SXM",
}
WORLD = "WORLD"


@dataclass(frozen=True, slots=True)
class Flow:
    sending: str  # ISO3, or the World Bank's name where the country has no ISO code known here
    receiving: str
    value: float  # US$ millions, 2017


def read_flow_matrix(path: Path, code_by_name: dict[str, str]) -> tuple[list[Flow], list[str]]:
    """The non-zero cells of the matrix (WORLD totals left out), and the names no code was found for."""
    where = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, strict=True))
    except (csv.Error, UnicodeDecodeError) as exc:
        raise ImportFileError(where, None, None, f"not a readable UTF-8 CSV file ({exc})") from exc
    if not rows or not rows[0] or "sending" not in rows[0][0]:
        raise ImportFileError(where, 1, None, "expected the header 'sending (down) / receiving (across), ...'")
    header = rows[0]
    if header[-1] != WORLD:
        raise ImportFileError(where, 1, None, f"the last column should be {WORLD} (truncated file?)")
    if not rows[-1] or rows[-1][0] != WORLD:
        raise ImportFileError(where, len(rows), None, f"the last row should be {WORLD} (truncated file?)")
    unknown: set[str] = set()

    def code(name: str) -> str:
        found = code_by_name.get(name) or WORLD_BANK_NAMES.get(name)
        if found is None:
            unknown.add(name)
            return name
        return found

    receiving = [code(name) for name in header[1:-1]]
    flows = []
    for row, fields in enumerate(rows[1:-1], start=2):
        if len(fields) != len(header):
            raise ImportFileError(where, row, None, f"{len(fields)} fields where the header has {len(header)}")
        sending = code(fields[0])
        for column, raw in enumerate(fields[1:-1]):
            value = optional_number(where, row, header[column + 1], raw)
            if value is not None and value < 0:
                raise ImportFileError(where, row, header[column + 1], f"a flow cannot be negative ({value:g})")
            if value:
                flows.append(Flow(sending, receiving[column], value))
    return flows, sorted(unknown)
