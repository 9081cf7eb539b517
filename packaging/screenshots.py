"""Takes the README's screenshots from the real window (``make screenshots``).

Run under an X server (``xvfb-run``) or offscreen: it builds a database in a
temporary folder from the demo articles shipped in ``resources/samples``, tags
a few names and amounts through the window's automation API, and saves each
view with ``QWidget.grab()`` into the folder given (default ``docs/screenshots``):

- ``reading.png``: an English article with its tags, the panel and the library;
- ``side-by-side-fr.png``: the French interface, two articles side by side and
  the comparison of what they share;
- ``dark.png``: the dark theme, with the plots of money per entity;
- ``deals.png``: the Deals view over the articles tagged.

Nothing is read from outside the repository, and no settings of the user's are
touched (``MARGINALIA_SETTINGS`` and ``MARGINALIA_DB`` point into the temporary
folder).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1440, 900)

# (sample file, [(text to tag, label, nth occurrence)])
TAGS = {
    "fr-2017-12-14-disney-rachete-la-21st-century-fox-pour-66-1-milliards-de-do.txt": [
        ("Walt Disney Company", "ORG", 0), ("21st Century Fox", "ORG", 0),
        ("66,1 milliards de dollars", "MONEY", 0), ("Robert Iger", "PERSON", 0)],
    "fr-2016-08-08-facebook-lance-une-nouvelle-offensive-contre-snapchat.txt": [
        ("Facebook", "ORG", 0), ("Snapchat", "ORG", 0), ("Instagram", "PRODUCT", 0),
        ("Mark Zuckerberg", "PERSON", 0)],
    "en-2019-04-08-540-million-private-facebook-records-found-on-public-interne.txt": [
        ("Facebook", "ORG", 0), ("50 million", "QUANTITY", 0), ("UpGuard", "ORG", 0),
        ("Amazon Web Services", "ORG", 0), ("Cultura Colectiva", "ORG", 0)],
}


def main(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="marginalia-shots-"))
    os.environ["MARGINALIA_DB"] = str(tmp / "shots.sqlite3")
    os.environ["MARGINALIA_SETTINGS"] = str(tmp / "shots.ini")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication

    from db.connection import open_database
    from desktop.core.seed import seed_demo_if_new
    from desktop.ui import i18n, themes
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import TOUR_SHOWN, Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install_translations(app, "en")
    themes.apply_theme(themes.LIGHT, ask_system=False)
    open_database(os.environ["MARGINALIA_DB"])
    seed_demo_if_new()
    settings = Settings()
    settings.set(TOUR_SHOWN, 1_000)  # no first-run tour over the screenshots
    window = MainWindow(settings)
    window.resize(*SIZE)
    window.show()
    settle(app)

    from db.connection import execute

    titles = {_title(ROOT / "resources" / "samples" / name): name for name in TAGS}
    ids = {}
    for row in execute("SELECT id, title FROM article"):
        if row["title"] in titles:
            ids[titles[row["title"]]] = row["id"]
    missing = set(TAGS) - set(ids)
    if missing:
        print(f"screenshots: demo articles not found: {sorted(missing)}", file=sys.stderr)
        return 1
    for name, tags in TAGS.items():
        window.open_article(ids[name])
        settle(app)
        text = window.reader.text()
        tagged = []
        for quote, label, nth in tags:
            starts = [m.start() for m in re.finditer(re.escape(quote), text)]
            if len(starts) <= nth:
                print(f"screenshots: {quote!r} not in {name}", file=sys.stderr)
                return 1
            window.select_range(starts[nth], starts[nth] + len(quote))
            tagged.append((label, window.tag_selection(label)))
        if any(label == "MONEY" for label, _id in tagged):  # the deal: parties and amount
            window.link_selected([i for label, i in tagged if i and label in ("ORG", "MONEY")])
        settle(app)

    out.mkdir(parents=True, exist_ok=True)
    english = ids["en-2019-04-08-540-million-private-facebook-records-found-on-public-interne.txt"]
    french = ids["fr-2016-08-08-facebook-lance-une-nouvelle-offensive-contre-snapchat.txt"]
    disney = ids["fr-2017-12-14-disney-rachete-la-21st-century-fox-pour-66-1-milliards-de-do.txt"]

    window.open_article(english)
    settle(app)
    save(app, window, out / "reading.png")

    i18n.apply_language("fr")
    window.open_beside(french)
    window.show_comparison()
    settle(app)
    save(app, window, out / "side-by-side-fr.png")
    window.close_pane()
    window.show_comparison().close()
    i18n.apply_language("en")

    themes.apply_theme(themes.DARK, ask_system=False)
    window.open_article(disney)
    window.show_plots()
    settle(app)
    save(app, window, out / "dark.png")
    themes.apply_theme(themes.LIGHT, ask_system=False)
    window.show_plots().close()

    window.show_deals()
    settle(app)
    save(app, window, out / "deals.png")
    window.close()
    print(f"screenshots: {len(list(out.glob('*.png')))} images in {out}")
    return 0


def _title(sample: Path) -> str:
    """The title a demo article is imported under (its "title:" line)."""
    for line in sample.read_text(encoding="utf-8").splitlines():
        if line.startswith("title:"):
            return line.removeprefix("title:").strip()
    raise ValueError(f"{sample} has no title line")


def settle(app: object, rounds: int = 40) -> None:
    """Lets the window lay out, paint and take in its workers' results."""
    import time

    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()
        time.sleep(0.02)


def save(app: object, window: object, path: Path) -> None:
    settle(app)
    if not window.grab().save(str(path)):  # type: ignore[attr-defined]
        raise OSError(f"cannot write {path}")
    print(f"screenshots: {path}")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
