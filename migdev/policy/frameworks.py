"""The reference frameworks shipped in `policy/data`: the 30 SDG 10.7.2 sub-categories and the crosswalk MiGOF ↔ MGI
domains ↔ SDG 10.7.2 domains ↔ GCM objectives, each link marked official or derived (PROVENANCE.md says why)."""

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from migdev.engines import sdg_10_7_2

DATA = Path(__file__).resolve().parent / "data"
SOURCE_10_7_2 = _(
    "UN DESA and IOM, SDG indicator 10.7.2 metadata (UN SDG global metadata, computation method); answers in "
    "English as in the UN questionnaire."
)
BAND_LABELS = {
    sdg_10_7_2.REQUIRES_FURTHER_PROGRESS: _("Requires further progress"),
    sdg_10_7_2.PARTIALLY_MEETS: _("Partially meets"),
    sdg_10_7_2.MEETS: _("Meets"),
    sdg_10_7_2.FULLY_MEETS: _("Fully meets"),
}
OFFICIAL = "official"
DERIVED = "derived"


@dataclass(frozen=True)
class SubCategory:
    domain: int
    domain_name: str
    question: str
    sub_id: str
    text: str
    coding: str

    @property
    def codes(self) -> tuple[float, ...]:
        return tuple(float(c) for c in sdg_10_7_2.allowed_codes(self.sub_id))


@dataclass(frozen=True)
class Domain:
    number: int
    name: str
    question: str
    subcategories: tuple[SubCategory, ...]


@dataclass(frozen=True)
class MigofElement:
    element: str  # "principle" or "objective"
    number: int
    text: str
    short_text: str

    @property
    def key(self) -> str:
        return f"{self.element.title()} {self.number}"


@dataclass(frozen=True)
class MgiDomain:
    number: int
    name: str
    migof: str  # "Principle 1"
    areas: str
    verification: str


@dataclass(frozen=True)
class CrosswalkRow:
    """One SDG 10.7.2 domain with its MGI domain and MiGOF element, and the links' status."""

    domain: Domain
    mgi: MgiDomain
    migof: MigofElement
    mgi_link: str  # derived: same title and order
    migof_link: str  # official, per mgi_domains.csv
    objectives: dict[str, tuple[int, ...]]  # sub-category id -> GCM objective numbers (derived)


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.cache
def subcategories() -> tuple[SubCategory, ...]:
    found = tuple(
        SubCategory(int(r["domain_no"]), r["domain"], r["question"], r["sub_id"], r["subcategory"], r["answer_coding"])
        for r in _rows("sdg_10_7_2_subcategories.csv")
    )
    if tuple(s.sub_id for s in found) != sdg_10_7_2.SUB_IDS:
        raise ValueError("sdg_10_7_2_subcategories.csv does not hold the 30 sub-categories 1a..6e in order")
    return found


def subcategory(sub_id: str) -> SubCategory | None:
    return next((s for s in subcategories() if s.sub_id == sub_id), None)


@functools.cache
def domains() -> tuple[Domain, ...]:
    subs = subcategories()
    return tuple(
        Domain(n, subs[(n - 1) * 5].domain_name, subs[(n - 1) * 5].question, subs[(n - 1) * 5 : n * 5])
        for n in sdg_10_7_2.DOMAINS
    )


@functools.cache
def migof() -> tuple[MigofElement, ...]:
    return tuple(MigofElement(r["element"], int(r["no"]), r["text"], r["short_text"]) for r in _rows("migof.csv"))


@functools.cache
def mgi_domains() -> tuple[MgiDomain, ...]:
    return tuple(
        MgiDomain(int(r["domain_no"]), r["domain"], r["migof_element"], r["areas_covered"], r["verification"])
        for r in _rows("mgi_domains.csv")
    )


@functools.cache
def objectives_by_subcategory() -> dict[str, tuple[int, ...]]:
    """SDG 10.7.2 sub-category -> GCM objectives (MigDev's derived reading, `sdg_10_7_2_gcm.csv`)."""
    return {r["sub_id"]: tuple(int(n) for n in r["gcm_objectives"].split(";")) for r in _rows("sdg_10_7_2_gcm.csv")}


@functools.cache
def crosswalk() -> tuple[CrosswalkRow, ...]:
    elements = {e.key: e for e in migof()}
    mgi = {d.number: d for d in mgi_domains()}
    links = objectives_by_subcategory()
    return tuple(
        CrosswalkRow(
            domain=d,
            mgi=mgi[d.number],
            migof=elements[mgi[d.number].migof],
            mgi_link=DERIVED,
            migof_link=OFFICIAL,
            objectives={s.sub_id: links.get(s.sub_id, ()) for s in d.subcategories},
        )
        for d in domains()
    )


def objectives_of_domain(domain: int) -> tuple[int, ...]:
    links = objectives_by_subcategory()
    found = {n for s in domains()[domain - 1].subcategories for n in links.get(s.sub_id, ())}
    return tuple(sorted(found))
