"""A saved web page imported and read in the window never reaches the network.

The pages' scripts, style sheets, frames, fonts and pictures all point at a
server on 127.0.0.1 that counts the requests it gets: after the pages are
imported, one is opened and painted, the count is still zero.
"""

from __future__ import annotations

import http.server
import threading
import urllib.request
from collections.abc import Iterator

import pytest

from db.articles import get_article
from tests.helpers import TEST_DATA


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    """Answers every GET with a tiny page and counts it."""

    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        type(self).requests.append(self.path)
        body = b"<html><body>counted</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def counting_server() -> Iterator[tuple[int, list[str]]]:
    """A server on 127.0.0.1 in a thread; yields its port and the paths it was asked for."""
    requests: list[str] = []
    handler = type("Handler", (_CountingHandler,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_importing_and_reading_saved_pages_makes_no_request(qtbot, make_window, tmp_path,
                                                             counting_server, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    port, requests = counting_server
    folder = tmp_path / "saved"
    folder.mkdir()
    for page in (TEST_DATA / "html").iterdir():
        text = page.read_bytes().replace(b"PORT", str(port).encode())
        assert f"http://127.0.0.1:{port}/".encode() in text
        (folder / page.name).write_bytes(text)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(self.text()))
    window = make_window()

    with qtbot.waitSignal(window.import_finished, timeout=30_000) as blocker:
        window.import_paths([str(folder)])
    report = blocker.args[0]
    assert report.problems == [] and len(report.imported) == 4 and shown == []

    for article_id in report.imported:
        assert window.open_article(article_id)
        window.grab()  # lays out and paints the reader, its header and the library
        article = get_article(article_id)
        assert window.reader.text() == article.body
        assert window.reader._title.text() == article.title
        assert f"127.0.0.1:{port}" not in article.body + article.title + article.source
    cloud = next(i for i in report.imported
                 if get_article(i).title == "OpenAI signs $38bn cloud deal with Amazon")
    window.open_article(cloud)
    window.grab()
    assert "dailyledger.example.co.uk" in window.reader._meta.text()

    assert requests == []
    # The server does count: one request made on purpose arrives.
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/check", timeout=10) as answer:
        assert answer.read() == b"<html><body>counted</body></html>"
    assert requests == ["/check"]


def test_the_pages_point_at_the_counting_server_in_every_kind_of_remote_resource():
    pages = "".join(p.read_text(encoding="latin-1") for p in (TEST_DATA / "html").iterdir())
    for kind in ("<script src=", "<link rel=\"stylesheet\"", "<iframe src=", "<img src=",
                 "srcset=", "url(", "<base href=", "fetch(", "<noscript>"):
        assert kind in pages, kind
