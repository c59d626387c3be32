# `make run` opens FocusCoder on the bundled sample project; `make test` runs the whole test suite.
# Both create .venv and install into it when needed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test bench clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

run: $(INSTALLED)
	$(VENV)/bin/focuscoder

test: $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis

bench: $(INSTALLED)
	$(PY) -m benchmarks
