# Set-up is part of every target: a fresh clone needs nothing but Python 3.11 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint bundle clean system-libs-run system-libs-test bytecode

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,plots]'
	@touch $(STAMP)

# An editable install leaves our modules uncompiled, and with PYTHONDONTWRITEBYTECODE
# set every start compiles them again (~50 ms): compile them once, as pip does for wheels.
bytecode: $(STAMP)
	@$(PY) -m compileall -q desktop db

system-libs-run:
	@bash packaging/install-system-libs.sh run

system-libs-test:
	@bash packaging/install-system-libs.sh test

run: system-libs-run $(STAMP) bytecode
	$(PY) -m desktop $(ARGS)

test: system-libs-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: system-libs-test $(STAMP) bytecode
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

lint: $(STAMP)
	$(PY) -m ruff check desktop db tests bench

bundle: system-libs-test $(STAMP)
	@echo "The PyInstaller bundle is not written yet (see packaging/README.md)." >&2
	@exit 1

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
