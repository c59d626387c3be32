"""A newcomer's installation: the wheel built from this checkout, installed into a fresh venv (as pip or pipx
would), opens the sample with its icons and in German, with nothing of the checkout around it.

Slow (it installs FocusCoder and its dependencies once, from pip's cache where it can), so it is marked ``slow``;
``make test`` runs it. The desktop bundle gets the same smoke test from ``make bundle-test``.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(folder), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    return next(folder.glob("focuscoder-*.whl"))


def test_the_wheel_carries_the_resources_and_the_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("app/resources/sample/workshop_de.txt", "app/resources/sample/categories.json",
                 "app/resources/icons/undo.svg", "app/resources/icons/focuscoder.svg",
                 "app/resources/translations/focuscoder_de.qm", "app/resources/desktop/focuscoder.desktop",
                 "app/models/migrations/versions/0001_initial_schema.py"):
        assert name in names, name
    assert not any(name.startswith(("tests/", "benchmarks/", "resources/")) for name in names)
    assert "app/resources/translations/translate_de.py" not in names  # the translators' tool stays in the checkout


def test_the_installed_wheel_opens_the_sample_in_german_with_its_icons(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    installed = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)],
                               capture_output=True, text=True, timeout=1800)
    assert installed.returncode == 0, installed.stderr[-3000:]
    # Run from an empty folder: nothing of the checkout may be found by accident.
    smoke = subprocess.run([sys.executable, str(ROOT / "installer" / "smoke_test.py"), str(venv / "bin" / "focuscoder")],
                           capture_output=True, text=True, timeout=1200, cwd=tmp_path)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "The installed FocusCoder works" in smoke.stdout
