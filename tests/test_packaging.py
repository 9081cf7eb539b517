"""The Linux integration files, the app's icon, and the PyInstaller bundle.

The ``.desktop`` entry and the AppStream metadata are checked by the
freedesktop validators (``desktop-file-validate``, ``appstreamcli``), which the
``test`` set-up installs (packaging/install-system-libs.sh); without them a test
skips saying why only when the set-up could not install them (not root).

The bundle tests start ``$MARGINALIA_BUNDLE/marginalia`` outside the venv;
``make bundle-test`` builds the bundle and sets the variable.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
SAMPLES = ROOT / "resources" / "samples"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
COMMAND = next(iter(PYPROJECT["project"]["scripts"]))
"""The command the entry point installs (``marginalia``), which the .desktop file runs."""
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def validator(command: str, package: str) -> str:
    """The path of a validator; skips when it is missing and the set-up could not
    have installed it (not root), fails when it should have been installed."""
    path = shutil.which(command)
    if path:
        return path
    fix = f"apt-get install {package}, or run packaging/install-system-libs.sh test as root"
    if os.geteuid() != 0:
        pytest.skip(f"{command} is not installed ({package}); not root, so the set-up "
                    f"could not install it: {fix}")
    pytest.fail(f"{command} is missing although the set-up installs it as root: {fix}")


def _key(name: str) -> str:
    """A distribution's name as package indexes compare them ("Foo_Bar" is "foo-bar")."""
    return re.sub(r"[-_.]+", "-", name).lower()


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


# --- the validators --------------------------------------------------------------------

def test_the_desktop_file_passes_desktop_file_validate():
    tool = validator("desktop-file-validate", "desktop-file-utils")

    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)

    # It prints nothing at all when there are neither errors, warnings nor hints.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_metainfo_passes_appstreamcli_validate():
    tool = validator("appstreamcli", "appstream")

    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not [line for line in output.splitlines() if line.startswith(("E:", "W:"))], output


# --- what they say agrees with the app ------------------------------------------------

def test_the_desktop_entry_starts_the_app_under_its_id():
    entry = desktop_entry()

    assert DESKTOP_FILE.stem == APP_ID  # setDesktopFileName(APP_ID) names this file
    assert entry["Exec"].split()[0] == COMMAND
    assert entry["Icon"] == APP_ID == ICON.stem
    assert entry["Name"] == APP_NAME
    # On X11 Qt gives the window the class of the application's name (WM_CLASS).
    assert entry["StartupWMClass"] == APP_NAME
    assert {"Name[fr]", "GenericName[fr]", "Comment[fr]", "Keywords[fr]"} <= set(entry)


def test_the_bundle_is_named_after_the_command():
    spec = (PACKAGING / "marginalia.spec").read_text(encoding="utf-8")

    assert f'name="{COMMAND}"' in spec


def test_the_metainfo_describes_this_app_and_release():
    component = ET.parse(METAINFO).getroot()

    def texts(tag: str) -> dict[str | None, str]:
        return {node.get(XML_LANG): (node.text or "").strip() for node in component.iter(tag)}

    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert component.findtext("provides/binary") == COMMAND
    assert component.findtext("project_license") == PYPROJECT["project"]["license"]
    assert component.findtext("metadata_license") == "CC0-1.0"
    assert texts("name") == {None: APP_NAME, "fr": APP_NAME}
    assert set(texts("summary")) == {None, "fr"}
    description = component.find("description")
    assert description is not None
    assert {p.get(XML_LANG) for p in description.iter("p")} == {None, "fr"}
    [release] = component.iter("release")
    assert release.get("version") == __version__ == PYPROJECT["project"]["version"]
    assert component.find("content_rating") is not None


def test_an_installed_copy_puts_the_files_where_the_desktop_and_the_app_look():
    data_files = PYPROJECT["tool"]["setuptools"]["data-files"]

    assert data_files["share/applications"] == [DESKTOP_FILE.relative_to(ROOT).as_posix()]
    assert data_files["share/metainfo"] == [METAINFO.relative_to(ROOT).as_posix()]
    assert data_files["share/icons/hicolor/scalable/apps"] == [ICON.relative_to(ROOT).as_posix()]
    # desktop.resources looks under <prefix>/share/marginalia/resources.
    assert data_files["share/marginalia/resources/icons"] == ["resources/icons/*"]


# --- the icon --------------------------------------------------------------------------

def test_the_icon_is_found_and_draws_at_16_and_256_pixels(qapp):
    from PySide6.QtGui import QIcon

    from desktop.resources import resource_path

    icon = QIcon(str(resource_path("icons", f"{APP_ID}.svg")))

    for size in (16, 256):
        image = icon.pixmap(size, size).toImage()
        assert (image.width(), image.height()) == (size, size)
        # Drawn, not blank: the page's outline is opaque and dark.
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
        assert any(image.pixelColor(x, size // 2).value() < 100 for x in range(size))


_ICON_PROBE = """
import sys
from PySide6.QtWidgets import QApplication
from desktop.ui import app

smoke = app._smoke

def probe(qt_app, window):
    code = smoke(qt_app, window)
    icon = QApplication.windowIcon()
    print("app icon:", not icon.isNull() and not icon.pixmap(16, 16).isNull(), flush=True)
    print("window icon:", window.windowIcon().cacheKey() == icon.cacheKey(), flush=True)
    return code

app._smoke = probe
sys.exit(app.run_gui(sys.argv[1], smoke=True))
"""


def test_the_windows_get_the_icon(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               MARGINALIA_SETTINGS=str(tmp_path / "settings.ini"))

    result = subprocess.run([sys.executable, "-c", _ICON_PROBE, str(tmp_path / "db.sqlite3")],
                            capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)

    assert result.returncode == 0, result.stderr
    assert "app icon: True" in result.stdout.splitlines()
    assert "window icon: True" in result.stdout.splitlines()


# --- the bundle (make bundle-test) -----------------------------------------------------

@pytest.fixture(scope="module")
def bundle() -> Path:
    """The bundle's folder, ``$MARGINALIA_BUNDLE``."""
    folder = os.environ.get("MARGINALIA_BUNDLE")
    if not folder:
        pytest.skip("MARGINALIA_BUNDLE is not set: `make bundle-test` builds the bundle "
                    "and runs these tests on it")
    path = Path(folder).resolve()
    assert (path / COMMAND).is_file(), f"no {COMMAND} in {path}: run `make bundle`"
    return path


@pytest.fixture
def outside(tmp_path: Path, bundle: Path):
    """Runs the bundle's command outside the venv: no Python variables, a bare PATH,
    a fresh home, and the database and settings under ``tmp_path``."""
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen",
           "MARGINALIA_DB": str(tmp_path / "marginalia.sqlite3"),
           "MARGINALIA_SETTINGS": str(tmp_path / "settings.ini")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(bundle / COMMAND), *args], capture_output=True, text=True,
                              env=env, timeout=120, cwd=tmp_path)

    return run


def test_the_bundle_opens_the_window_on_a_sample_article(outside):
    result = outside("--smoke")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "painted" in lines
    assert lines[-1].startswith("smoke ok: ") and lines[-1].endswith(f" — {APP_NAME}")
    assert lines[-1] != f"smoke ok: {APP_NAME}"  # the sample articles were found and shown


def test_the_bundle_works_on_a_team_database(outside, postgres, tmp_path):
    """psycopg and its libpq come with the bundle: a new PostgreSQL database is set up,
    seeded, shown, imported into and exported from, with no Python around."""
    if isinstance(postgres, str):
        pytest.skip(f"PostgreSQL: {postgres}")
    team = postgres.new_database("bundle_team")

    shown = outside("--db", team, "--smoke")
    imported = outside("--db", team, "import", str(
        SAMPLES / "fr-2016-12-20-france-le-conflit-social-chez-uber-continue.txt"))
    exported = outside("--db", team, "export", "--format", "jsonl", "--out",
                       str(tmp_path / "team.jsonl"))

    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[-1].startswith("smoke ok: ")
    assert imported.returncode == 0, imported.stderr
    assert "already" in imported.stdout  # a sample the first start imported
    assert exported.returncode == 0, exported.stderr
    lines = (tmp_path / "team.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 30  # the sample articles, read back from the server


def test_the_bundle_imports_web_pages_and_pdfs(outside, tmp_path):
    from tests.core.test_import_pdf import make_pdf

    pdf = tmp_path / "contrat.pdf"
    pdf.write_bytes(make_pdf([["AWS signe un contrat de 38 milliards de dollars."]]))
    page = ROOT / "tests" / "data" / "html" / "fr_contrat_aws.html"

    result = outside("import", str(page), str(pdf))

    assert result.returncode == 0, result.stderr
    assert "Imported 2 articles." in result.stdout


def test_the_bundle_exports_in_every_format(outside, tmp_path):
    from desktop.core.export_formats import NAMES

    sample = SAMPLES / "fr-2016-12-20-france-le-conflit-social-chez-uber-continue.txt"
    assert outside("import", str(sample)).returncode == 0

    # Each format's module is imported by its name when chosen: PyInstaller can't see it.
    failed = {}
    for name in NAMES:
        result = outside("export", "--format", name, "--out", str(tmp_path / f"out-{name}"))
        if result.returncode != 0:
            failed[name] = [line for line in result.stderr.splitlines()
                            if line and not line.startswith("[PYI-")][-1:]
    assert failed == {}


@pytest.mark.parametrize("sample", [
    "fr-2016-01-24-l-iran-annonce-le-prochain-achat-de-114-airbus.txt",
    "en-2019-03-05-spacex-crew-dragon-capsule-docks-with-international-space-st.txt",
])
def test_the_bundle_finds_names_with_the_spacy_models(outside, sample):
    result = outside("suggest", str(SAMPLES / sample))

    assert result.returncode == 0, result.stderr
    assert "not installed" not in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(row.get("source") == "model" for row in rows)


def test_the_bundle_reads_amounts_written_in_words(outside, tmp_path):
    article = tmp_path / "contrat.txt"
    article.write_text("AWS signe avec OpenAI un contrat de trente-huit milliards de dollars.\n",
                       encoding="utf-8")

    result = outside("suggest", "--no-model", "--lang", "fr", str(article))

    assert result.returncode == 0, result.stderr
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (row["text"], row["value"], row["unit"]) == ("trente-huit milliards de dollars",
                                                       38e9, "USD")  # text2num


def test_the_bundle_holds_what_the_app_reads_and_not_the_rest_of_qt(bundle):
    internal = bundle / "_internal"
    qt = internal / "PySide6" / "Qt"

    assert (internal / "resources" / "icons" / ICON.name).is_file()
    assert len(list((internal / "resources" / "samples").glob("*.txt"))) >= 30
    # The interface's catalogues (.qm) without their sources (.ts).
    catalogues = sorted(p.name for p in (ROOT / "resources" / "translations").glob("*.qm"))
    if catalogues:
        bundled = internal / "resources" / "translations"
        assert sorted(p.name for p in bundled.iterdir()) == catalogues
    assert {"fr.dat", "en.dat", "root.dat"} <= {p.name for p in
                                                (internal / "babel" / "locale-data").iterdir()}
    assert (internal / "trafilatura" / "settings.cfg").is_file()
    # The About dialog reads the versions and licences of the app and its dependencies.
    shipped = {_key(p.stem.split("-")[0]) for p in internal.glob("*.*-info")}  # dist-, egg-
    wanted = [PYPROJECT["project"]["name"], *PYPROJECT["project"]["dependencies"]]
    assert {_key(re.split(r"[\[<>=!~ ]", name)[0]) for name in wanted} <= shipped
    assert [p.name for p in (qt / "translations").iterdir()] == ["qtbase_fr.qm"]
    libraries = {p.name for p in (qt / "lib").iterdir()}
    for unused in ("Qml", "Quick", "WebEngineCore", "Multimedia", "3DCore", "Pdf", "Network"):
        assert f"libQt6{unused}.so.6" not in libraries
    assert not list(internal.glob("libgtk-3.so*"))  # the GTK 3 theme plugin's
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
