"""Show or hide each coder's codings in the transcript and the retrieved segments (a View submenu).

The transcript keeps the hidden coders (``TranscriptView.hidden_coders``), so every later refresh of its codings
leaves them out too; changing the choice reads the document's codings of the coders shown again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from app.services.coder_view import codings_of, list_coders
from app.ui.context import ApplicationContext
from app.ui.segments import SegmentPanel
from app.ui.transcript_view import TranscriptView


class CoderFilter(QObject):
    sig_coders_changed = Signal()
    """The set of coders shown changed."""

    def __init__(
        self, context: ApplicationContext, transcript: TranscriptView, parent: QWidget,
        segments: SegmentPanel | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.transcript = transcript
        self.segments = segments
        self.menu = QMenu(parent)
        self.retranslate()
        self.menu.aboutToShow.connect(self.fill_menu)
        context.sig_project_opened.connect(self.reset)

    def retranslate(self) -> None:
        """The menu's title in the current language; its entries are made each time it opens."""
        self.menu.setTitle(self.tr("Show &coders"))

    def coders(self) -> list[str]:
        project = self.context.project
        return [] if project is None else [row.name for row in list_coders(project)]

    def fill_menu(self) -> None:
        self.menu.clear()
        project = self.context.project
        rows = [] if project is None else list_coders(project)
        for row in rows:
            action = self.menu.addAction(self.tr("%1 (%2 codings)").replace("%1", row.name).replace("%2", str(row.codings)))
            action.setCheckable(True)
            action.setChecked(row.name not in self.transcript.hidden_coders)
            action.setData(row.name)
            action.toggled.connect(lambda shown, name=row.name: self.set_shown(name, shown))
        if not rows:
            self.menu.addAction(self.tr("(no coders yet)")).setEnabled(False)
            return
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Show &all coders"), lambda: self.show_only(None))

    def set_shown(self, coder: str, shown: bool) -> None:
        hidden = set(self.transcript.hidden_coders)
        (hidden.discard if shown else hidden.add)(coder)
        self._apply(hidden)

    def shown(self) -> list[str] | None:
        """The coders whose codings are shown; None when everyone's are."""
        hidden = self.transcript.hidden_coders
        return None if not hidden else [name for name in self.coders() if name not in hidden]

    def show_only(self, coders: list[str] | None) -> None:
        """Show just ``coders`` (names); None shows everyone's codings."""
        self._apply(set() if coders is None else set(self.coders()) - set(coders))

    def reset(self) -> None:
        self.transcript.hidden_coders = set()
        if self.segments is not None:
            self.segments.coders = None
        self.sig_coders_changed.emit()  # a newly opened project shows everyone's codings again

    def _apply(self, hidden: set[str]) -> None:
        if hidden == self.transcript.hidden_coders:
            return
        self.transcript.hidden_coders = hidden
        project, document_id = self.context.project, self.transcript.document_id
        if project is not None and document_id is not None:
            shown = None if not hidden else [name for name in self.coders() if name not in hidden]
            self.transcript.show_codings(codings_of(project, document_id, coders=shown), self.transcript.look)
        if self.segments is not None:
            self.segments.coders = None if not hidden else [name for name in self.coders() if name not in hidden]
            self.segments.refresh()
        self.sig_coders_changed.emit()
