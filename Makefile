# `make run` opens FocusCoder on the bundled sample project; `make test` runs the whole test suite.
# Both create .venv and install into it when needed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test bench clean postgres libreoffice wheel bundle bundle-test

$(INSTALLED): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

run: $(INSTALLED)
	$(VENV)/bin/focuscoder

test: $(INSTALLED) postgres libreoffice
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The team tests start a throwaway PostgreSQL server of their own; install the distribution's server when missing
# (as root with apt-get; elsewhere the team tests are skipped unless FOCUSCODER_REQUIRE_POSTGRES=1).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || \
	  { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	    else echo "note: PostgreSQL is not installed; the team tests will be skipped"; fi; }

# The PDF export and the report's table-of-contents page numbers use LibreOffice when it is installed; install
# Debian's when missing (as root with apt-get; elsewhere those tests are skipped unless FOCUSCODER_REQUIRE_LIBREOFFICE=1).
libreoffice:
	@command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || \
	  { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui >/dev/null; \
	    else echo "note: LibreOffice is not installed; the PDF tests will be skipped"; fi; }

clean:
	rm -rf $(VENV) $(BUNDLE_VENV) .pytest_cache .hypothesis build dist

# A wheel for pip or pipx (dist/focuscoder-*.whl).
wheel: $(INSTALLED)
	$(PY) -m pip wheel --quiet --no-deps --wheel-dir dist .

# A one-folder desktop bundle that starts without Python (dist/FocusCoder/), built by PyInstaller from a fresh
# non-editable install, so that it holds exactly what a wheel holds.
BUNDLE_VENV := .venv-bundle
bundle:
	rm -rf $(BUNDLE_VENV) build/pyinstaller dist/FocusCoder
	$(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUNDLE_VENV)/bin/python -m pip install --quiet . 'pyinstaller>=6.10,<7'
	cd installer && ../$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --log-level WARN \
	  --distpath ../dist --workpath ../build/pyinstaller focuscoder.spec

# The bundle as a newcomer meets it: the sample, the desktop app (offscreen screenshot), a lemma search, the report.
bundle-test:
	@test -x dist/FocusCoder/FocusCoder || $(MAKE) bundle
	$(PYTHON) installer/smoke_test.py dist/FocusCoder/FocusCoder

bench: $(INSTALLED)
	$(PY) -m benchmarks
