"""Tidy and compile the .po catalogs with polib, so no GNU gettext is needed to run MigDev.

Fuzzy entries that msgmerge guessed are emptied (a guess is not a translation), then each .po becomes a .mo.
"""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "migdev" / "locale"

for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
    catalog = polib.pofile(str(po_path))
    for entry in catalog.fuzzy_entries():
        entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
        if entry.msgid_plural:
            entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
        else:
            entry.msgstr = ""
    catalog.save()
    catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"compiled {po_path.relative_to(LOCALE.parent.parent)}: {len(catalog.untranslated_entries())} untranslated")
