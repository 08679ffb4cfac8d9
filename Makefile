# Two-command quick start: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint typecheck eval bench bench-load bench-replicas kb-check clean

# The first run installs for a minute or so; say so, step by step, instead of staying silent.
$(STAMP): pyproject.toml
	@echo "jianfu: setting up $(VENV) (first run, or pyproject.toml changed); this takes a minute or two"
	@echo "jianfu: [1/3] creating the virtual environment"
	@$(PYTHON) -m venv $(VENV)
	@echo "jianfu: [2/3] updating pip"
	@$(BIN)/pip install --quiet --upgrade pip
	@echo "jianfu: [3/3] installing jianfu-bot and its dependencies (python-telegram-bot, jieba, ...)"
	@$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)
	@echo "jianfu: set up; next time this step is skipped"

setup: $(STAMP)

# Telegram when TELEGRAM_BOT_TOKEN is set, else the terminal chat.
run: $(STAMP)
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then $(BIN)/jianfu run; else $(BIN)/jianfu chat; fi

test: $(STAMP)
	$(BIN)/jianfu kb check
	$(BIN)/ruff check bot tests
	$(BIN)/ruff format --check bot tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check bot tests
	$(BIN)/ruff format --check bot tests

typecheck: $(STAMP)
	$(BIN)/mypy

kb-check: $(STAMP)
	$(BIN)/jianfu kb check

eval: $(STAMP)
	$(BIN)/jianfu eval

bench: $(STAMP)
	$(BIN)/jianfu bench

# Telegram front end under load, through the fake Bot API on 127.0.0.1.
bench-load: $(STAMP)
	$(BIN)/python tests/load_bench.py

# 1 vs 2 webhook replicas behind nginx on a throwaway PostgreSQL, through the fake Bot API.
bench-replicas: $(STAMP)
	$(BIN)/python tests/bench_replicas.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
