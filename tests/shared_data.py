"""The test data written by others: ``../shared/data`` beside the checkout (see its SOURCES.md), read in place.

A clean clone has no such folder beside it: the tests that read it are skipped, with one reason, so that anybody
who clones the repository can run ``make test``. CI sets ``FOCUSCODER_REQUIRE_SHARED_DATA=1``: there a missing
folder is a failure, never a quiet skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TRANSCRIPTS = SHARED_DATA / "transcripts"
REFI = SHARED_DATA / "refi"

REQUIRED = os.environ.get("FOCUSCODER_REQUIRE_SHARED_DATA") == "1"
PRESENT = SHARED_DATA.is_dir()
REASON = "the shared test data (../shared/data beside this checkout) is not there"

# For tests (or whole modules, as ``pytestmark``) that read the shared files.
needs_shared_data = pytest.mark.skipif(not PRESENT and not REQUIRED, reason=REASON)


def shared_file(path: Path) -> Path:
    """``path`` under the shared data, for fixtures: skips the test when the folder is absent (fails in CI)."""
    if not path.exists():
        if REQUIRED or PRESENT:
            pytest.fail(f"{path} is missing (FOCUSCODER_REQUIRE_SHARED_DATA=1, or the folder is incomplete)")
        pytest.skip(REASON)
    return path
