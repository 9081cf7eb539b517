"""The layers stay apart: db and desktop.core never load Qt or pyqtgraph."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _core_modules() -> list[str]:
    names = ["db", "desktop.core", "desktop.cli"]
    for package in ("db", "desktop/core"):
        for path in sorted((ROOT / package).glob("*.py")):
            if path.stem != "__init__":
                names.append(f"{package.replace('/', '.')}.{path.stem}")
    return names


@pytest.mark.parametrize("module", _core_modules())
def test_module_loads_no_qt_or_pyqtgraph(module):
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "", f"{module} loaded {result.stdout.strip()}"


def test_only_the_plots_package_imports_pyqtgraph():
    offenders = []
    for path in (ROOT / "desktop").rglob("*.py"):
        if "plots" in path.relative_to(ROOT / "desktop").parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "import pyqtgraph" in text or "from pyqtgraph" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
