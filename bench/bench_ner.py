"""ner_throughput, ner_first_suggestion and ner_names_shown: the name model (issue #12).

ner_throughput: characters per second of model suggestions (the recognizer
and our rules, then the suggestion pipeline) over a sample of the scale
corpus: its first articles of each language up to 1 M characters each (the
whole 53 MB would keep a core busy for half an hour). Baseline: spaCy's own
pipeline (tok2vec + ner) over the same texts, the least the model costs.

ner_first_suggestion: opening a 10 kB article (the demo's longest: 9.3 k
characters, 9.5 kB) in the window, from its first paint to the first
suggestion shown, with the model already loaded (median of 9). Target: 150 ms.

ner_names_shown: the same, until the model's names are shown too;
baseline: the model alone on that text (recognizer.find), median of 9.

Also printed: how long loading the models takes in a fresh process.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, corpus_dir, report, skipped

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCALE = "scale/articles.jsonl.gz"
DEMO_LONGEST = "demo/en-2020-10-26-github-blocks-public-access-to-youtube-dl-after-riaa-issues.txt"
PER_LANGUAGE = 1_000_000  # characters


def _sample(corpora: Path) -> list[tuple[str, str]]:
    taken: dict[str, list[tuple[str, str]]] = {"fr": [], "en": []}
    size = {"fr": 0, "en": 0}
    with gzip.open(corpora / SCALE, "rt", encoding="utf-8") as lines:
        for item in map(json.loads, lines):
            lang = item["lang"]
            if lang in size and size[lang] < PER_LANGUAGE:
                taken[lang].append((lang, item["body"]))
                size[lang] += len(item["body"])
            if all(done >= PER_LANGUAGE for done in size.values()):
                break
    return taken["fr"] + taken["en"]


def _throughput(bodies: list[tuple[str, str]]) -> None:
    from desktop.core import ner
    from desktop.core.suggest import suggest

    recognizer = ner.load_recognizer()
    if recognizer is None:
        skipped("ner_throughput", ner.missing_note())
        return
    chars = sum(len(body) for _, body in bodies)
    started = time.perf_counter()
    found = 0
    for lang, body in bodies:
        names = recognizer.find(body, lang)
        found += len(suggest(body, language=lang, names=names, amounts=[]))
    ours = time.perf_counter() - started
    pipelines = ner._pipelines
    started = time.perf_counter()
    for lang, body in bodies:
        for _offset, piece in ner._pieces(body):
            pipelines[lang](piece)  # type: ignore[misc]
    bare = time.perf_counter() - started
    print(f"# {len(bodies)} articles, {chars / 1e6:.2f} M characters, {found} names",
          flush=True)
    report("ner_throughput", chars / ours, " chars/s", chars / bare)


def _load_time() -> float:
    code = ("import time; t = time.perf_counter(); from desktop.core.ner import load_recognizer;"
            " load_recognizer(); print(time.perf_counter() - t)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    return float(result.stdout.strip())


def _opening(text_path: Path) -> None:
    from PySide6.QtCore import QEvent, QEventLoop, QObject
    from PySide6.QtWidgets import QApplication

    from desktop.core import ner
    from desktop.core.import_formats import parse_text
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    recognizer = ner.load_recognizer()
    if recognizer is None:
        skipped("ner_first_suggestion", ner.missing_note())
        return
    app = QApplication.instance() or QApplication(sys.argv[:1])
    article = parse_text(text_path.read_text(encoding="utf-8"))
    body = article.body
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        from db.articles import NewArticle, insert_articles
        from db.connection import open_database
        from desktop.core.text import content_hash

        open_database(tmp / "ner.sqlite3")
        ids = insert_articles([NewArticle(f"Run {i}", f"{body}\n({i})",
                                          content_hash(f"{body}\n({i})"), "en")
                               for i in range(10)])
        window = MainWindow(Settings(tmp / "ner.ini"))
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        window.open_article(ids[-1])  # the first opening warms what opening uses
        while window.suggestions.names_shown_for() != ids[-1]:
            app.processEvents()

        class Watch(QObject):
            """Notes when the reader first paints."""

            def __init__(self) -> None:
                super().__init__()
                self.painted: list[float] = []

            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint and not self.painted:
                    self.painted.append(time.perf_counter())
                return False

        firsts, names = [], []
        for article_id in ids[:9]:
            shown: list[float] = []
            named: list[float] = []

            def on_updated(count: int, shown: list[float] = shown) -> None:
                if count and not shown:
                    shown.append(time.perf_counter())

            def on_names(_count: int, named: list[float] = named) -> None:
                named.append(time.perf_counter())

            watch = Watch()
            window.reader.body_viewport().installEventFilter(watch)
            window.suggestions.updated.connect(on_updated)
            window.suggestions.names_found.connect(on_names)
            loop = QEventLoop()  # waits in Qt, leaving the GIL to the model's worker
            window.suggestions.names_found.connect(loop.quit)
            window.open_article(article_id)
            if not named:
                loop.exec()
            window.suggestions.names_found.disconnect(loop.quit)
            window.reader.body_viewport().removeEventFilter(watch)
            window.suggestions.updated.disconnect(on_updated)
            window.suggestions.names_found.disconnect(on_names)
            firsts.append(shown[0] - watch.painted[0])
            names.append(named[0] - watch.painted[0])
        alone = statistics.median(
            _timed(lambda: recognizer.find(body, "en")) for _ in range(9))
        print(f"# a {len(body.encode('utf-8')) / 1000:.1f} kB article, "
              f"{len(window.suggestions.suggestions())} suggestions", flush=True)
        report("ner_first_suggestion", statistics.median(firsts) * 1000, "ms", 150.0)
        report("ner_names_shown", statistics.median(names) * 1000, "ms", alone * 1000)
        window.close()


def _timed(work) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    corpora = corpus_dir()
    if corpora is None or not (corpora / SCALE).is_file():
        skipped("ner_throughput", f"{SCALE} not found (set MARGINALIA_CORPORA)")
        return
    print(f"# loading both models in a fresh process: {_load_time():.2f} s", flush=True)
    _throughput(_sample(corpora))
    _opening(corpora / DEMO_LONGEST)


if __name__ == "__main__":
    main()
