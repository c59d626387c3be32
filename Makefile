# `make run` opens FocusCoder on the bundled sample project; `make test` runs the whole test suite.
# Both create .venv and install into it when needed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test bench clean postgres

$(INSTALLED): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

run: $(INSTALLED)
	$(VENV)/bin/focuscoder

test: $(INSTALLED) postgres
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The team tests start a throwaway PostgreSQL server of their own; install the distribution's server when missing
# (as root with apt-get; elsewhere the team tests are skipped unless FOCUSCODER_REQUIRE_POSTGRES=1).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || \
	  { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	    else echo "note: PostgreSQL is not installed; the team tests will be skipped"; fi; }

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis

bench: $(INSTALLED)
	$(PY) -m benchmarks
