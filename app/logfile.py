"""The log file: the details of a failure (traceback, command) that the one-line message leaves out.

``FOCUSCODER_LOG`` names another file (tests, portable use). Writing the log never fails the command: a log that
cannot be written is skipped. The file is kept under ``MAX_BYTES`` by moving it to ``.1`` when full.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

MAX_BYTES = 1024 * 1024


def log_path() -> Path:
    override = os.environ.get("FOCUSCODER_LOG")
    if override:
        return Path(override)
    from platformdirs import user_log_path

    return user_log_path("FocusCoder", appauthor=False) / "focuscoder.log"


def record_failure(exc: BaseException, *, what: str = "") -> Path | None:
    """Append the failure with its traceback; the log's path, or None if it could not be written."""
    path = log_path()
    entry = (f"--- {datetime.now().isoformat(timespec='seconds')} {what or ' '.join(sys.argv)}\n"
             + "".join(traceback.format_exception(exc)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
        with path.open("a", encoding="utf-8") as log:
            log.write(entry)
    except OSError:
        return None
    return path
