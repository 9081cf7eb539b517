# Set-up is part of every target: a fresh clone needs nothing but Python 3.11 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench lint bundle bundle-test screenshots clean system-libs-run \
	system-libs-test system-libs-screenshots \
	system-libs-bundle bytecode translations

# Debian ships ensurepip apart (python3-venv): the script installs it, or names it, before
# `-m venv`. A venv without pip (left by a `-m venv` that failed) is made again.
SYSTEM_PACKAGES := PYTHON='$(PYTHON)' bash packaging/install-system-libs.sh
# Without a venv yet, the Qt check also does the venv one: a bare machine runs apt-get once.
NEED_VENV = $(if $(wildcard $(PY)),,venv)

$(STAMP): pyproject.toml
	@$(PY) -c 'import pip' >/dev/null 2>&1 || { $(SYSTEM_PACKAGES) venv && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(LRELEASE) $(TS)
	@touch $(STAMP)

# The interface's translations (desktop/ui/i18n.py): the Qt Linguist sources (.ts) are kept
# in resources/translations; the catalogues the app loads (.qm) are built from them, here
# and at install time (above), and never committed. English is the source language:
# marginalia_en.ts holds only its plural forms ("1 article", "2 articles").
# `make translations` runs pyside6-lupdate over the code again: new texts come in
# unfinished (translate them in the .ts, or with pyside6-linguist), gone ones go.
TRANSLATIONS := resources/translations
TS := $(TRANSLATIONS)/marginalia_fr.ts $(TRANSLATIONS)/marginalia_en.ts
QM := $(TS:.ts=.qm)
LUPDATE = $(VENV)/bin/pyside6-lupdate -extensions py -locations none -no-obsolete \
	-source-language en
LRELEASE = $(VENV)/bin/pyside6-lrelease -silent

translations: $(STAMP)
	$(LUPDATE) -target-language fr_FR desktop db -ts $(TRANSLATIONS)/marginalia_fr.ts
	$(LUPDATE) -target-language en -pluralonly desktop db -ts $(TRANSLATIONS)/marginalia_en.ts
	$(LRELEASE) $(TS)

$(TRANSLATIONS)/%.qm: $(TRANSLATIONS)/%.ts | $(STAMP)
	$(LRELEASE) $< -qm $@

# An editable install leaves our modules uncompiled, and with PYTHONDONTWRITEBYTECODE
# set every start compiles them again (~50 ms): compile them once, as pip does for wheels.
bytecode: $(STAMP)
	@$(PY) -m compileall -q desktop db

system-libs-run:
	@$(SYSTEM_PACKAGES) run $(NEED_VENV)

system-libs-test:
	@$(SYSTEM_PACKAGES) test $(NEED_VENV)

run: system-libs-run $(STAMP) bytecode $(QM)
	$(PY) -m desktop $(ARGS)

# Two processes (pytest-xdist): the database tests run on SQLite and on PostgreSQL, and the
# suite took over two minutes on one of this project's two-core machines. Each process
# starts its own throwaway PostgreSQL server (tests/postgres_server.py).
# Python keeps the compiled modules and pytest its rewritten tests (__pycache__, ignored by
# git) even where PYTHONDONTWRITEBYTECODE is set: a second run collects in half the time.
PYTEST_WORKERS ?= 2

test: system-libs-test $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE= $(PY) -m pytest \
		$(if $(filter-out 0,$(PYTEST_WORKERS)),-n $(PYTEST_WORKERS)) $(PYTEST_ARGS)

bench: system-libs-test $(STAMP) bytecode $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

# docs/screenshots/: the README's pictures, from the real window under Xvfb, over the
# demo articles (packaging/screenshots.py). Run it again when a screen changes.
screenshots: system-libs-screenshots $(STAMP) $(QM)
	xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) packaging/screenshots.py docs/screenshots

system-libs-screenshots:
	@$(SYSTEM_PACKAGES) screenshots $(NEED_VENV)

lint: $(STAMP)
	$(PY) -m ruff check desktop db tests bench
	$(PY) -m mypy

# PyInstaller (the `bundle` extra) goes into the venv for these two targets only.
BUNDLE_STAMP := $(VENV)/.bundle-installed

$(BUNDLE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[bundle]'
	@touch $(BUNDLE_STAMP)

system-libs-bundle:
	@$(SYSTEM_PACKAGES) bundle $(NEED_VENV)

# dist/marginalia/: a one-folder bundle of the app, started by dist/marginalia/marginalia.
bundle: system-libs-bundle $(BUNDLE_STAMP) $(QM)
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build \
		packaging/marginalia.spec

# Builds the bundle, then starts it outside the venv (tests/test_packaging.py).
bundle-test: bundle system-libs-test
	MARGINALIA_BUNDLE=dist/marginalia QT_QPA_PLATFORM=offscreen $(PY) -m pytest \
		-p no:cacheprovider tests/test_packaging.py $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
