"""The PDF page every room's documents print on (fpdf2): A4, DejaVu Serif, and a footer with the title and page.

DejaVu Serif is shipped in migdev/core/data/fonts with its licence, so every Latin, Greek and Cyrillic letter (French
and Spanish included) prints the same on any machine, whether or not the font is installed there."""

from pathlib import Path

from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "data" / "fonts"
FONT = "DejaVuSerif"


class PdfDocument(FPDF):
    """An A4 document in DejaVu Serif (regular "" and bold "B"); with a `title`, each page's footer shows it and the
    page number."""

    def __init__(self, title: str = "", margins: tuple[float, float, float] = (20, 18, 20), bottom: float = 18) -> None:
        super().__init__(format="A4")
        self.doc_title = title
        self.add_font(FONT, "", str(FONTS / "DejaVuSerif.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSerif-Bold.ttf"))
        self.set_auto_page_break(True, margin=bottom)
        self.set_margins(*margins)

    def footer(self) -> None:
        if not self.doc_title:
            return
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.cell(0, 5, f"{self.doc_title[:90]} — {self.page_no()}", align="C")
