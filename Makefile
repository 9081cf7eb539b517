# Set-up is part of every target: a fresh clone needs nothing but Python 3.11 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint bundle clean system-libs-run system-libs-test bytecode

# Debian ships ensurepip apart (python3-venv): the script installs it, or names it, before
# `-m venv`. A venv without pip (left by a `-m venv` that failed) is made again.
SYSTEM_PACKAGES := PYTHON='$(PYTHON)' bash packaging/install-system-libs.sh
# Without a venv yet, the Qt check also does the venv one: a bare machine runs apt-get once.
NEED_VENV = $(if $(wildcard $(PY)),,venv)

$(STAMP): pyproject.toml
	@$(PY) -c 'import pip' >/dev/null 2>&1 || { $(SYSTEM_PACKAGES) venv && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# An editable install leaves our modules uncompiled, and with PYTHONDONTWRITEBYTECODE
# set every start compiles them again (~50 ms): compile them once, as pip does for wheels.
bytecode: $(STAMP)
	@$(PY) -m compileall -q desktop db

system-libs-run:
	@$(SYSTEM_PACKAGES) run $(NEED_VENV)

system-libs-test:
	@$(SYSTEM_PACKAGES) test $(NEED_VENV)

run: system-libs-run $(STAMP) bytecode
	$(PY) -m desktop $(ARGS)

test: system-libs-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: system-libs-test $(STAMP) bytecode
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

lint: $(STAMP)
	$(PY) -m ruff check desktop db tests bench
	$(PY) -m mypy

bundle: system-libs-test $(STAMP)
	@echo "The PyInstaller bundle is not written yet (see packaging/README.md)." >&2
	@exit 1

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
