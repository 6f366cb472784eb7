"""The Migration Impact Statement as PDF (fpdf2), in the language active when it is called, on core's PDF page
(`core/pdf.py`: DejaVu Serif, so French and Spanish letters print on any machine)."""

from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from migdev.core.pdf import FONT, PdfDocument
from migdev.impact.statement import Statement

BAR_COLOUR = (11, 79, 138)


class _Pdf(PdfDocument):
    def __init__(self, title: str) -> None:
        super().__init__(title, margins=(18, 16, 18))

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font(FONT, "B", 12)
        self.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 9)

    def para(self, text: str, bold: bool = False) -> None:
        self.set_font(FONT, "B" if bold else "", 9)
        self.multi_cell(0, 4.8, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 9)

    def bullets(self, lines: list[str]) -> None:
        for line in lines:
            self.multi_cell(0, 4.8, f"• {line}", new_x="LMARGIN", new_y="NEXT")


def _n(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else number_format(value, digits, force_grouping=True)


def _chart(pdf: _Pdf, rows: list[dict[str, object]]) -> None:
    """Horizontal bars of the international migrant stock of each country (figures beside the bars)."""
    top = max(float(r["value"]) for r in rows) or 1.0  # type: ignore[arg-type]
    label_width, width = 50.0, pdf.epw - 80
    for row in rows:
        value = float(row["value"])  # type: ignore[arg-type]
        y = pdf.get_y()
        pdf.set_font(FONT, "", 8)
        pdf.cell(label_width, 5, str(row["label"])[:32])
        pdf.set_fill_color(*BAR_COLOUR)
        pdf.rect(pdf.l_margin + label_width, y + 0.8, max(0.5, width * value / top), 3.4, style="F")
        pdf.set_x(pdf.l_margin + label_width + width + 2)
        pdf.cell(0, 5, _n(value), new_x="LMARGIN", new_y="NEXT")


def _baseline(pdf: _Pdf, statement: Statement) -> None:
    pdf.heading(_("Baseline"))
    if statement.chart:
        pdf.para(_("International migrant stock by country (persons)"), bold=True)
        _chart(pdf, statement.chart)
    for country in statement.countries:
        pdf.para(f"{country['name']} ({country['role_label']})", bold=True)
        lines = []
        stock = country.get("migrant_stock")
        if stock:
            lines.append(
                _("Immigrants %(year)s: %(total)s, of whom women %(female)s (female share %(share)s %%).")
                % {
                    "year": stock["year"],
                    "total": _n(stock["total"]),
                    "female": _n(stock.get("female")),
                    "share": _n(stock.get("female_share"), 1),
                }
            )
        diaspora = country.get("diaspora")
        if diaspora:
            lines.append(
                _("Emigrants abroad %(year)s: %(total)s, female share %(share)s %%.")
                % {
                    "year": diaspora["year"],
                    "total": _n(diaspora["total"]),
                    "share": _n(diaspora.get("female_share"), 1),
                }
            )
        costs = country.get("remittance_costs")
        if costs and costs.get("receiving"):
            lines.append(
                _("Cost of receiving USD 200 (%(period)s): %(cost)s %%.")
                % {"period": costs["receiving"]["period"], "cost": _n(costs["receiving"]["cost"], 2)}
            )
        if costs and costs.get("sending"):
            lines.append(
                _("Cost of sending USD 200 (%(period)s): %(cost)s %%.")
                % {"period": costs["sending"]["period"], "cost": _n(costs["sending"]["cost"], 2)}
            )
        labour = country.get("labour")
        if labour:
            lines.append(
                _("Labour exchange %(month)s: %(supply)s available (%(female)s women), %(open)s open positions.")
                % {
                    "month": labour["month"],
                    "supply": _n(labour["supply"]["total"]),
                    "female": _n(labour["supply"]["female"]),
                    "open": _n(labour["open_positions"]),
                }
            )
        instruments = country.get("instruments")
        if instruments and instruments.get("party"):
            titles = ", ".join(i["title"] for i in instruments["party"])
            lines.append(_("Party to: %(titles)s.") % {"titles": titles})
        pdf.bullets(lines)
    if statement.gaps:
        pdf.para(_("Gaps in the data"), bold=True)
        pdf.bullets(statement.gaps)


def _matrix(pdf: _Pdf, statement: Statement) -> None:
    pdf.heading(_("Impact matrix"))
    if not statement.impacts:
        pdf.para(_("No impact entered."))
    for impact in statement.impacts:
        pdf.para(f"{impact['number']}. {impact['dimension_label']} — {impact['direction_label']}", bold=True)
        pdf.para(impact["description"])
        pdf.para(
            _("Magnitude %(m)s; likelihood %(l)s; sensitivity %(s)s; significance %(level)s (score %(score)s).")
            % {
                "m": impact["magnitude_label"],
                "l": impact["likelihood_label"],
                "s": impact["sensitivity_label"],
                "level": impact.get("level_label") or "—",
                "score": impact.get("score", "—"),
            }
        )


def _plan(pdf: _Pdf, statement: Statement) -> None:
    pdf.heading(_("Mitigation and monitoring plan"))
    for row in statement.measures:
        title = row["title"] or row["text"]
        gcm = ", ".join(str(n) for n in row["gcm"])
        line = _("Impact %(n)s: %(title)s") % {"n": row["number"], "title": title}
        if gcm:
            line += " — " + _("GCM objectives %(list)s") % {"list": gcm}
        if row.get("responsible"):
            line += " — " + _("responsible: %(who)s") % {"who": row["responsible"]}
        pdf.bullets([line])
    for row in statement.indicators:
        sdg = ", ".join(row["sdg"])
        pdf.bullets([f"{row['name']} — SDG {sdg} — {row.get('frequency', '')} {row.get('responsible', '')}".strip()])
    if not statement.measures and not statement.indicators:
        pdf.para(_("No plan yet."))


def render(statement: Statement) -> bytes:
    """The statement as PDF bytes, in the active language."""
    project = statement.project
    title = _("Migration Impact Statement") + f": {project.title}"
    pdf = _Pdf(title)
    pdf.set_title(title)
    pdf.set_lang(get_language() or "en")
    pdf.add_page()
    pdf.set_font(FONT, "B", 15)
    pdf.multi_cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    facts = [
        (_("Country"), project.country.name),
        (_("Sector"), project.get_sector_display()),
        (_("Proponent"), project.proponent.name),
        (_("Responsible ministry"), project.ministry or "—"),
        (_("Stage"), project.get_stage_display()),
        (_("Status"), project.get_status_display()),
        (_("Screening outcome"), statement.outcome or "—"),
    ]
    for label, value in facts:
        pdf.para(f"{label}: {value}")
    pdf.heading(_("Summary"))
    pdf.para(statement.summary or _("No summary yet."))
    if statement.missing:
        pdf.heading(_("What is missing"))
        pdf.bullets(statement.missing)
    pdf.heading(_("Scope"))
    pdf.para(_("Dimensions in play: %(list)s") % {"list": ", ".join(statement.dimensions) or "—"})
    pdf.para(_("Origins: %(list)s") % {"list": ", ".join(statement.area.get("origins", [])) or "—"})
    pdf.para(_("Destinations: %(list)s") % {"list": ", ".join(statement.area.get("destinations", [])) or "—"})
    _baseline(pdf, statement)
    _matrix(pdf, statement)
    _plan(pdf, statement)
    pdf.heading(_("Consultation record"))
    pdf.bullets([f"{c['date']} — {c.get('participants', '')}: {c['summary']}" for c in statement.consultations])
    if not statement.consultations:
        pdf.para(_("No consultation recorded."))
    pdf.heading(_("Review and decision"))
    if statement.review:
        pdf.para(
            _("Review: %(verdict)s. %(comments)s")
            % {"verdict": _verdict(statement.review["verdict"]), "comments": statement.review.get("comments", "")}
        )
    if statement.decision:
        pdf.para(
            _("Decision: %(outcome)s. %(reasons)s")
            % {"outcome": _outcome(statement.decision["outcome"]), "reasons": statement.decision.get("reasons", "")}
        )
        pdf.bullets(statement.decision.get("conditions", []))
    if statement.monitoring:
        pdf.heading(_("Monitoring updates"))
        pdf.bullets([f"{m['date']} — {m['indicator']}: {m['value']} {m.get('note', '')}" for m in statement.monitoring])
    pdf.heading(_("Data sources"))
    pdf.bullets(statement.sources or [_("No platform data drawn yet.")])
    pdf.para(_("The screening checklist is a proposal of this platform, not an official instrument."))
    return bytes(pdf.output())


def _verdict(code: str) -> str:
    return _("adequate") if code == "adequate" else _("revision requested")


def _outcome(code: str) -> str:
    return {"approved": _("approved"), "conditional": _("approved with conditions")}.get(code, _("refused"))
