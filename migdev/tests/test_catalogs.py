"""The French and Spanish catalogs are complete, compiled, and cover every marked string."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parent.parent
LOCALE = PACKAGE / "locale"
LANGUAGES = ["fr", "es"]


def catalog(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_has_no_untranslated_or_fuzzy_entry(language: str) -> None:
    po = catalog(language)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert len(po.translated_entries()) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_source(language: str) -> None:
    po = catalog(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
    for entry in po.translated_entries():
        if entry.msgid_plural:
            continue
        assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, (
            f"{language}: django.mo is stale for {entry.msgid!r}; run `make messages`"
        )


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext) to extract strings")
def test_catalogs_cover_every_marked_string(tmp_path: Path) -> None:
    """Extract the marked strings afresh and check that each is in the committed catalogs."""
    work = tmp_path / "migdev"
    shutil.copytree(PACKAGE, work, ignore=shutil.ignore_patterns("locale", "data", "vendor", "tests", "__pycache__"))
    (work / "locale").mkdir()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "fr",
            "--no-location",
            "--settings=migdev.config.settings.base",
        ],
        cwd=work,
        check=True,
        capture_output=True,
    )
    extracted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(work / "locale/fr/LC_MESSAGES/django.po"))}
    for language in LANGUAGES:
        committed = {(e.msgctxt, e.msgid) for e in catalog(language)}
        missing = sorted(str(m[1]) for m in extracted - committed)
        assert not missing, f"{language}: {len(missing)} strings missing from the catalog, e.g. {missing[:5]}"
