"""Derive migdev/core/data/m49/m49_regions.csv from UN DESA's International Migrant Stock 2020 workbook.

Usage: python scripts/derive_m49_regions.py [WORKBOOK] [OUTPUT_CSV]

Reads sheet "Table 1" from the row " AFRICA" (code 903) to the end. The indentation of column B gives the level:
one leading space = region, two = sub-region, three = country or area. Column D is the location code. Names lose
their trailing "*" footnote marks and spaces; region names, written in capitals in the workbook, are put in title
case with "and", "the" and "of" in lower case ("LATIN AMERICA AND THE CARIBBEAN" -> "Latin America and the
Caribbean"). Nothing else is changed.
"""

import csv
import sys
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKBOOK = Path("/work/shared/data/migrant_stock/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx")
DEFAULT_OUTPUT = ROOT / "migdev" / "core" / "data" / "m49" / "m49_regions.csv"
FIRST_REGION_CODE = 903  # " AFRICA": the geographic regions start here; the rows above are other groupings
LOWER_WORDS = {"and", "the", "of"}
KINDS = {1: "region", 2: "subregion", 3: "country"}


def region_name(raw: str) -> str:
    """Title-case a region name written in capitals, keeping 'and', 'the', 'of' in lower case."""
    words = raw.lower().split()
    return " ".join(w if w in LOWER_WORDS and i else w.capitalize() for i, w in enumerate(words))


def derive(workbook: Path) -> list[dict[str, str]]:
    """The region / sub-region / country rows of Table 1, each with its parent's code."""
    sheet = openpyxl.load_workbook(workbook, read_only=True, data_only=True)["Table 1"]
    rows: list[dict[str, str]] = []
    region = subregion = ""
    started = False
    for cells in sheet.iter_rows(min_row=12, max_col=4, values_only=True):
        label, code = cells[1], cells[3]
        if label is None or code is None:
            continue
        started = started or int(code) == FIRST_REGION_CODE
        if not started:
            continue
        depth = len(label) - len(label.lstrip(" "))
        if depth not in KINDS:
            raise ValueError(f"unexpected indentation {depth} for {label!r}")
        name = label.strip().rstrip("*").strip()
        m49 = str(int(code))
        if depth == 1:
            region, subregion, parent, name = m49, "", "", region_name(name)
        elif depth == 2:
            subregion, parent = m49, region
        else:
            # A country's parent is its sub-region, or its region where that has none (Northern America).
            parent = subregion or region
        rows.append({"m49": m49, "kind": KINDS[depth], "name": name, "parent_m49": parent})
    return rows


def main() -> None:
    workbook = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_WORKBOOK
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUTPUT
    rows = derive(workbook)
    with output.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["m49", "kind", "name", "parent_m49"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{output}: {len(rows)} rows")


if __name__ == "__main__":
    main()
