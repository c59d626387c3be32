"""Who has a project open for writing: a lock file beside it, ``PROJECT.fcproj.lock``.

SQLite's own locks last one transaction; they do not stop two FocusCoder windows (on this machine, or on two
machines sharing a network drive) from both changing the same project, each working from what it read earlier. So
a writable open takes this lock first, naming user, host, process and time; a second opener is told who has the
project open and can open it read-only, or take the lock over when its holder is gone.

A lock is stale when its holder is provably gone (same host, process no longer running) or, for another host,
when its heartbeat (the lock file's modification time, refreshed every ``HEARTBEAT_SECONDS`` while open) is older
than ``STALE_AFTER_SECONDS``: a machine that crashed or lost the network cannot remove its lock. The lock of the
same user's FocusCoder on this computer that crashed is taken over at once; any other stale lock only when the
opener chooses to (``take_over``).
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.models.errors import ProjectFileError

HEARTBEAT_SECONDS = 60.0
STALE_AFTER_SECONDS = 10 * 60.0
UNREADABLE_STALE_SECONDS = 5.0
LOCK_SUFFIX = ".lock"


class ProjectLockedError(ProjectFileError):
    """The project is open for writing elsewhere; ``holder`` says by whom, ``stale`` whether it may be taken over.

    A ProjectFileError, so every place that reports a file that cannot be opened reports this one too.
    """

    def __init__(self, path: Path, holder: LockHolder, *, stale: bool) -> None:
        self.path = path
        self.holder = holder
        self.stale = stale
        if stale:
            advice = "that FocusCoder is no longer running; the project can be opened read-only or its lock taken over"
        else:
            advice = "close it there, or open it read-only"
        super().__init__(f"{path.name} is open by {holder.describe()}; {advice}.")


@dataclass(frozen=True)
class LockHolder:
    """What a lock file says about the FocusCoder that holds it."""

    user: str
    host: str
    pid: int
    since: str  # ISO time, local to the holder
    token: str  # tells this open apart from any other, even in the same process after a take-over

    def describe(self) -> str:
        try:
            opened = datetime.fromisoformat(self.since)
            when = opened.strftime("%H:%M") if opened.date() == datetime.now().date() else opened.strftime("%Y-%m-%d %H:%M")
        except ValueError:
            when = self.since or "an unknown time"
        return f"{self.user or 'someone'} on {self.host or 'an unknown computer'} since {when}"

    @classmethod
    def me(cls) -> LockHolder:
        return cls(
            user=_user(), host=socket.gethostname(), pid=os.getpid(),
            since=datetime.now().isoformat(timespec="seconds"), token=uuid.uuid4().hex,
        )


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + LOCK_SUFFIX)


def read_holder(project: Path) -> LockHolder | None:
    """Who holds the project's lock, or None if nobody does. An unreadable lock file names an unknown holder."""
    try:
        raw = lock_path(project).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        raw = ""
    try:
        data = json.loads(raw)
        return LockHolder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]),
                          str(data["token"]))
    except (ValueError, KeyError, TypeError):
        # Half-written by a holder that died while taking it, or by another program: nobody runs under it.
        return LockHolder("", "", 0, "", "")


def is_stale(project: Path, holder: LockHolder, *, now: float | None = None) -> bool:
    if holder.host == socket.gethostname() and holder.pid:
        return not _process_alive(holder.pid)
    try:
        heartbeat = lock_path(project).stat().st_mtime
    except FileNotFoundError:
        return True
    age = (time.time() if now is None else now) - heartbeat
    if not holder.token:  # unreadable: a live holder writes its lock within milliseconds
        return age > UNREADABLE_STALE_SECONDS
    return age > STALE_AFTER_SECONDS


def held_here(project: Path) -> bool:
    """Whether this process has the project open for writing (a restore must wait until it is closed)."""
    with _registry_guard:
        return _key(project) in _registry


class ProjectLock:
    """The lock of one writable open; ``release()`` (on close) removes it if it is still ours.

    Opens of the same project within this process share one lock (the UI reopening its project, a test holding
    two handles): SQLite serialises their writes, the lock is about other processes.
    """

    def __init__(self, project: Path, holder: LockHolder) -> None:
        self.project = project
        self.holder = holder
        self.users = 1
        _heartbeat.add(self)

    @property
    def path(self) -> Path:
        return lock_path(self.project)

    def still_ours(self) -> bool:
        """False once someone else took the lock over (our process was thought gone): we must not write then."""
        found = read_holder(self.project)
        return found is not None and found.token == self.holder.token

    def beat(self) -> bool:
        """Refresh the lock's modification time; False once it is no longer ours (then it is not beaten again)."""
        if not self.still_ours():
            return False
        try:
            os.utime(self.path)
        except OSError:
            pass  # a network drive that is away for a moment; the next beat tries again
        return True

    def release(self) -> None:
        with _registry_guard:
            self.users -= 1
            if self.users > 0:
                return
            if _registry.get(_key(self.project)) is self:
                del _registry[_key(self.project)]
        _heartbeat.discard(self)
        if self.still_ours():
            self.path.unlink(missing_ok=True)


class _Heartbeat:
    """One thread beats every lock this process holds, at least every ``HEARTBEAT_SECONDS``.

    A thread per lock was started at each open and woken at each close; on a busy machine the opener then waited
    for it to be scheduled (creating a small project: 11 -> up to 18 ms). This thread is started once and sleeps.
    """

    def __init__(self) -> None:
        self._locks: set[ProjectLock] = set()
        self._guard = threading.Lock()
        self._sooner = threading.Event()  # set when HEARTBEAT_SECONDS became shorter than the wait (tests)
        self._interval = HEARTBEAT_SECONDS
        self._thread: threading.Thread | None = None

    def add(self, lock: ProjectLock) -> None:
        with self._guard:
            self._locks.add(lock)
            if self._thread is None:
                self._interval = HEARTBEAT_SECONDS
                self._thread = threading.Thread(target=self._run, name="project locks", daemon=True)
                self._thread.start()
            elif HEARTBEAT_SECONDS < self._interval:
                self._interval = HEARTBEAT_SECONDS
                self._sooner.set()

    def discard(self, lock: ProjectLock) -> None:
        with self._guard:
            self._locks.discard(lock)

    def _run(self) -> None:
        while True:
            if self._sooner.wait(self._interval):
                self._sooner.clear()  # wait again, with the shorter interval
                continue
            with self._guard:
                self._interval = HEARTBEAT_SECONDS
                locks = list(self._locks)
            for lock in locks:
                if not lock.beat():
                    self.discard(lock)


_heartbeat = _Heartbeat()
_registry: dict[str, ProjectLock] = {}
_registry_guard = threading.Lock()


def _key(project: Path) -> str:
    return os.path.normcase(str(project.resolve()))


def acquire_lock(project: Path, *, take_over: bool = False) -> ProjectLock:
    """Take the project's lock, or raise ProjectLockedError naming who has it.

    ``take_over`` replaces a stale lock (only a stale one: a live holder is never overridden).
    """
    with _registry_guard:
        shared = _registry.get(_key(project))
        if shared is not None and shared.still_ours():
            shared.users += 1
            return shared
        lock = _acquire(project, take_over=take_over)
        _registry[_key(project)] = lock
        return lock


def _acquire(project: Path, *, take_over: bool) -> ProjectLock:
    me = LockHolder.me()
    for _attempt in range(3):
        if _create_exclusive(lock_path(project), me):
            return ProjectLock(project, me)
        holder = read_holder(project)
        if holder is None:
            continue  # released between our try and our look: try again
        stale = is_stale(project, holder)
        if not (stale and (take_over or _my_crashed_session(holder))):
            raise ProjectLockedError(project, holder, stale=stale)
        # Write our lock under a temporary name and move it over the stale one, so a reader never sees half.
        partial = lock_path(project).with_name(f".{lock_path(project).name}.{me.token}")
        _write(partial, me, exclusive=True)
        os.replace(partial, lock_path(project))
        if read_holder(project) == me:  # two openers taking over at once: the last rename wins
            return ProjectLock(project, me)
    holder = read_holder(project) or LockHolder("", "", 0, "", "")
    raise ProjectLockedError(project, holder, stale=False)


def _my_crashed_session(holder: LockHolder) -> bool:
    """The same user on this computer, whose FocusCoder is gone (it crashed or was killed): there is nobody to
    ask, so the lock is taken over without a question. Anyone else's stale lock is the researcher's choice."""
    return holder.host == socket.gethostname() and holder.user == _user() and holder.pid > 0 \
        and not _process_alive(holder.pid)


def _create_exclusive(path: Path, holder: LockHolder) -> bool:
    try:
        _write(path, holder, exclusive=True)
    except FileExistsError:
        return False
    return True


def _write(path: Path, holder: LockHolder, *, exclusive: bool) -> None:
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    descriptor = os.open(path, flags, 0o644)
    try:
        data = json.dumps(holder.__dict__, ensure_ascii=False).encode("utf-8")
        os.write(descriptor, data)
        os.fsync(descriptor)
    except BaseException:
        os.close(descriptor)
        path.unlink(missing_ok=True)
        raise
    os.close(descriptor)


def _process_alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl+C there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return False
    # A zombie (killed, not yet reaped by its parent) holds nothing any more.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return True


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USERNAME", "")
