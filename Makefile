# The two commands: `make demo` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIPELINE_CONFIG ?= config/demo.toml

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	touch $(STAMP)

## Run the main job on the demo config (recorded pages, SQLite, offline engine).
demo: $(STAMP)
	@start=$$(date +%s); \
	$(BIN)/pipeline run && \
	$(BIN)/pipeline review approve --all --reviewer demo && \
	$(BIN)/pipeline publish && \
	$(BIN)/pipeline status && \
	echo "make demo took $$(( $$(date +%s) - start )) s"

## Run the whole test suite (and the linters, as CI does).
test: lint
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) data out .pytest_cache
