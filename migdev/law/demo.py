"""The law room's demo step: two real Akoma Ntoso documents from legislation.gov.uk, imported as any AKN document
would be (their FRBR IRIs are web addresses), to show import and reading of documents that are not treaties."""

from migdev.core.progress import ProgressReporter
from migdev.law.apps import DATA_DIR
from migdev.law.services import import_akn

SAMPLES = DATA_DIR / "akn-samples" / "legislation-gov-uk"
ATTRIBUTION = (
    "legislation.gov.uk (The National Archives), enacted data.akn; via jacquesmilitello/legaldocml. "
    "Contains public sector information licensed under the Open Government Licence v3.0."
)


def load_law_demo(progress: ProgressReporter) -> str:
    """Import the shipped AKN samples (idempotent)."""
    results = [import_akn(path, progress, source=ATTRIBUTION) for path in sorted(SAMPLES.glob("*.akn.xml"))]
    return "; ".join(results)
