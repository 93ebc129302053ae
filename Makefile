# Two commands on a fresh machine: `make demo` and `make test`.
# Each creates .venv with the current Python, upgrades pip, installs the project and runs.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: all demo test lint typecheck browser pytest docs bench bench-parallel-env clean

all: test

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --group dev -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/demo.py demo-output

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/python -m pytest -q

docs: $(STAMP)
	$(BIN)/sphinx-build -q -W --keep-going -b html docs docs/_build/html

# The report test renders in a real headless Chromium (Debian package `chromium`);
# install it where it is missing and the machine allows (as on CI, which runs as root).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; } || true

test: lint typecheck browser pytest docs

bench: $(STAMP)
	$(BIN)/python bench/run.py

# nx-parallel 0.4 needs Python >= 3.12; bench/run.py uses this venv for its nx-parallel row.
PYTHON312 ?= python3.12
bench-parallel-env:
	$(PYTHON312) -m venv .venv-parallel
	.venv-parallel/bin/python -m pip install --quiet --upgrade pip
	.venv-parallel/bin/python -m pip install --quiet -e . "nx-parallel>=0.4" pytest hypothesis

clean:
	rm -rf $(VENV) .venv-parallel demo-output docs/_build .mypy_cache .pytest_cache .ruff_cache
