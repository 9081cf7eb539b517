"""The layers stay apart.

Statically, from every ``import`` statement of every module (those inside
functions and under ``TYPE_CHECKING`` too), :func:`import_violations` checks:

* ``desktop.cli`` → ``desktop.ui`` → ``desktop.core`` → ``db``: a layer
  imports the layers below it, never one above (``desktop`` itself and
  ``desktop.resources`` hold names and files any layer above ``db`` may use);
* ``db`` imports only the standard library, peewee and playhouse, psycopg
  (the PostgreSQL driver peewee runs on, which :mod:`db.postgres` sets up),
  and platformdirs, with which :func:`db.connection.default_path` finds the
  user data folder;
* ``desktop.core`` imports neither Qt (PySide6, shiboken6) nor pyqtgraph;
* only ``desktop.ui.plots`` imports pyqtgraph;
* ``desktop.ui`` imports neither peewee nor ``db.models`` itself (it reaches
  them only through ``db`` and ``desktop.core``).

And at run time, in a fresh interpreter, that importing ``db`` or
``desktop.core`` loads no Qt or pyqtgraph through a third-party package.
"""

from __future__ import annotations

import ast
import functools
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("db", "desktop")

LAYERS = {"db": 0, "desktop.core": 1, "desktop.ui": 2, "desktop.cli": 3, "desktop.__main__": 4}
"""Each layer may import those of a lower number."""
SHARED = ("desktop", "desktop.resources")
"""Modules outside the layers that any layer above db may import; they import none."""
DB_THIRD_PARTY = {"peewee", "playhouse", "psycopg", "platformdirs"}
QT = {"PySide6", "shiboken6", "pyqtgraph"}
ORM = {"peewee", "playhouse", "db.models"}


@dataclass(frozen=True)
class Violation:
    """One import that breaks a rule: where it is, what it imports, which rule."""

    path: str
    line: int
    imported: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.imported}: {self.rule}"


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, module: str, modules: set[str]) -> list[tuple[int, str]]:
    """``(line, module imported)`` for every import statement of the file.

    ``from package import name`` imports ``package.name`` when that is one of
    ``modules``, else ``package``; relative imports are resolved.
    """
    is_package = path.name == "__init__.py"
    found = []
    for line, base, level, names in _import_statements(path.read_text(encoding="utf-8")):
        if level is None:  # import a, b
            found += [(line, name) for name in names]
            continue
        if level:
            package = module.split(".")
            if not is_package:
                package.pop()
            package = package[:len(package) - (level - 1)]
            base = ".".join(filter(None, [*package, base]))
        for alias in names:
            name = f"{base}.{alias}"
            found.append((line, name if name in modules else base))
    return found


@functools.cache
def _import_statements(source: str) -> tuple[tuple[int, str, int | None, tuple[str, ...]], ...]:
    """``(line, module, level, names)`` of each import statement of ``source``;
    level None for ``import a, b`` (parsed once per text: the tests below check
    copies of the tree that differ by one file)."""
    found: list[tuple[int, str, int | None, tuple[str, ...]]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.append((node.lineno, "", None, tuple(a.name for a in node.names)))
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.module or "", node.level,
                          tuple(a.name for a in node.names)))
    return tuple(found)


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def _layer(module: str) -> str | None:
    return next((layer for layer in sorted(LAYERS, key=len, reverse=True)
                 if _within(module, layer)), None)


def _rules_broken(module: str, imported: str) -> list[str]:
    top = imported.split(".")[0]
    ours = top in PACKAGES
    broken = []
    if _within(module, "db"):
        if not (top == "db" or top in sys.stdlib_module_names or top in DB_THIRD_PARTY):
            broken.append("db imports only the standard library, peewee, playhouse, "
                          "psycopg and platformdirs")
    if module in SHARED and ours and imported not in SHARED:
        broken.append(f"{module} is shared by the layers and imports none of them")
    layer = _layer(module)
    if module not in SHARED and layer is None:
        broken.append(f"{module} belongs to no layer ({', '.join(LAYERS)})")
    if ours and layer is not None and imported not in SHARED:
        below = _layer(imported)
        if below is None or LAYERS[below] > LAYERS[layer]:
            broken.append(f"{layer} may not import {below or imported}: "
                          "desktop.cli → desktop.ui → desktop.core → db")
    if _within(module, "desktop.core") and top in QT:
        broken.append("desktop.core imports neither Qt nor pyqtgraph")
    if top == "pyqtgraph" and not _within(module, "desktop.ui.plots"):
        broken.append("only desktop.ui.plots imports pyqtgraph")
    if _within(module, "desktop.ui") and any(_within(imported, m) for m in ORM):
        broken.append("desktop.ui imports neither peewee nor db.models; "
                      "it goes through db's queries and desktop.core")
    return broken


def import_violations(root: Path = ROOT) -> list[Violation]:
    """Every import under ``root``'s packages that breaks a rule of this module."""
    paths = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            paths[_module_name(root, path)] = path
    modules = set(paths)
    violations = []
    for module, path in paths.items():
        for line, imported in _imports(path, module, modules):
            violations += [Violation(path.relative_to(root).as_posix(), line, imported, rule)
                           for rule in _rules_broken(module, imported)]
    return violations


def test_every_import_keeps_the_layers():
    assert [str(v) for v in import_violations()] == []


def _copy_of_the_tree(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _add(path: Path, code: str) -> int:
    """Appends ``code`` to the file; returns the line number it starts at."""
    text = path.read_text(encoding="utf-8")
    path.write_text(f"{text}\n{code}", encoding="utf-8")
    return text.count("\n") + 2


@pytest.mark.parametrize(("file", "code", "imported", "rule"), [
    ("desktop/ui/reader.py", "def f():\n    import peewee\n", "peewee",
     "desktop.ui imports neither peewee nor db.models"),
    ("desktop/ui/library.py", "from db import models\n", "db.models",
     "desktop.ui imports neither peewee nor db.models"),
    ("db/records.py",
     "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from desktop.ui import app\n",
     "desktop.ui.app", "db imports only the standard library"),
    ("db/records.py", "from desktop.ui import app\n", "desktop.ui.app",
     "db may not import desktop.ui"),
    ("desktop/core/text.py", "from desktop.cli import main\n", "desktop.cli",
     "desktop.core may not import desktop.cli"),
    ("desktop/core/offsets.py", "from PySide6.QtCore import QObject\n", "PySide6.QtCore",
     "desktop.core imports neither Qt nor pyqtgraph"),
    ("desktop/ui/reader.py", "import pyqtgraph as pg\n", "pyqtgraph",
     "only desktop.ui.plots imports pyqtgraph"),
    ("desktop/resources.py", "from . import core\n", "desktop.core",
     "desktop.resources is shared by the layers and imports none of them"),
])
def test_a_forbidden_import_is_reported(tmp_path, file, code, imported, rule):
    root = _copy_of_the_tree(tmp_path)
    assert import_violations(root) == []
    line = _add(root / file, code)

    found = [v for v in import_violations(root) if v.path == file]

    assert found, f"no violation reported for {code!r} in {file}"
    assert any(v.line >= line and v.imported == imported and v.rule.startswith(rule)
               for v in found), [str(v) for v in found]


def test_pyqtgraph_in_the_plots_package_is_allowed(tmp_path):
    root = _copy_of_the_tree(tmp_path)
    _add(root / "desktop/ui/plots/page.py", "import pyqtgraph\n")

    assert import_violations(root) == []


def _core_modules() -> list[str]:
    names = ["db", "desktop.core", "desktop.cli"]
    for package in ("db", "desktop/core"):
        for path in sorted((ROOT / package).glob("*.py")):
            if path.stem != "__init__":
                names.append(f"{package.replace('/', '.')}.{path.stem}")
    return names


def test_no_module_of_db_core_or_cli_loads_qt_or_pyqtgraph():
    # One fresh interpreter imports them in turn: the first one that loads Qt is named.
    code = (
        "import importlib, sys\n"
        f"for module in {_core_modules()!r}:\n"
        "    importlib.import_module(module)\n"
        "    bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "    if bad:\n"
        "        print(module, 'loaded', ','.join(bad))\n"
        "        break\n"
        "else:\n"
        "    print('none', len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.startswith("none"), result.stdout
