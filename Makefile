# Two commands set everything up on a fresh machine with Python 3.11+:
#   make run    the dashboard on the public record (seeds/record.yaml)
#   make test   every test (browser tests need Debian's chromium: see README)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshot gazetteer clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,build]'
	touch $(STAMP)

# The local address and no usage statistics are passed by the command, not left to
# .streamlit/config.toml (read from the current folder only). LOCKDOWN_MAP_DATASET=PATH works too.
run: $(STAMP)
	$(BIN)/lockdown-map dashboard --dataset seeds/record.yaml

test: $(STAMP)
	$(BIN)/ruff check geo dashboard tests bench scripts
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check geo dashboard tests bench scripts

gazetteer: $(STAMP)
	$(BIN)/python scripts/build_gazetteer.py

screenshot: $(STAMP)
	$(BIN)/python scripts/screenshot.py

bench: $(STAMP)
	$(BIN)/python bench/bench_geocode.py
	$(BIN)/python bench/bench_export.py
	$(BIN)/python bench/bench_dashboard.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
