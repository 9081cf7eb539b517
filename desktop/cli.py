"""The ``marginalia`` command: the GUI, or the same operations without a window.

``marginalia`` alone opens the window. ``marginalia import PATH...``,
``marginalia export ...``, ``marginalia stats ...``, ``marginalia deals`` and
``marginalia agreement A B`` run the core operations directly; ``marginalia check``
runs SQLite's full integrity check; ``marginalia db copy --to URL`` copies every
row into a new database (a file into a shared PostgreSQL one, or back: db.copy).
``--db`` names a file or a PostgreSQL URL. This module never imports Qt: the GUI is
imported only when it is launched, so the command-line operations work on a
machine without a display.

Every command but ``suggest`` and ``check`` runs SQLite's quick check on the
database first (0.7 s on a million annotations, see db.integrity). A damaged
file is never written: ``import`` refuses it; ``export``, ``stats``,
``deals`` and ``agreement`` read it all the same, warn, and exit 1. A file opened read only
(``--read-only``, or the file or its folder not writable) is read the same
way, without a warning; ``import`` refuses it.

Exit codes: 0 success, 1 some input or output had problems (each is
printed on stderr, naming the file and the reason), 2 the database can't be
opened or written (or ``check`` found it damaged), 130 interrupted (Ctrl+C;
what was committed is kept).
"""

from __future__ import annotations

import argparse
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import connection
from db.connection import DatabaseDamagedError, DatabaseError
from desktop import __version__
from desktop.core.progress import Cancelled, CancelToken, Progress, ProgressCallback

if TYPE_CHECKING:
    from db import aggregates
    from desktop.core.deal_list import DealGroup
    from desktop.core.ner import NameSpan
    from desktop.core.suggest import Suggestion

# The commands' own modules (importers, exporters, aggregates, csv, json) are
# imported where they are used: launching the window pays for none of them.
RULES = ("relation", "sentence")  # db.aggregates.RULES; a test keeps them equal

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_DATABASE = 2
EXIT_INTERRUPTED = 130

FORMATS = ("jsonl", "csv")
STATS_BY = ("entity", "label", "month")
STATS_FORMATS = ("csv", "json")
READING = ("export", "stats", "deals", "agreement")
"""The commands that only read the database: they go on, warning, on a damaged file."""
DEAL_COLUMNS = ("parties", "value", "unit", "low", "high", "approx", "bound", "duration",
                "date", "sources", "count", "confirmed")
"""The columns of ``marginalia deals``, in order; new ones only ever come at the end."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; ``--db`` is accepted before or after the sub-command."""
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                           help=argparse.SUPPRESS)
    db_option.add_argument("--read-only", action="store_true", default=argparse.SUPPRESS,
                           help=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="marginalia",
        description="Read and annotate news articles. Without a command, opens the window.",
    )
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="database file, or a shared PostgreSQL database: "
                             "postgresql://user@host/dbname (default: $MARGINALIA_DB, else "
                             "the user data folder)")
    parser.add_argument("--read-only", action="store_true",
                        help="open the database for reading only: nothing is saved (the "
                             "default when the file or its folder is not writable)")
    parser.add_argument("--version", action="version", version=f"marginalia {__version__}")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window, show an article, and exit (a start-up check)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    importer = commands.add_parser(
        "import", parents=[db_option], help="import articles from files or folders",
        description="Import .txt, .md, .markdown, .html, .htm, .pdf, .jsonl and .jsonl.gz "
                    "files, and .zip archives of them; folders are searched recursively. "
                    "Articles already stored are skipped; a changed version of a stored one "
                    "updates it.")
    importer.add_argument("paths", nargs="+", metavar="PATH", help="file or folder")
    importer.add_argument("-v", "--verbose", action="store_true",
                          help="also list each article skipped as already present")

    exporter = commands.add_parser(
        "export", parents=[db_option], help="export articles and annotations",
        description="jsonl: one article per line with its annotations (re-importable). "
                    "csv: one annotation per row, for spreadsheets. brat: a .txt and .ann "
                    "per article, in a zip (--out *.zip) or a new folder. conll: CoNLL-2003 "
                    "IOB2 tokens. spacy: a spaCy DocBin. w3c: W3C Web Annotations (JSON-LD). "
                    "label-studio: Label Studio tasks, with their labelling config beside "
                    "them. doccano: doccano sequence-labelling JSONL. refi-qda: a REFI-QDA "
                    "project (.qdpx). deals: the deals as CSV (the columns of 'marginalia "
                    "deals'). The annotation formats carry accepted annotations; what a "
                    "format cannot carry is named on stderr (exit code 1).")
    # desktop.core.export_formats.NAMES (not imported here: a test keeps them equal)
    exporter.add_argument("--format", choices=(
        "jsonl", "csv", "brat", "conll", "spacy", "w3c", "label-studio", "doccano", "refi-qda",
        "deals"), help="output format (default: from the --out extension, .jsonl or .csv)")
    exporter.add_argument("--out", required=True, metavar="PATH",
                          help="file to write (brat: a .zip, or a folder to create)")
    exporter.add_argument("--article", type=int, action="append", metavar="ID",
                          help="export only this article (repeatable); default: all")

    stats = commands.add_parser(
        "stats", parents=[db_option], help="print mentions and money over the whole corpus",
        description="Aggregates over every article, as the plots show them; only accepted "
                    "annotations count. entity: mentions per entity and the money attributed "
                    "to it, one row per entity and currency, with the attribution rule in a "
                    "'rule' column (csv) or field (json). label: accepted annotations per "
                    "label. month: mentions and money per month of the article date. Money "
                    "is summed per currency, never across currencies.")
    stats.add_argument("--by", required=True, choices=STATS_BY, help="what to group by")
    stats.add_argument("--currency", type=_currency_code, metavar="CODE",
                       help="only money in this currency (ISO 4217, e.g. USD)")
    stats.add_argument("--rule", choices=RULES,
                       help="how money is attributed to an entity (--by entity; default: "
                            "relation): a relation links them, or the same sentence")
    stats.add_argument("--format", choices=STATS_FORMATS, default="csv",
                       help="output format on stdout (default: csv)")
    deals = commands.add_parser(
        "deals", parents=[db_option], help="print the deals over the whole corpus",
        description="One row per deal: a money amount linked by 'deal' relations to its "
                    "parties, with the same deal reported by several articles proposed as "
                    "one (same parties and currency, values within 5 %, dates within 31 "
                    "days). Columns: parties (names joined by '; '), value (of the first "
                    "source), unit, low, high, approx, bound, duration, date (the earliest), "
                    "sources (article_id:start-end; ...; the earliest first, or the one "
                    "counted if confirmed), count (of sources), confirmed (true: you counted "
                    "its reports once, and the money figures count the first source only; "
                    "false: each report is counted). Only accepted annotations count.")
    deals.add_argument("--format", choices=STATS_FORMATS, default="csv",
                       help="output format on stdout (default: csv; json: a list of objects "
                            "whose sources are a list)")
    agreement = commands.add_parser(
        "agreement", parents=[db_option], help="print how far two annotators agree",
        description="Cohen's kappa on tokens and span precision, recall and F1 of annotator "
                    "B against annotator A (the reference), overall and per label; exact "
                    "spans (same start, end and label) and relaxed ones (overlapping, same "
                    "label). Only accepted annotations count. Default articles: those both "
                    "annotated. Over several articles, tokens are pooled and span counts "
                    "summed (micro-average).")
    agreement.add_argument("first", metavar="A", help="the reference annotator's name")
    agreement.add_argument("second", metavar="B", help="the annotator compared with A")
    agreement.add_argument("--article", type=int, action="append", metavar="ID",
                           help="compare on this article (repeatable); default: every "
                                "article both have annotated")
    agreement.add_argument("--per-article", action="store_true",
                           help="also give the figures of each article")
    agreement.add_argument("--format", choices=("text", "json"), default="text",
                           help="output format on stdout (default: text)")
    suggester = commands.add_parser(
        "suggest", parents=[db_option], help="print the suggested amounts and entities of a file",
        description="Prints one JSON object per line and nothing else on stdout: start, end "
                    "(code points into the file's text as Python reads it: UTF-8, line "
                    "endings as LF), text, label, and for amounts value, low, high, unit, "
                    "approx; for entities the entity name and the source: \"known\" for a "
                    "name already tagged in the database, if it exists (it is never "
                    "created), \"model\" for one the name model found (names rejected in "
                    "the database are left out; known names win where both find one; "
                    "--no-model leaves the model out).")
    suggester.add_argument("file", metavar="FILE", help="a UTF-8 text file")
    suggester.add_argument("--lang", choices=("fr", "en", "auto"), default="auto",
                           help="language of the text (default: guess)")
    suggester.add_argument("--currency-hint", type=_currency_code, metavar="CODE",
                           help="what a bare $ means (default: USD)")
    suggester.add_argument("--no-model", dest="model", action="store_false",
                           help="propose only amounts and names already tagged (the name "
                                "model, spaCy, takes a few seconds to load)")
    commands.add_parser(
        "check", parents=[db_option], help="check the database file for damage",
        description="Runs SQLite's full integrity check on the database, reading it only "
                    "(on a million annotations it takes a few seconds). Exit code 0: no "
                    "problems found; 2: the file is damaged, or is not a Marginalia "
                    "database, or can't be read. A PostgreSQL database (--db "
                    "postgresql://…) is checked by its server: the command says so, after "
                    "making sure Marginalia can read it.")
    database = commands.add_parser(
        "db", help="work on a whole database (copy it into another)",
        description="Commands on the database as a whole.")
    database_commands = database.add_subparsers(dest="db_command", metavar="COMMAND",
                                                required=True)
    copier = database_commands.add_parser(
        "copy", parents=[db_option], help="copy every row into a new database",
        description="Copies every article, annotation, entity, label, link and note of one "
                    "database into a new one, with the same ids: a local file into a shared "
                    "PostgreSQL database (--to postgresql://user@host/dbname), or back "
                    "(--from postgresql://… --to FILE). The target is created and set up if "
                    "needed, and must hold no data yet; the rows of every table are counted "
                    "at both ends before the copy is committed, in one transaction. Exit "
                    "code 0: copied; 2: nothing was copied (the message says why).")
    copier.add_argument("--from", dest="source", metavar="FILE_OR_URL",
                        help="the database to copy (default: --db, $MARGINALIA_DB, else the "
                             "user data folder's)")
    copier.add_argument("--to", dest="target", required=True, metavar="FILE_OR_URL",
                        help="the new database: a file, or postgresql://user@host/dbname")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.ui.app import run_gui  # Qt is loaded only for the window

        return run_gui(db_path=args.db, smoke=args.smoke, read_only=args.read_only)
    if args.command == "export" and not args.format:
        args.format = _format_from_name(args.out)
        if args.format is None:
            parser.error("--format is needed: --out does not end in .jsonl or .csv")
    if args.command == "stats":
        if args.rule and args.by != "entity":
            parser.error("--rule applies to --by entity only")
        if args.currency and args.by == "label":
            parser.error("--currency applies to --by entity and --by month only")
    if args.command == "suggest":
        return _suggest(args)
    if args.command == "check":
        return _check(args)
    if args.command == "db":
        return _copy_database(args)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "import": _import, "export": _export, "stats": _stats, "deals": _deals,
        "agreement": _agreement}
    handler = handlers[args.command]
    try:
        damage = _open(args)
    except DatabaseError as exc:
        _error(str(exc))
        return EXIT_DATABASE
    if damage is not None:
        _error(f"warning: {damage} Reading it all the same.")
    elif connection.writes_refused() is None:  # what an upgrade did is said once, then forgotten
        from desktop.core.upgrades import upgrade_notes

        for note in upgrade_notes():
            print(note, file=sys.stderr)
    try:
        code = handler(args)
    except DatabaseError as exc:
        _error(str(exc))
        return EXIT_DATABASE
    except sqlite3.DatabaseError as exc:  # a damaged page met reading row by row
        _error(str(connection.describe_error(exc)))
        return EXIT_DATABASE
    finally:
        connection.close_database()
    return max(code, EXIT_PROBLEMS) if damage is not None else code


def _open(args: argparse.Namespace) -> str | None:
    """Opens the database for a command, after SQLite's quick check.

    Returns:
        None, or what is wrong with a damaged file that a reading command
        goes on with (opened read only, refusing every write).

    Raises:
        DatabaseError: the file can't be opened for this command.
    """
    try:
        connection.open_database(args.db, read_only=args.read_only, check=True)
    except DatabaseDamagedError as exc:
        if args.command not in READING:
            raise
        connection.mark_damaged(connection.resolve_path(args.db), str(exc))
        connection.open_database(args.db, read_only=True, check=False)
        return str(exc)
    return None


def _check(args: argparse.Namespace) -> int:
    """``marginalia check``: SQLite's full integrity check, on a read-only connection."""
    from db.integrity import check_file

    url = connection.server_url(args.db)
    if url is not None:
        return _check_server(url)
    path = connection.resolve_path(args.db)
    try:
        if not path.is_file() or not path.stat().st_size:
            raise DatabaseError(f"There is no Marginalia database at {path}.")
        connection.inspect(path, check=False)  # another program's file is not ours to judge
        report = check_file(path, full=True)
    except DatabaseError as exc:
        _error(str(exc))
        return EXIT_DATABASE
    if not report.ok:
        _error(report.message)
        return EXIT_DATABASE
    print(report.message)
    return EXIT_OK


def _check_server(url: str) -> int:
    """``marginalia check`` on PostgreSQL: the server checks its pages; we can read it."""
    try:
        connection.open_database(url, read_only=True)
        where = connection.opened()
        from db.articles import article_count

        articles = article_count()
    except DatabaseError as exc:
        _error(str(exc))
        return EXIT_DATABASE
    finally:
        connection.close_database()
    name = where.where if where is not None else url
    print(f"{name}: Marginalia reads it ({articles} articles, schema up to date). SQLite's "
          "integrity check does not apply to a PostgreSQL database: its server checks its "
          "own pages (data checksums, pg_amcheck), and its backups are the server's "
          "(pg_dump).")
    return EXIT_OK


def _copy_database(args: argparse.Namespace) -> int:
    """``marginalia db copy``: every row of one database into a new one (db.copy)."""
    from db.copy import copy_database

    source = args.source or args.db or connection.server_url() or str(connection.resolve_path())
    try:
        with _progress_line() as show:
            def progress(table: str, done: int, total: int) -> None:
                if show is not None:
                    show(Progress(done, total, f"Copying {table}"))

            report = copy_database(source, args.target, progress)
    except DatabaseError as exc:
        _error(str(exc))
        return EXIT_DATABASE
    finally:
        connection.close_database()
    print(f"Copied {report.total} rows from {report.source} to {report.target}, every table's "
          "count checked:")
    for table, rows in report.rows.items():
        print(f"  {table}: {rows}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from desktop.core.importers import import_paths

    refusal = connection.writes_refused()
    if refusal is not None:
        _error(f"{refusal} Nothing was imported.")
        return EXIT_DATABASE
    token = CancelToken()
    with _cancel_on_interrupt(token), _progress_line() as progress:
        result = import_paths(args.paths, progress=progress, cancel=token)
    for problem in result.problems:
        _error(str(problem))
    for note in result.notes:  # imported in a legacy encoding, or skipped: not failures
        _error(str(note))
    if args.verbose:
        for where, title, existing_id in result.duplicates:
            print(f"Already present: {where} ({title}) is article {existing_id}.")
    print(result.summary())
    if result.cancelled:
        return EXIT_INTERRUPTED
    return EXIT_PROBLEMS if result.problems else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from db.annotations import article_exists

    missing = [i for i in args.article or [] if not article_exists(i)]
    if missing:
        _error("No article with id " + ", ".join(map(str, missing)) + "; nothing was exported.")
        return EXIT_PROBLEMS
    from desktop.core.export_formats import export
    from desktop.core.exporters import ExportError

    out = Path(args.out)
    token = CancelToken()
    try:
        with _cancel_on_interrupt(token), _progress_line() as progress:
            result = export(args.format, out, args.article, progress=progress, cancel=token)
    except Cancelled:
        _error("Export cancelled; no file was written.")
        return EXIT_INTERRUPTED
    except OSError as exc:
        _error(f"Could not write {out}: {exc.strerror or exc}.")
        return EXIT_PROBLEMS
    except ExportError as exc:  # e.g. a value JSON cannot hold (infinite): nothing was written
        _error(str(exc))
        return EXIT_PROBLEMS
    for left in result.left_out:  # each one named, never shifted
        _error(f"not exported (the {args.format} format cannot carry it): {left}")
    print(result.summary(out))
    return EXIT_PROBLEMS if result.left_out else EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    """Prints one aggregate over the corpus as CSV or JSON on stdout."""
    from db import aggregates

    scope = aggregates.Scope.corpus()
    rule: aggregates.Rule | None = None
    if args.by == "entity":
        entity_rule: aggregates.Rule = args.rule or "relation"
        rule = entity_rule
        rows = _entity_stats(scope, entity_rule, args.currency)
    elif args.by == "label":
        rows = _label_stats(scope)
    else:
        rows = _month_stats(scope, args.currency)
    if args.format == "json":
        document = {"by": args.by, "scope": scope.kind, "rule": rule,
                    "rule_description": aggregates.RULE_DESCRIPTIONS.get(rule or ""),
                    "currency": args.currency, "rows": rows}
        import json

        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        _print_csv(args.by, rows, rule)
    return EXIT_OK


def _deals(args: argparse.Namespace) -> int:
    """Prints the deal groups of the corpus as CSV or JSON on stdout."""
    from desktop.core.deal_list import group_deals, list_deals

    groups = group_deals(list_deals())
    if args.format == "json":
        import json

        print(json.dumps([_deal_dict(group) for group in groups], ensure_ascii=False, indent=2))
        return EXIT_OK
    import csv

    from desktop.core.exporters import csv_cell

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(DEAL_COLUMNS)
    for group in groups:
        row = _deal_dict(group)
        row["sources"] = "; ".join(f"{s['article_id']}:{s['start']}-{s['end']}"
                                   for s in row["sources"])
        for flag in ("approx", "confirmed"):
            row[flag] = "true" if row[flag] else "false"
        writer.writerow([_cell(csv_cell(row[column])) for column in DEAL_COLUMNS])
    return EXIT_OK


def _agreement(args: argparse.Namespace) -> int:
    """Prints the agreement of two annotators as a text table or JSON on stdout."""
    from db.agreement_reads import annotators, authored_articles, shared_articles
    from desktop.core.agreement import compare
    from desktop.core.agreement_report import ArticleAgreement, document, text

    names = {annotator.name for annotator in annotators()}
    unknown = [name for name in (args.first, args.second) if name not in names]
    if unknown:
        _error("No accepted annotation is by " + " or ".join(map(repr, unknown))
               + "; annotators: " + (", ".join(map(repr, sorted(names))) or "none") + ".")
        return EXIT_PROBLEMS
    ids = args.article or shared_articles(args.first, args.second)
    articles = [ArticleAgreement(article.article_id, article.title,
                                 compare(article.body, article.spans[args.first],
                                         article.spans[args.second]))
                for article in authored_articles(ids, [args.first, args.second])]
    missing = sorted(set(ids) - {article.article_id for article in articles})
    if missing:
        _error("No article with id " + ", ".join(map(str, missing)) + "; nothing was compared.")
        return EXIT_PROBLEMS
    if not articles:
        _error(f"{args.first!r} and {args.second!r} have annotated no article in common.")
        return EXIT_PROBLEMS
    report = document(args.first, args.second, articles, per_article=args.per_article)
    if args.format == "json":
        import json

        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(text(report))
    return EXIT_OK


def _deal_dict(group: DealGroup) -> dict[str, Any]:
    """One deal group as the fields of :data:`DEAL_COLUMNS` (sources as a list)."""
    duration = group.duration
    duration_text = None
    if duration is not None and duration.value is not None:
        span = _cell(duration.value)
        if duration.value_high is not None and duration.value_high != duration.value:
            span += f"-{_cell(duration.value_high)}"
        duration_text = f"{span} {duration.unit}" if duration.unit else span
    sources = [{"article_id": s.article_id, "start": s.start, "end": s.end}
               for s in group.sources]
    return {"parties": "; ".join(group.party_names), "value": group.value, "unit": group.unit,
            "low": group.low, "high": group.high, "approx": group.approx,
            "bound": group.bound, "duration": duration_text,
            "date": group.date.isoformat() if group.date else None,
            "sources": sources, "count": len(sources), "confirmed": group.confirmed}


def _money_dict(money: aggregates.MoneySum) -> dict[str, Any]:
    return {"currency": money.currency, "total": money.total, "high": money.high,
            "amounts": money.amounts, "approx": money.approx, "ranges": money.ranges}


def _entity_stats(scope: aggregates.Scope, rule: aggregates.Rule,
                  currency: str | None) -> list[dict[str, Any]]:
    """Each entity, most mentioned first, with the money ``rule`` attributes to it."""
    from db import aggregates

    rows: dict[int, dict[str, Any]] = {}
    for mention in aggregates.mentions_per_entity(scope, limit=None):
        rows[mention.entity_id] = {"entity_id": mention.entity_id, "entity": mention.entity,
                                   "label": mention.label, "mentions": mention.mentions,
                                   "money": []}
    for money in aggregates.money_per_entity(scope, rule, currency, limit=None).rows:
        row = rows.setdefault(money.entity_id, {
            "entity_id": money.entity_id, "entity": money.entity, "label": money.label,
            "mentions": 0, "money": []})
        row["money"].append(_money_dict(money.money))
    for row in rows.values():
        row["money"].sort(key=lambda m: m["currency"])
    return list(rows.values())


def _label_stats(scope: aggregates.Scope) -> list[dict[str, Any]]:
    from db import aggregates

    entities = {row.label_id: row.entities for row in aggregates.mentions_per_label(scope)}
    return [{"label": row.label, "kind": row.kind, "color": row.color, "annotations": row.count,
             "entities": entities.get(row.label_id)}
            for row in aggregates.label_distribution(scope)]


def _month_stats(scope: aggregates.Scope, currency: str | None) -> list[dict[str, Any]]:
    from db import aggregates

    return [{"month": row.month, "mentions": row.mentions,
             "money": [_money_dict(money) for money in row.money]}
            for row in aggregates.per_month(scope, currency)]


_MONEY_COLUMNS = ("currency", "total", "high", "amounts", "approx", "ranges")


def _print_csv(by: str, rows: list[dict[str, Any]], rule: str | None) -> None:
    """Writes ``rows`` as CSV: one line per entity (or month) and currency.

    The money columns are empty for an entity or month without money; entity
    lines end with the rule that attributed their money. A name a spreadsheet
    would run as a formula gets a leading ``'`` (numbers stay numbers).
    """
    import csv

    from desktop.core.exporters import csv_cell

    writer = csv.writer(sys.stdout, lineterminator="\n")
    if by == "label":
        columns = ["label", "kind", "color", "annotations", "entities"]
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(csv_cell(row[c])) for c in columns])
        return
    keys = ["entity_id", "entity", "label", "mentions"] if by == "entity" else ["month", "mentions"]
    tail = ["rule"] if by == "entity" else []
    writer.writerow([*keys, *_MONEY_COLUMNS, *tail])
    for row in rows:
        head = [_cell(csv_cell(row[k])) for k in keys]
        for money in row["money"] or [dict.fromkeys(_MONEY_COLUMNS)]:
            writer.writerow([*head, *(_cell(csv_cell(money[c])) for c in _MONEY_COLUMNS),
                             *([csv_cell(rule)] if tail else [])])


def _cell(value: object) -> str:
    """A CSV cell: integral floats without ".0", None empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def _currency_code(text: str) -> str:
    from db import aggregates

    try:
        return aggregates.currency_code(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


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


def _suggest(args: argparse.Namespace) -> int:
    """Prints the suggestions of one file as JSON Lines."""
    from desktop.core.entities import Term
    from desktop.core.suggest import suggest

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        _error(f"{path}: not UTF-8 text (byte {exc.start}).")
        return EXIT_PROBLEMS
    except OSError as exc:
        _error(f"{path}: {exc.strerror or exc}.")
        return EXIT_PROBLEMS
    terms: list[Term] = []
    rejected: set[tuple[str, str]] = set()
    db_path: str | Path | None = connection.server_url(args.db)
    if db_path is None:
        db_path = connection.resolve_path(args.db)
    if not isinstance(db_path, Path) or db_path.exists():
        from db.suggestions import gazetteer
        from desktop.core.rejected_names import rejected_names

        try:
            connection.open_database(db_path, read_only=args.read_only)
            terms = [Term(*row) for row in gazetteer()]
            rejected = rejected_names()
        except DatabaseError as exc:
            _error(f"{exc} Entities are not suggested.")
        finally:
            connection.close_database()
    names: list[NameSpan] = []
    if args.model:
        from desktop.core.ner import missing_note
        from desktop.core.suggest import model_names

        note = missing_note()
        if note:
            _error(note)
        names = model_names(text, args.lang)
    rows = [_suggestion_row(s) for s in suggest(
        text, language=args.lang, currency_hint=args.currency_hint, terms=terms,
        names=names, rejected_names=rejected)]
    import json

    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return EXIT_OK


def _suggestion_row(suggestion: Suggestion) -> dict[str, Any]:
    """One line of ``marginalia suggest``: an amount with its bounds, or a name and its source."""
    amount = suggestion.amount
    if amount is not None:
        return {"start": amount.start, "end": amount.end, "text": amount.text,
                "label": amount.label, "value": amount.value, "low": amount.low,
                "high": amount.high, "unit": amount.unit, "approx": amount.approx}
    return {"start": suggestion.start, "end": suggestion.end, "text": suggestion.text,
            "label": suggestion.label, "entity": suggestion.entity,
            "source": suggestion.source}


if __name__ == "__main__":  # python -m desktop.cli, as python -m desktop
    sys.exit(main())
