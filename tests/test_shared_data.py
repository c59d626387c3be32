"""CI runs the shared-data tests every time: with FOCUSCODER_REQUIRE_SHARED_DATA=1 a missing folder fails here."""

from __future__ import annotations

import pytest

from tests.shared_data import REFI, REQUIRED, SHARED_DATA, TRANSCRIPTS


@pytest.mark.skipif(not REQUIRED, reason="FOCUSCODER_REQUIRE_SHARED_DATA is not set (CI sets it)")
def test_the_shared_data_is_there_when_required():
    assert SHARED_DATA.is_dir(), f"{SHARED_DATA} is not there, and CI requires it"
    assert any(TRANSCRIPTS.iterdir()) and any(REFI.iterdir())
