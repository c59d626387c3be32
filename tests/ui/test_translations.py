"""Every text of the user interface has its German translation, in the .ts file and compiled into the .qm.

A new ``self.tr("…")`` without a German text fails here: run the procedure in
``resources/translations/translate_de.py`` (lupdate, fill GERMAN, lrelease).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "focuscoder_de.ts"
QM = TS.with_suffix(".qm")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message lupdate keeps for the current sources."""
    found = []
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue  # no longer in the code
            found.append((name, message.findtext("source") or "", translation))
    return found


def german_of(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_the_ts_file_has_a_german_text_for_every_message():
    missing = [
        source for _context, source, translation in messages(TS)
        if translation.get("type") == "unfinished" or not all(text.strip() for text in german_of(translation))
    ]
    assert missing == [], "untranslated (see translate_de.py): " + "; ".join(missing)


def lupdate() -> str | None:
    found = Path(sys.executable).with_name("pyside6-lupdate")
    return str(found) if found.exists() else shutil.which("pyside6-lupdate")


@pytest.mark.skipif(lupdate() is None, reason="pyside6-lupdate is not installed")
def test_every_text_in_the_code_is_in_the_ts_file(tmp_path):
    """lupdate over app/ui now: a text added to the code since the .ts was last updated is caught too."""
    fresh = tmp_path / "fresh_de.ts"
    sources = sorted(str(path) for path in (ROOT / "app" / "ui").glob("*.py"))
    subprocess.run([lupdate(), *sources, "-ts", str(fresh)], check=True, capture_output=True, cwd=ROOT)
    known = {(context, source) for context, source, _ in messages(TS)}
    new = sorted(f"{context}: {source}" for context, source, _ in messages(fresh) if (context, source) not in known)
    assert new == [], "not yet in focuscoder_de.ts (run lupdate, translate_de.py, lrelease): " + "; ".join(new)


def test_the_compiled_qm_has_every_translation(qapp):
    """lrelease was run after the .ts changed: the app loads what the .ts says."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for context, source, translation in messages(TS):
        forms = german_of(translation)
        if len(forms) > 1:  # plural forms: the German singular and plural
            got = [translator.translate(context, source, None, n) for n in (1, 2)]
            expected = forms[:2]
        else:
            got, expected = [translator.translate(context, source)], forms
        if got != expected:
            stale.append(source)
    assert stale == [], "the .qm is older than the .ts (run pyside6-lrelease): " + "; ".join(stale)
