"""A throwaway PostgreSQL server on 127.0.0.1, for the tests and the benchmarks.

:func:`start` makes a new cluster in a temporary folder (``initdb``), starts
it on a free port of the loopback interface only, with its socket in that
folder, and creates a database; :meth:`Server.stop` stops it and removes the
folder. PostgreSQL refuses to run as root: as root, the cluster belongs to
the ``postgres`` user (which Debian's package creates) and its commands run
as that user (``runuser``); otherwise they run as the current user.

Nothing here installs anything (``make test`` does, see
packaging/install-system-libs.sh): when the binaries or the user are
missing, or the server does not start, :class:`Unavailable` says why.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATABASE = "marginalia"
"""The database :func:`start` creates."""
FAST = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")
"""Settings that make a test server fast and its data mortal (a crash loses it)."""


class Unavailable(Exception):
    """PostgreSQL can't be run here; the message says why, in words."""


@dataclass
class Server:
    """A running throwaway server.

    Attributes:
        url: the URL of its database (user ``postgres``, no password: trust on loopback).
        folder: the cluster and its socket.
    """

    url: str
    folder: Path
    _run_as: list[str]
    _bin: Path

    def stop(self) -> None:
        """Stops the server at once and removes its folder."""
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            subprocess.run([*self._run_as, str(self._bin / "pg_ctl"), "-D",
                            str(self.folder / "data"), "-m", "immediate", "-w", "stop"],
                           capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def binaries() -> Path:
    """The folder of ``initdb`` and ``pg_ctl``: ``$MARGINALIA_PG_BIN``, Debian's newest, or PATH.

    Raises:
        Unavailable: none is found.
    """
    chosen = os.environ.get("MARGINALIA_PG_BIN")
    if chosen:
        candidates = [Path(chosen)]
        where = f"{chosen} ($MARGINALIA_PG_BIN)"
    else:
        candidates = []
        debian = Path("/usr/lib/postgresql")
        if debian.is_dir():
            versions = sorted((p for p in debian.iterdir() if p.name.isdigit()),
                              key=lambda p: int(p.name), reverse=True)
            candidates += [p / "bin" for p in versions]
        on_path = shutil.which("initdb")
        if on_path:
            candidates.append(Path(on_path).parent)
        where = "/usr/lib/postgresql/*/bin or on PATH"
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise Unavailable(f"PostgreSQL is not installed (no initdb in {where}); as root, "
                      "`make test` installs Debian's postgresql")


def start(fast: bool = True) -> Server:
    """Starts a new server with an empty database :data:`DATABASE`.

    Args:
        fast: turn off what makes it survive a crash (:data:`FAST`): for
            tests; a benchmark keeps PostgreSQL's defaults.

    Raises:
        Unavailable: it can't be started; says why.
    """
    bin_folder = binaries()
    run_as: list[str] = []
    owner = None
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise Unavailable("running as root, and there is no runuser to run PostgreSQL as "
                              "the postgres user")
        try:
            import pwd

            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root, and there is no postgres user to run "
                              "PostgreSQL as (Debian's postgresql package creates it)") from None
        run_as = [runuser, "-u", "postgres", "--"]
    # In /tmp rather than pytest's folder: the postgres user must reach it.
    folder = Path(tempfile.mkdtemp(prefix="marginalia-pg-"))
    if owner is not None:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data = folder / "data"
    try:
        _run([*run_as, str(bin_folder / "initdb"), "-D", str(data), "-A", "trust",
              "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"], "initdb")
        settings = ["listen_addresses=127.0.0.1", f"unix_socket_directories={folder}",
                    "max_connections=40", *(FAST if fast else ())]
        for attempt in range(3):
            port = _free_port()
            options = " ".join([f"-p {port}", *(f"-c {s}" for s in settings)])
            started = subprocess.run(
                [*run_as, str(bin_folder / "pg_ctl"), "-D", str(data), "-o", options,
                 "-l", str(folder / "server.log"), "-w", "-t", "60", "start"],
                capture_output=True, text=True, timeout=90)
            if started.returncode == 0:
                break
            if attempt == 2:
                raise Unavailable(f"the server did not start: {_last_lines(folder)}")
        url = f"postgresql://postgres@127.0.0.1:{port}/{DATABASE}"
        _create_database(f"postgresql://postgres@127.0.0.1:{port}/postgres", DATABASE)
    except Unavailable:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    except (OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise Unavailable(f"PostgreSQL could not be set up: {exc}") from exc
    return Server(url, folder, run_as, bin_folder)


@contextlib.contextmanager
def running(fast: bool = True) -> Iterator[Server]:
    """A server for the ``with`` block (see :func:`start`), stopped after it."""
    server = start(fast)
    try:
        yield server
    finally:
        server.stop()


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if done.returncode:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise Unavailable(f"{what} failed: {lines[-1] if lines else done.returncode}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _last_lines(folder: Path) -> str:
    try:
        lines = (folder / "server.log").read_text(errors="replace").strip().splitlines()
    except OSError:
        return "no log"
    return " / ".join(lines[-3:]) or "no log"


def _create_database(admin_url: str, name: str) -> None:
    try:
        import psycopg
    except ImportError as exc:
        raise Unavailable("the PostgreSQL driver (psycopg) is not installed") from exc
    try:
        with psycopg.connect(admin_url, autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        raise Unavailable(f"creating the database failed: {exc}") from exc


class TestDatabase:
    """The session's database on a server, built once and emptied before each test.

    Emptying deletes every row (children first), puts the id sequences back to
    1 and the default labels back: a new file's state, at ~10 ms a test
    (``TRUNCATE`` of the 25 tables takes ~85 ms).
    """

    __test__ = False  # not a test class, whatever its name

    def __init__(self, url: str) -> None:
        from db.copy import data_tables
        from db.postgres import open_server

        self.url = url
        self._db, _ = open_server(url, None)
        self._tables = [*reversed(data_tables(self._db)), "article_fts"]
        self._sequences = [name for (name,) in self._db.execute_sql(
            "SELECT sequence_name FROM information_schema.sequences "
            "WHERE sequence_schema = current_schema()").fetchall()]

    def reset(self) -> None:
        """Empties every table and puts the default labels back."""
        from db.postgres_schema import insert_default_labels

        with self._db.atomic():
            self._db.execute_sql("SET LOCAL lock_timeout = 5000")  # a test left one open
            for table in self._tables:
                self._db.execute_sql(f'DELETE FROM "{table}"')
            self._db.execute_sql("DELETE FROM summary_dirty")  # what the deletes marked
            for sequence in self._sequences:
                self._db.execute_sql("SELECT setval(?, 1, false)", (sequence,))
            insert_default_labels(self._db)

    def new_database(self, name: str) -> str:
        """The URL of a new, empty database ``name`` on the same server (dropped first)."""
        from urllib.parse import urlsplit, urlunsplit

        import psycopg

        with psycopg.connect(self.url, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            con.execute(f'CREATE DATABASE "{name}"')
        return urlunsplit(urlsplit(self.url)._replace(path=f"/{name}"))

    def __enter__(self) -> TestDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self._db.close()
