# policykg: `make demo` sets up and opens the explorer; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STORE ?= data/policykg.lbug
PORT ?= 8501

.PHONY: demo test lint bench venv clean

$(VENV)/.installed-base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[app]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-base
	$(PY) -m pip install -q -e '.[app,test]'
	touch $@

venv: $(VENV)/.installed-base

demo: $(VENV)/.installed-base
	$(VENV)/bin/policykg ingest samples/ --store $(STORE)
	$(VENV)/bin/policykg explore --store $(STORE) --port $(PORT)

test: $(VENV)/.installed-test
	$(VENV)/bin/pytest -q

# mypy cannot follow setuptools' editable import hook, so it reads the package through a tree of links that
# lays the folders out as they are installed (policykg/core -> core/, …).
TYPECHECK := .typecheck/policykg
lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	rm -rf .typecheck && mkdir -p $(TYPECHECK)
	ln -s ../../policykg/__init__.py ../../policykg/__main__.py $(TYPECHECK)/
	for d in core cli ingest graph queries cypher explorer; do ln -s ../../$$d $(TYPECHECK)/$$d; done
	$(VENV)/bin/mypy

bench: $(VENV)/.installed-test
	$(PY) -m benchmarks.run --docs 1000 --json bench-data/bench-1000.json

clean:
	rm -rf $(VENV) data log test-artifacts bench-data .typecheck
