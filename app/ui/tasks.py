"""Background work: plain functions taking a ``TaskState`` run one at a time on a worker thread.

One worker keeps SQLite writes serialised. Progress, the result and any error arrive on the GUI thread through
the ``Task``'s signals (emitted from the worker, delivered queued to receivers living in the GUI thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal


class Cancelled(Exception):
    """Raised inside a task by ``TaskState.check()`` once the user cancelled it."""


class TaskState:
    """What a running function sees: report progress, ask whether it was cancelled."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, fraction: float, message: str = "") -> None:
        self._task.sig_progress.emit(max(0.0, min(1.0, fraction)), message)


class Task(QObject):
    """One submitted piece of work; lives in the GUI thread."""

    sig_progress = Signal(float, str)
    """Progress (0..1) and what is being done."""
    sig_finished = Signal(object)
    """The function's result."""
    sig_failed = Signal(object)
    """The exception the function raised."""
    sig_cancelled = Signal()
    """The task stopped because it was cancelled."""
    sig_done = Signal()
    """Emitted last, however the task ended."""

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.state = TaskState(self)
        self.running = True

    def cancel(self) -> None:
        self.state._cancel.set()


class TaskRunner(QObject):
    """A single-worker pool for long work (loading, importing), one task after another."""

    sig_busy_changed = Signal(bool)
    """True while a task runs or waits."""
    _sig_task_done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="focuscoder-task")
        self._pending: set[Task] = set()
        self._sig_task_done.connect(self._finish)  # a bound method of a GUI-thread object: delivered queued

    def submit(self, title: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """Run ``function(state, *args, **kwargs)`` in the background; connect to the Task's signals.

        The work starts once control is back in the event loop, so signals connected right after this call
        never miss the end of a quick task.
        """
        task = Task(title, self)
        self._pending.add(task)
        if len(self._pending) == 1:
            self.sig_busy_changed.emit(True)

        def work() -> None:
            try:
                task.state.check()
                result = function(task.state, *args, **kwargs)
            except Cancelled:
                task.sig_cancelled.emit()
            except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, shown there
                task.sig_failed.emit(exc)
            else:
                if task.state.cancelled:
                    task.sig_cancelled.emit()
                else:
                    task.sig_finished.emit(result)
            task.sig_done.emit()
            self._sig_task_done.emit(task)

        QTimer.singleShot(0, self, lambda: self._pool.submit(work))
        return task

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _finish(self, task: Task) -> None:
        task.running = False
        self._pending.discard(task)
        if not self._pending:
            self.sig_busy_changed.emit(False)
        task.deleteLater()

    def shutdown(self) -> None:
        for task in list(self._pending):
            task.cancel()
        self._pool.shutdown(wait=True)
