# stancelab: every task a researcher or CI needs. `make` alone lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXP ?= demo

.PHONY: help install install-ray demo experiment test test-fast lint format bench train baselines evaluate clean

help: ## List every target
	@echo "stancelab make targets:"
	@grep -E '^[a-zA-Z_.-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | awk -F'\t' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

.venv: $(STAMP)

install: $(STAMP) ## Create .venv and install stancelab (editable, with dev extras)

install-ray: $(STAMP) ## Add the optional Ray Data engine to .venv (pip install -e '.[ray]')
	$(BIN)/python -m pip install --quiet -e '.[dev,ray]'

demo: $(STAMP) ## Run the demo experiment offline (bundled corpus): charts + reports in experiments/runs/demo/
	$(BIN)/stancelab run configs/experiments/demo.yaml

experiment: $(STAMP) ## Run configs/experiments/EXP.yaml: make experiment EXP=dev-gold
	@test -f configs/experiments/$(EXP).yaml || { echo "no configs/experiments/$(EXP).yaml; available: $$(ls configs/experiments | sed 's/\.yaml//' | tr '\n' ' ')"; exit 2; }
	$(BIN)/stancelab run configs/experiments/$(EXP).yaml

test: $(STAMP) ## Run the whole test suite (slow tests and doctests included)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## Run the tests not marked slow
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP) ## ruff lint and format check (code, notebooks and the Python in the docs)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP) ## Run the speed benchmarks and print their figures
	$(BIN)/python benchmarks/run.py

train: $(STAMP) ## Rebuild the shipped stance head from data/train (reproducible)
	$(BIN)/stancelab train configs/train.yaml

baselines: $(STAMP) ## Default scorer vs vader and prototypes on dev and PLOVER, side by side
	$(BIN)/python benchmarks/bench_baselines.py

evaluate: $(STAMP) ## Measure against ../shared/data/dev with ../shared/tools/evaluate-gold
	../shared/tools/evaluate-gold

clean: ## Remove caches and build leftovers (keeps .venv)
	rm -rf .pytest_cache .ruff_cache .hypothesis build dist src/*.egg-info experiments/cache
