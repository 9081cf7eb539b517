"""The ``marginalia`` command: the GUI, or the same operations without a window.

``marginalia`` alone opens the window. ``marginalia import PATH...`` and
``marginalia export ...`` run the core operations directly. This module
never imports Qt: the GUI is imported only when it is launched, so the
command-line operations work on a machine without a display.

Exit codes: 0 success, 1 some input or output had problems (each is
printed on stderr, naming the file and the reason), 2 the database can't be
opened or written, 130 interrupted (Ctrl+C; what was committed is kept).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from db import connection
from db.annotations import article_exists
from db.connection import DatabaseError
from desktop import __version__
from desktop.core.exporters import export_csv, export_jsonl
from desktop.core.importers import import_paths
from desktop.core.progress import Cancelled, CancelToken, Progress, ProgressCallback

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_DATABASE = 2
EXIT_INTERRUPTED = 130

FORMATS = ("jsonl", "csv")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; ``--db`` is accepted before or after the sub-command."""
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                           help=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="marginalia",
        description="Read and annotate news articles. Without a command, opens the window.",
    )
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="database file (default: $MARGINALIA_DB, else the user data folder)")
    parser.add_argument("--version", action="version", version=f"marginalia {__version__}")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window, show an article, and exit (a start-up check)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    importer = commands.add_parser(
        "import", parents=[db_option], help="import articles from files or folders",
        description="Import .txt, .md, .markdown, .jsonl and .jsonl.gz files; folders are "
                    "searched recursively. Articles already stored are skipped.")
    importer.add_argument("paths", nargs="+", metavar="PATH", help="file or folder")
    importer.add_argument("-v", "--verbose", action="store_true",
                          help="also list each article skipped as already present")

    exporter = commands.add_parser(
        "export", parents=[db_option], help="export articles and annotations",
        description="jsonl: one article per line with its annotations (re-importable). "
                    "csv: one annotation per row, for spreadsheets.")
    exporter.add_argument("--format", choices=FORMATS,
                          help="output format (default: from the --out extension)")
    exporter.add_argument("--out", required=True, metavar="PATH", help="file to write")
    exporter.add_argument("--article", type=int, action="append", metavar="ID",
                          help="export only this article (repeatable); default: all")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.ui.app import run_gui  # Qt is loaded only for the window

        return run_gui(db_path=args.db, smoke=args.smoke)
    if args.command == "export" and not args.format:
        args.format = _format_from_name(args.out)
        if args.format is None:
            parser.error("--format is needed: --out does not end in .jsonl or .csv")
    handler = _import if args.command == "import" else _export
    try:
        connection.open_database(args.db)
    except DatabaseError as exc:
        _error(str(exc))
        return EXIT_DATABASE
    try:
        return handler(args)
    except DatabaseError as exc:
        _error(str(exc))
        return EXIT_DATABASE
    finally:
        connection.close_database()


def _import(args: argparse.Namespace) -> int:
    token = CancelToken()
    with _cancel_on_interrupt(token), _progress_line() as progress:
        result = import_paths(args.paths, progress=progress, cancel=token)
    for problem in result.problems:
        _error(str(problem))
    if args.verbose:
        for where, title, existing_id in result.duplicates:
            print(f"Already present: {where} ({title}) is article {existing_id}.")
    print(result.summary())
    if result.cancelled:
        return EXIT_INTERRUPTED
    return EXIT_PROBLEMS if result.problems else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    missing = [i for i in args.article or [] if not article_exists(i)]
    if missing:
        _error("No article with id " + ", ".join(map(str, missing)) + "; nothing was exported.")
        return EXIT_PROBLEMS
    out = Path(args.out)
    export = export_jsonl if args.format == "jsonl" else export_csv
    token = CancelToken()
    try:
        with _cancel_on_interrupt(token), _progress_line() as progress:
            count = export(out, args.article, progress=progress, cancel=token)
    except Cancelled:
        _error("Export cancelled; no file was written.")
        return EXIT_INTERRUPTED
    except OSError as exc:
        _error(f"Could not write {out}: {exc.strerror or exc}.")
        return EXIT_PROBLEMS
    what = "article" if args.format == "jsonl" else "annotation"
    print(f"Exported {count:,} {what}{'' if count == 1 else 's'} to {out}.")
    return EXIT_OK


def _format_from_name(name: str) -> str | None:
    suffix = Path(name).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def _error(message: str) -> None:
    print(f"marginalia: {message}", file=sys.stderr)


@contextmanager
def _cancel_on_interrupt(token: CancelToken) -> Iterator[None]:
    """While inside, Ctrl+C asks the operation to stop cleanly instead of killing it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, lambda *_: token.cancel())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _progress_line() -> Iterator[ProgressCallback | None]:
    """A progress callback that redraws one line on a terminal (None when piped)."""
    if not sys.stderr.isatty():
        yield None
        return
    shown = False

    def show(progress: Progress) -> None:
        nonlocal shown
        fraction = progress.fraction
        percent = f" ({fraction:.0%})" if fraction is not None else ""
        print(f"\r\033[K{progress.message}{percent}", end="",
              file=sys.stderr, flush=True)
        shown = True

    try:
        yield show
    finally:
        if shown:
            print(file=sys.stderr)
