"""Writing an export file all or nothing: into a temporary file beside the target, renamed when complete, so
a failed export never leaves a half-written file (nor destroys an older export of the same name)."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ExportError(Exception):
    """An export could not be written; the message says why, for a researcher."""


@contextmanager
def atomic_output(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it becomes ``target``."""
    target = Path(target)
    if not target.parent.is_dir():
        raise ExportError(f"{target.name}: the folder {target.parent} does not exist.")
    if target.is_dir():
        raise ExportError(f"{target}: this is a folder; name a file to write.")
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=f"{target.suffix}.part")
    os.close(handle)
    partial = Path(name)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(partial, 0o666 & ~umask)  # mkstemp makes a private file; an export is an ordinary one
    failure: ExportError | None = None
    try:
        yield partial
        os.replace(partial, target)
    except OSError as exc:  # a full disk, a read-only folder, a drive that went away
        partial.unlink(missing_ok=True)
        failure = ExportError(f"{target.name}: the file could not be written ({_reason(exc)}); nothing was "
                              "written, an older file of this name is unchanged.")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if failure is not None:
        raise failure


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return "the disk is full"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "the folder is read-only"
    return exc.strerror or str(exc)

