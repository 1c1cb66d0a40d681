# The two README commands: `make run` and `make test`. Each sets up .venv first when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint clean locale catalog

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The compiled message catalogs (.mo) from their .po sources (issue 16). `make catalog` after
# changing user-visible strings: it extracts them and updates every .po to translate.
LOCALE := cs360desk/resources/locale
MO_FILES := $(patsubst %.po,%.mo,$(wildcard $(LOCALE)/*/LC_MESSAGES/*.po))

locale: $(MO_FILES)

$(LOCALE)/%.mo: $(LOCALE)/%.po $(STAMP)
	$(BIN)/python -m cs360desk.i18n.catalog compile

catalog: $(STAMP)
	$(BIN)/python -m cs360desk.i18n.catalog update

run: $(STAMP) locale
	$(BIN)/cs360desk demo --keep-existing
	$(BIN)/cs360desk

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check cs360desk tests installer main.py
	$(BIN)/ruff format --check cs360desk tests installer main.py
	$(BIN)/mypy

test: lint locale
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

# Scale targets (issue 8) on the large sample workspace, built once into .cache/bench.
# Not part of `make test`. Extra options: make bench BENCH_ARGS="--json bench.json --seed 2"
.PHONY: bench
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run $(BENCH_ARGS)

# The app for the OS this runs on, built with PyInstaller into dist/ (see installer/README.md).
.PHONY: installer
installer: $(STAMP)
	$(BIN)/python installer/build.py
