"""A one-page corridor brief as PDF (fpdf2), from the same blocks as the page, in the active language.

It prints on core's PDF page (`core/pdf.py`: DejaVu Serif)."""

from django.utils import formats
from django.utils.translation import gettext as _

from migdev.core.pdf import FONT, PdfDocument
from migdev.corridors.selectors import Corridor
from migdev.corridors.selectors.blocks import Block


def _number(value: float | None, decimals: int = 0) -> str:
    return "—" if value is None else formats.number_format(value, decimals, use_l10n=True, force_grouping=True)


class _Brief(PdfDocument):
    def __init__(self) -> None:
        super().__init__(margins=(14, 12, 14), bottom=12)

    def heading(self, text: str, source: str, as_of: str) -> None:
        self.ln(1.5)
        self.set_font(FONT, "B", 10.5)
        self.cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 6.5)
        label = _("Source: %(source)s · as of %(date)s") % {"source": source, "date": as_of or "—"}
        self.multi_cell(0, 3.2, label, new_x="LMARGIN", new_y="NEXT")

    def line_of(self, text: str) -> None:
        self.set_font(FONT, "", 8)
        self.multi_cell(0, 3.8, text, new_x="LMARGIN", new_y="NEXT")


def _lines(found: Corridor) -> list[tuple[str, Block, list[str]]]:
    """Each block's heading and its sentences (only asked for when the block has data)."""
    o, d = found.pair.origin.name, found.pair.destination.name
    people, rights, work, money = found.people, found.rights, found.work, found.money
    diaspora, cooperation = found.diaspora, found.cooperation

    def titles(rows: list) -> str:  # type: ignore[type-arg]
        return ", ".join(r.short_title for r in rows) or "—"

    def people_lines() -> list[str]:
        return [
            _("%(total)s migrants born in %(origin)s lived in %(destination)s in %(year)s; women: %(female)s %%.")
            % {
                "total": _number(people.total),
                "origin": o,
                "destination": d,
                "year": people.year,
                "female": _number(people.female_share, 1),
            },
            _("Share of the emigrants of %(origin)s: %(a)s %%; of the immigrants in %(destination)s: %(b)s %%.")
            % {
                "origin": o,
                "destination": d,
                "a": _number(people.share_of_emigrants, 1),
                "b": _number(people.share_of_immigrants, 1),
            },
        ]

    def rights_lines() -> list[str]:
        only = _("Only %(country)s is party to: %(list)s.")
        return [
            _("Both countries are party to: %(list)s.") % {"list": titles(rights.in_common)},
            only % {"country": o, "list": titles(rights.only_origin)},
            only % {"country": d, "list": titles(rights.only_destination)},
        ]

    def work_lines() -> list[str]:
        lines = [
            _("Schemes: %(schemes)s. Labour agreements: %(agreements)s. Open vacancies: %(vacancies)s.")
            % {
                "schemes": ", ".join(s.name for s in work.schemes) or "—",
                "agreements": ", ".join(a.title for a in work.agreements) or "—",
                "vacancies": len(work.vacancies),
            }
        ]
        if work.cost_total is not None and work.cost_total.mean is not None:
            lines.append(
                _("Recruitment costs paid by workers (SDG 10.7.1), mean share of a month's earnings: %(mean)s.")
                % {"mean": _number(work.cost_total.mean, 2)}
            )
        return lines

    def money_lines() -> list[str]:
        lines = []
        if money.costs:
            last = money.costs[-1]
            lines.append(
                _("Cost of sending USD 200 in %(period)s: %(small)s %%; USD 500: %(large)s %%; SmaRT: %(smart)s %%.")
                % {
                    "period": last.period,
                    "small": _number(last.usd200, 2),
                    "large": _number(last.usd500, 2),
                    "smart": _number(money.smart, 2),
                }
            )
            cheapest = "; ".join(f"{s.firm}, {s.instrument} ({_number(s.usd200, 2)} %)" for s in money.cheapest)
            lines.append(_("Cheapest services: %(list)s.") % {"list": cheapest or "—"})
        if money.share_of_receipts is not None:
            lines.append(
                _("Share of the remittances received by %(origin)s in %(year)s: %(share)s %%.")
                % {"origin": o, "year": money.flow_year, "share": _number(money.share_of_receipts, 1)}
            )
        return lines

    def diaspora_lines() -> list[str]:
        names = ", ".join(x.organisation.name for x in diaspora.organisations) or "—"
        return [
            _("Organisations: %(list)s.") % {"list": names},
            _("Experts of the diaspora registered there: %(n)s.") % {"n": diaspora.experts},
        ]

    def cooperation_lines() -> list[str]:
        processes = ", ".join(s.process.name for s in cooperation.processes) or "—"
        commitments = ", ".join(c.title for c in cooperation.commitments) or "—"
        return [
            _("Processes both take part in: %(list)s.") % {"list": processes},
            _("Commitments naming both: %(list)s.") % {"list": commitments},
        ]

    sections = [
        (_("People"), people, people_lines),
        (_("Rights"), rights, rights_lines),
        (_("Work"), work, work_lines),
        (_("Money"), money, money_lines),
        (_("Diaspora"), diaspora, diaspora_lines),
        (_("Cooperation"), cooperation, cooperation_lines),
    ]
    return [(title, block, lines() if block.has_data else []) for title, block, lines in sections]


def render(found: Corridor) -> bytes:
    """The brief as PDF bytes: title, then each block's source, date and sentences, or "no data"."""
    o, d = found.pair.origin.name, found.pair.destination.name
    pdf = _Brief()
    pdf.set_title(_("Corridor brief: %(origin)s to %(destination)s") % {"origin": o, "destination": d})
    pdf.add_page()
    pdf.set_font(FONT, "B", 15)
    pdf.cell(0, 8, _("%(origin)s → %(destination)s") % {"origin": o, "destination": d}, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 8)
    pdf.cell(0, 4, _("Corridor brief, MigDev"), new_x="LMARGIN", new_y="NEXT")
    for title, block, lines in _lines(found):
        pdf.heading(title, block.source, block.as_of)
        for line in lines if block.has_data else [_("No data for this corridor.")]:
            pdf.line_of(line)
    return bytes(pdf.output())
