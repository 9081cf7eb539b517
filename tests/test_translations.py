"""The translation catalogues (resources/translations) are complete and up to date.

Every message of the French catalogue is translated, keeps its placeholders and its
plural forms; both catalogues hold exactly what ``pyside6-lupdate`` finds in the
code today (``make translations`` updates them).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
_PLACEHOLDERS = re.compile(r"\{[a-z_0-9]*\}")

Key = tuple[str, str, str]  # context, source, disambiguation


def messages(path: Path) -> dict[Key, ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    numerus = translation.findall("numerusform")
    return [form.text or "" for form in numerus] if numerus else [translation.text or ""]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_message_is_translated(language):
    catalogue = messages(TRANSLATIONS / f"marginalia_{language}.ts")
    assert catalogue
    unfinished = [key for key, message in catalogue.items()
                  if message.find("translation").get("type") is not None  # type: ignore[union-attr]
                  or not all(form.strip() for form in _forms(message))]
    assert not unfinished, f"untranslated in marginalia_{language}.ts: {unfinished}"


def test_french_keeps_placeholders_and_plural_forms():
    wrong = []
    for (context, source, _), message in messages(TRANSLATIONS / "marginalia_fr.ts").items():
        wanted = sorted(_PLACEHOLDERS.findall(source))
        forms = _forms(message)
        if message.get("numerus") == "yes" and len(forms) != 2:
            wrong.append((context, source, "French has two plural forms"))
        for form in forms:
            if sorted(_PLACEHOLDERS.findall(form)) != wanted:
                wrong.append((context, source, form))
            if "%n" in source and "%n" not in form and message.get("numerus") != "yes":
                wrong.append((context, source, form))
    assert not wrong


def test_french_typography():
    """No-break spaces before : ; ? ! and inside « », as French typography has them."""
    wrong = []
    for (context, source, _), message in messages(TRANSLATIONS / "marginalia_fr.ts").items():
        for form in _forms(message):
            if re.search(r"(?<=\S) [:;?!](?=\s|$)|[^\s\u00a0][:;?!](?=\s|$)"
                         r"|«(?!\u00a0)|(?<!\u00a0)»|“|”", form):
                wrong.append((context, source, form))
    assert not wrong


@pytest.mark.parametrize("language", ["fr", "en"])
def test_catalogues_hold_what_the_code_says(tmp_path, language):
    """lupdate finds no message the catalogue lacks, and the catalogue holds none the
    code no longer has: run `make translations` after changing a text."""
    fresh = tmp_path / f"fresh_{language}.ts"
    plural_only = ["-pluralonly"] if language == "en" else []
    subprocess.run([str(LUPDATE), "-extensions", "py", "-locations", "none", "-no-obsolete",
                    "-source-language", "en", "-target-language",
                    "fr_FR" if language == "fr" else "en", *plural_only, "desktop", "db",
                    "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True)
    in_code = set(messages(fresh))
    kept = set(messages(TRANSLATIONS / f"marginalia_{language}.ts"))
    assert sorted(in_code - kept) == [], "texts of the code missing from the catalogue"
    assert sorted(kept - in_code) == [], "texts of the catalogue gone from the code"
