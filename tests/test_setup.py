"""The set-up on a bare Debian: packaging/install-system-libs.sh and the Makefile that calls it.

The script runs against stubs on PATH (``dpkg-query``, ``apt-get``, ``id`` and ``python3``)
so nothing is installed and nothing leaves the machine. The stub ``python3`` is this
Python with ``ensurepip`` hidden until the stub ``apt-get`` installs a ``*-venv`` package,
the way Debian's python3 behaves before and after ``apt-get install python3.11-venv``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "install-system-libs.sh"
VENV_PACKAGES = ["python3-venv", f"python{sys.version_info[0]}.{sys.version_info[1]}-venv"]
QT_TEST_PACKAGES = ["libglib2.0-0", "libgl1", "libegl1", "libx11-6", "libxkbcommon0",
                    "libfontconfig1", "libdbus-1-3", "fonts-dejavu-core"]
VALIDATORS = ["desktop-file-utils", "appstream"]  # tests/test_packaging.py runs them
INSTALL = "install -y --no-install-recommends"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")

STUBS = {
    # Prints the status of the packages not named in $STUB_MISSING as installed.
    "dpkg-query": """#!/bin/sh
for pkg; do :; done
case " $STUB_MISSING " in *" $pkg "*) exit 1 ;; esac
printf 'install ok installed'
""",
    # Records each call; installing a *-venv package makes ensurepip importable.
    "apt-get": """#!/bin/sh
echo "$*" >> "$STUB_STATE/apt-get.log"
if [ "$1" = install ] && [ -z "$STUB_VENV_STAYS_MISSING" ]; then
    for pkg; do case "$pkg" in *-venv) touch "$STUB_STATE/venv-installed" ;; esac; done
fi
""",
    "id": """#!/bin/sh
[ "$1" = -u ] && echo "$STUB_UID"
""",
    "python3": f"""#!/bin/sh
[ -e "$STUB_STATE/venv-installed" ] || export PYTHONPATH="$STUB_STATE/no-ensurepip"
exec "{sys.executable}" "$@"
""",
}


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    apt_calls: list[str]


@pytest.fixture
def machine(tmp_path: Path):
    """Runs the script on a stubbed machine: ``machine(*modes, root=, venv=, missing=)``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in STUBS.items():
        stub = bin_dir / name
        stub.write_text(text)
        stub.chmod(0o755)
    blocker = tmp_path / "no-ensurepip" / "ensurepip"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'ensurepip'\")\n")

    def run(*modes: str, root: bool = True, venv: bool = True, missing: tuple[str, ...] = (),
            venv_stays_missing: bool = False) -> Run:
        log = tmp_path / "apt-get.log"
        log.unlink(missing_ok=True)
        (tmp_path / "venv-installed").unlink(missing_ok=True)
        if venv:
            (tmp_path / "venv-installed").touch()
        env = {key: value for key, value in os.environ.items()
               if key not in {"PYTHON", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
        env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', os.defpath)}",
                   STUB_STATE=str(tmp_path), STUB_UID="0" if root else "1000",
                   STUB_MISSING=" ".join(missing),
                   STUB_VENV_STAYS_MISSING="1" if venv_stays_missing else "")
        done = subprocess.run(["bash", str(SCRIPT), *modes], env=env, capture_output=True,
                              text=True, timeout=60)
        calls = log.read_text().splitlines() if log.exists() else []
        return Run(done.returncode, done.stdout, done.stderr, calls)

    return run


def test_the_stub_python_hides_ensurepip_like_a_bare_debian(machine, tmp_path):
    # Guards the other tests: without this they would pass for the wrong reason.
    python = tmp_path / "bin" / "python3"
    env = dict(os.environ, STUB_STATE=str(tmp_path))
    env.pop("PYTHONPATH", None)

    bare = subprocess.run([str(python), "-c", "import ensurepip"], env=env,
                          capture_output=True, text=True)
    (tmp_path / "venv-installed").touch()
    installed = subprocess.run([str(python), "-c", "import ensurepip, venv"], env=env)

    assert bare.returncode != 0 and "No module named 'ensurepip'" in bare.stderr
    assert installed.returncode == 0


def test_as_root_without_ensurepip_it_installs_the_venv_packages(machine):
    run = machine("venv", root=True, venv=False)

    assert run.returncode == 0, run.stderr
    assert run.apt_calls == ["update -qq", f"{INSTALL} {' '.join(VENV_PACKAGES)}"]
    assert f"Installing system packages for the set-up: {' '.join(VENV_PACKAGES)}" in run.stdout


def test_not_root_it_prints_the_exact_apt_get_line_and_fails(machine):
    run = machine("venv", root=False, venv=False)

    assert run.returncode == 1
    assert run.apt_calls == []
    assert run.stderr.splitlines()[-1] == (
        f"    apt-get update && apt-get {INSTALL} {' '.join(VENV_PACKAGES)}")


@pytest.mark.parametrize("modes", [("venv",), ("test",), ("run",), ("bundle",),
                                   ("test", "venv"), ("run", "venv"), ()])
def test_with_everything_present_nothing_is_installed(machine, modes):
    run = machine(*modes, root=True, venv=True)

    assert (run.returncode, run.stdout, run.stderr, run.apt_calls) == (0, "", "", [])


def test_a_bare_machine_gets_qt_and_venv_in_one_apt_get_run(machine):
    run = machine("test", "venv", root=True, venv=False, missing=("libgl1", "libegl1"))

    assert run.returncode == 0, run.stderr
    assert run.apt_calls == ["update -qq", f"{INSTALL} {' '.join(VENV_PACKAGES)} libgl1 libegl1"]


def test_qt_libraries_alone_do_not_need_the_venv_packages(machine):
    run = machine("run", root=False, venv=False, missing=("libxcb-cursor0",))

    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == (
        f"    apt-get update && apt-get {INSTALL} libxcb-cursor0")


def test_each_missing_library_is_named_once(machine):
    run = machine("test", "run", root=False, missing=tuple(QT_TEST_PACKAGES))

    assert run.stderr.splitlines()[-1] == (
        f"    apt-get update && apt-get {INSTALL} {' '.join(QT_TEST_PACKAGES)}")


def test_the_test_set_up_installs_the_validators_of_the_linux_files(machine):
    run = machine("test", root=True, missing=tuple(VALIDATORS))

    assert run.returncode == 0, run.stderr
    assert run.apt_calls == ["update -qq", f"{INSTALL} {' '.join(VALIDATORS)}"]


def test_not_root_the_test_set_up_names_the_validators(machine):
    run = machine("test", root=False, missing=("appstream",))

    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == f"    apt-get update && apt-get {INSTALL} appstream"


def test_the_test_set_up_installs_postgresql_as_root(machine):
    run = machine("test", root=True, missing=("postgresql", "libgl1"))

    assert run.returncode == 0, run.stderr
    assert run.apt_calls == ["update -qq", f"{INSTALL} libgl1 postgresql"]


def test_not_root_a_missing_postgresql_is_named_and_the_set_up_goes_on(machine):
    run = machine("test", root=False, missing=("postgresql",))

    assert (run.returncode, run.apt_calls) == (0, [])
    assert "postgresql is not installed, so the tests run on SQLite alone" in run.stderr
    assert run.stderr.splitlines()[-1] == f"    apt-get update && apt-get {INSTALL} postgresql"


def test_not_root_a_missing_library_still_fails_beside_a_missing_postgresql(machine):
    run = machine("test", root=False, missing=("postgresql", "libgl1"))

    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == f"    apt-get update && apt-get {INSTALL} libgl1"


def test_running_the_app_does_not_need_postgresql(machine):
    run = machine("run", "bundle", root=True, missing=("postgresql",))

    assert (run.returncode, run.stderr, run.apt_calls) == (0, "", [])


def test_running_the_app_does_not_need_the_validators(machine):
    run = machine("run", root=False, missing=tuple(VALIDATORS))

    assert (run.returncode, run.stderr, run.apt_calls) == (0, "", [])


def test_the_bundle_set_up_installs_binutils_for_pyinstaller(machine):
    run = machine("bundle", root=True, missing=("binutils", "libgl1", *VALIDATORS))

    assert run.returncode == 0, run.stderr
    assert run.apt_calls == ["update -qq", f"{INSTALL} libgl1 binutils"]


def test_it_fails_when_the_install_did_not_bring_ensurepip(machine):
    run = machine("venv", root=True, venv=False, venv_stays_missing=True)

    assert run.returncode == 1
    assert run.apt_calls == ["update -qq", f"{INSTALL} {' '.join(VENV_PACKAGES)}"]
    assert "still has no ensurepip or venv module" in run.stderr


def test_an_unknown_mode_is_refused(machine):
    run = machine("tests")

    assert run.returncode == 2 and "usage:" in run.stderr and run.apt_calls == []


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("target", ["test", "run", "lint", "bench", "bundle", "bundle-test"])
def test_make_checks_for_the_venv_packages_before_creating_the_venv(tmp_path, target):
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    # The targets build the interface's catalogues (.qm) from these sources.
    (tmp_path / "resources" / "translations").mkdir(parents=True)
    for source in (ROOT / "resources" / "translations").glob("*.ts"):
        shutil.copy(source, tmp_path / "resources" / "translations" / source.name)

    plan = subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, env=dict(os.environ, PYTHON="python3"))

    assert plan.returncode == 0, plan.stderr
    lines = plan.stdout.splitlines()
    check = next(i for i, line in enumerate(lines)
                 if "venv" in line.partition("install-system-libs.sh")[2].split())
    create = next(i for i, line in enumerate(lines) if "python3 -m venv .venv" in line)
    assert check <= create
    assert "PYTHON='python3'" in lines[check]
