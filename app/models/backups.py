"""Rolling backups of a project, made when it is opened, and bringing one back.

Backups live in the user's data folder (``.../FocusCoder/backups/<project name>-<project GUID>/``), not beside the
project: a project on a shared or USB drive, or a folder that is mailed, deleted or synchronised, should not take
its backups with it, and colleagues' folders stay free of clutter. The folder is named by the project's GUID, so
moving or renaming the file keeps its backups. ``FOCUSCODER_BACKUPS`` overrides the folder (tests, portable use).

A backup is made with SQLite's online backup API (a consistent copy even while another connection writes), the
last ``KEEP`` are kept, and none is made when the project has not changed since the newest one (the SHA-256 of
the file is part of each backup's name).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from app.models.errors import ProjectFileError

KEEP = 5
SUFFIX = ".fcproj"
_NAME = re.compile(r"^(?P<time>\d{8}-\d{6}-\d{6})-(?P<hash>[0-9a-f]{16})(?P<note>-[a-z-]+)?\.fcproj$")


@dataclass(frozen=True)
class Backup:
    """One backup copy, as the restore dialog and ``focuscoder restore --list`` show it."""

    path: Path
    made: datetime
    size: int
    fingerprint: str
    note: str  # "" for a backup made on opening, "before-restore" for the copy kept when one was brought back

    def describe(self) -> str:
        extra = f" ({self.note.replace('-', ' ')})" if self.note else ""
        return f"{self.made:%Y-%m-%d %H:%M:%S}  {self.size / 1024:,.0f} kB{extra}"


def backup_folder(project: Path) -> Path:
    """Where the backups of ``project`` are kept (the folder need not exist yet)."""
    root = os.environ.get("FOCUSCODER_BACKUPS")
    if root:
        base = Path(root)
    else:
        from platformdirs import user_data_path

        base = user_data_path("FocusCoder", appauthor=False) / "backups"
    guid = _project_guid(project)
    for existing in base.glob(f"*-{guid}") if base.is_dir() else ():
        return existing  # the project was renamed since: its backups stay where they are
    label = re.sub(r"[^\w.-]+", "_", project.stem)[:40] or "project"
    return base / f"{label}-{guid}"


def list_backups(project: str | Path) -> list[Backup]:
    """The project's backups, newest first."""
    project = Path(project)
    folder = backup_folder(project)
    found = []
    for path in folder.glob(f"*{SUFFIX}") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None:
            continue
        made = datetime.strptime(match["time"], "%Y%m%d-%H%M%S-%f")
        found.append(Backup(path, made, path.stat().st_size, match["hash"], (match["note"] or "").lstrip("-")))
    return sorted(found, key=lambda backup: backup.made, reverse=True)


def make_rolling_backup(project: str | Path, *, keep: int = KEEP, note: str = "") -> Backup | None:
    """Back the project up unless it is unchanged since its newest backup; keep the newest ``keep``.

    Returns the new backup, or None when none was needed. Raises ProjectFileError when the copy cannot be made
    (a full disk, a read-only data folder); the project itself is only read.
    """
    project = Path(project)
    fingerprint = _fingerprint(project)
    existing = list_backups(project)
    if not note and existing and existing[0].fingerprint == fingerprint:
        return None
    folder = backup_folder(project)
    made = datetime.now()
    target = folder / f"{made:%Y%m%d-%H%M%S-%f}-{fingerprint}{'-' + note if note else ''}{SUFFIX}"
    partial = target.with_name(f".{target.name}.part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(_uri(project), uri=True)) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
        os.replace(partial, target)  # a backup that is listed is a complete one
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise ProjectFileError(f"{project.name}: no backup copy could be made in {folder} ({exc}).") from exc
    for old in list_backups(project)[keep:]:
        old.path.unlink(missing_ok=True)
    return Backup(target, made, target.stat().st_size, fingerprint, note)


def save_copy(project: str | Path, target: str | Path) -> Path:
    """Write a complete copy of ``project`` to ``target`` (File › Save a copy): the same documents, codes and
    codings with the same GUIDs, so that a colleague's work on the copy merges back without doubles.

    By SQLite's online backup API, consistent even while the project is open and written to; the copy appears only
    when complete. Refuses to write over the project itself; a failure leaves ``target`` as it was.
    """
    project, target = Path(project), Path(target)
    if target.suffix.lower() != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    if target.exists() and target.resolve() == project.resolve():
        raise ProjectFileError(f"{target.name} is the project itself; choose another name for the copy.")
    partial = target.with_name(f".{target.name}.part")
    try:
        partial.unlink(missing_ok=True)
        with closing(sqlite3.connect(_uri(project), uri=True)) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise ProjectFileError(f"No copy of {project.name} could be written to {target} ({exc}).") from exc
    return target


def restore_backup(project: str | Path, backup: str | Path, *, take_over: bool = False) -> Backup | None:
    """Bring ``backup`` back as ``project``; the current file is kept as a backup first (returned).

    The desktop app closes the project first, restores, then opens it again. Takes the project's lock, so a
    project open elsewhere is never replaced under someone's hands
    (ProjectLockedError). The backup is checked before anything is changed, and copied beside the project
    before it replaces it, so a failure at any point leaves the project as it was.
    """
    from app.models.locking import acquire_lock, held_here
    from app.models.project_file import check_file, roll_back_interrupted_change

    project, backup = Path(project), Path(backup)
    if held_here(project):  # its open connections would go on writing to the file that is replaced
        raise ProjectFileError(f"{project.name} is open; close it before bringing back a backup.")
    check_file(backup)  # a damaged backup is refused before the project is touched
    lock = acquire_lock(project, take_over=take_over) if project.exists() else None
    partial = project.with_name(f".{project.name}.restoring")
    try:
        kept = None
        if project.exists():
            roll_back_interrupted_change(project)  # a hot journal would otherwise be played onto the restored file
            kept = make_rolling_backup(project, keep=KEEP + 1, note="before-restore")
        partial.unlink(missing_ok=True)
        with closing(sqlite3.connect(_uri(backup), uri=True)) as source, closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
        os.replace(partial, project)
        return kept
    except (OSError, sqlite3.Error) as exc:
        raise ProjectFileError(f"{project.name}: the backup could not be brought back ({exc}); "
                               "the project was left as it was.") from exc
    finally:
        partial.unlink(missing_ok=True)
        if lock is not None:
            lock.release()


def _fingerprint(project: Path) -> str:
    digest = hashlib.sha256()
    try:
        with project.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError as exc:
        raise ProjectFileError(f"{project.name}: the file cannot be read ({exc.strerror}).") from exc
    return digest.hexdigest()[:16]


def _project_guid(project: Path) -> str:
    try:
        with closing(sqlite3.connect(_uri(project), uri=True)) as db:
            row = db.execute("SELECT guid FROM project WHERE id = 1").fetchone()
    except sqlite3.Error:
        row = None
    if row is None or not row[0]:
        raise ProjectFileError(f"{project.name}: this is not a FocusCoder project; it has no backups.")
    return re.sub(r"[^\w-]", "", str(row[0]))[:36]


def _uri(path: Path) -> str:
    return f"file:{quote(str(path.resolve()))}?mode=ro"
