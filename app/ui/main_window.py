"""The main window: documents and the code tree on the left, the transcript in the centre, the retrieved
segments below it; menus, shortcuts, recent projects, and a layout that is remembered."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.models.team import TeamProject, is_team_location
from app.services import ChangeSet, queries
from app.ui.code_panel import CodePanel
from app.ui.coder_filter import CoderFilter
from app.ui.coding import CodingActions
from app.ui.context import ApplicationContext
from app.ui.documents import DocumentBrowser
from app.ui.exchange import ExchangeActions
from app.ui.find_bar import FindBar
from app.ui.icons import icon
from app.ui.indexing import IndexProgress
from app.ui.memo_editor import MemoEditor
from app.ui.project_life import PROJECT_FILTER, WelcomePage, create_new_project, dropped_project, save_copy
from app.ui.reports_dock import ReportsDock
from app.ui.search_dock import SearchDock
from app.ui.segments import SegmentPanel
from app.ui.speakers import SpeakerPanel
from app.ui.settings import LANGUAGE, RECENT_PROJECTS
from app.ui.team_status import TeamStatus
from app.ui.transcript_view import TranscriptView
from app.ui.translations import switch_language

APP_TITLE = "FocusCoder"


def titled(title: str, widget: QWidget) -> QWidget:
    """A panel with a bold caption above it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    caption = QLabel(f"<b>{title}</b>")
    caption.setContentsMargins(4, 4, 4, 0)
    layout.addWidget(caption)
    layout.addWidget(widget)
    box.caption = caption  # type: ignore[attr-defined]
    return box


class MainWindow(QMainWindow):
    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self._project_name = ""  # as last read (_update_title)
        self.setObjectName("MainWindow")
        self.documents = DocumentBrowser(context)
        self.codes = CodePanel(context)
        self.transcript = TranscriptView()
        self.find_bar = FindBar(self.transcript)
        self.segments = SegmentPanel(context)
        self.speakers = SpeakerPanel(context)
        self.coding = CodingActions(context, self.transcript, self.codes.tree, self)
        self.search_dock = SearchDock(context, self)
        self.search_panel = self.search_dock.panel
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_dock)
        self.reports_dock = ReportsDock(context, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.reports_dock)
        self.exchange = ExchangeActions(context, self)
        self.coder_filter = CoderFilter(context, self.transcript, self, segments=self.segments)
        self._build_layout()
        self._build_menus()
        self.index_progress = IndexProgress(context.indexer)  # the language index built after an import
        self.statusBar().addPermanentWidget(self.index_progress)
        self.coder_button = QToolButton()  # who is coding, always in sight; a click switches
        self.coder_button.setAutoRaise(True)
        self.coder_button.clicked.connect(self.choose_coder)
        self.statusBar().addPermanentWidget(self.coder_button)
        self._show_coder()
        self.team_status = TeamStatus(context, self)  # connected or offline, and who else works in the project
        self.statusBar().addPermanentWidget(self.team_status)
        context.indexer.sig_failed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.search_dock.keywords.follow(self.codes.tree)
        self.setAcceptDrops(True)
        self.documents.sig_document_selected.connect(self.open_document)
        self.codes.tree.sig_codes_selected.connect(self.segments.show_codes)
        self.segments.sig_jump.connect(self.show_passage)
        self.search_panel.sig_jump.connect(self.show_passage)
        self.coding.sig_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.exchange.sig_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.coder_filter.sig_coders_changed.connect(self._update_caption)
        self.coder_filter.sig_coders_changed.connect(
            lambda: self.reports_dock.view.show_coders(self.coder_filter.shown())
        )
        context.sig_project_opened.connect(self.reload)
        context.sig_project_changed.connect(self.refresh)
        context.sig_error.connect(self.show_error)
        context.sig_team_connection.connect(self._team_connection)
        context.undo_stack.indexChanged.connect(self._update_title)
        self._restore_layout()
        self.reload()

    # --- layout ----------------------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_tabs = QTabWidget()
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.addTab(self.documents, self.tr("Documents"))
        self.left_tabs.addTab(self.speakers, self.tr("Speakers"))
        self.left_splitter.addWidget(self.left_tabs)
        self.codes_box = titled(self.tr("Codes"), self.codes)
        self.left_splitter.addWidget(self.codes_box)
        self.left_splitter.setStretchFactor(0, 1)
        self.left_splitter.setStretchFactor(1, 3)
        reader = QWidget()
        layout = QVBoxLayout(reader)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.document_caption = QLabel()
        self.document_caption.setContentsMargins(6, 4, 4, 4)
        layout.addWidget(self.document_caption)
        layout.addWidget(self.transcript)
        layout.addWidget(self.find_bar)
        self.centre_splitter = QSplitter(Qt.Orientation.Vertical)
        self.centre_splitter.addWidget(reader)
        self.centre_splitter.addWidget(self.segments)
        self.centre_splitter.setStretchFactor(0, 3)
        self.centre_splitter.setStretchFactor(1, 1)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.centre_splitter)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 3)
        # While no project is open the window shows the welcome page (project_life.py) instead of the coding screen.
        self.welcome = WelcomePage(self.context)
        self.welcome.sig_new.connect(self.new_project)
        self.welcome.sig_open.connect(self.choose_project)
        self.welcome.sig_sample.connect(self.open_sample)
        self.welcome.sig_import_exchange.connect(self.new_project_from_exchange)
        self.welcome.sig_open_recent.connect(self.open_project)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.main_splitter)
        self.setCentralWidget(self.pages)
        self.resize(1400, 900)
        self.main_splitter.setSizes([380, 1020])
        self.centre_splitter.setSizes([620, 280])
        self.left_splitter.setSizes([220, 680])

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.main_splitter, "left": self.left_splitter, "centre": self.centre_splitter}

    def _restore_layout(self) -> None:
        settings = self.context.settings
        settings.restore_geometry("main_window", self)
        for name, splitter in self._splitters().items():
            settings.restore_splitter(name, splitter)

    def save_layout(self) -> None:
        settings = self.context.settings
        settings.save_geometry("main_window", self)
        for name, splitter in self._splitters().items():
            settings.save_splitter(name, splitter)
        settings.sync()

    # --- menus -----------------------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        self._menu_objects.append(action)
        return action

    def _build_menus(self) -> None:
        """The menu bar; built again in the new language when it changes (the window's own actions with it)."""
        self._menu_objects: list = []
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&New project…"), self.new_project, QKeySequence.StandardKey.New))
        file_menu.addAction(self._action(self.tr("&Open project…"), self.choose_project, QKeySequence.StandardKey.Open))
        file_menu.addAction(self._action(self.tr("Open &team project…"), self.choose_team_project, "Ctrl+Shift+O"))
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self._action(self.tr("Open the &sample project"), self.open_sample))
        self.save_copy_action = self._action(self.tr("Save a &copy…"), self.save_copy, "Ctrl+Shift+S")
        self.close_action = self._action(self.tr("&Close project"), self.close_project, QKeySequence.StandardKey.Close)
        file_menu.addActions([self.save_copy_action, self.close_action])
        file_menu.addSeparator()
        self.import_action = self._action(self.tr("&Import documents…"), self.choose_documents, "Ctrl+I")
        self.import_action.setIcon(icon("import"))
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addActions(self.exchange.actions)
        self.export_report_action = self._action(self.tr("&Export report…"), self.reports_dock.open_export, "Ctrl+Shift+E")
        file_menu.addAction(self.export_report_action)
        file_menu.addAction(self._action(self.tr("&Study details…"), self.edit_study))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Restore a &backup…"), self.choose_backup))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))

        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        undo = self.context.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.context.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.undo_action, self.redo_action = undo, redo
        undo.setIcon(icon("undo"))
        redo.setIcon(icon("redo"))
        self._menu_objects += [undo, redo]
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(self.tr("&Find in document"), self.find_bar.open_bar, QKeySequence.StandardKey.Find))
        edit_menu.addAction(self._action(self.tr("Find &next"), self.find_bar.find, QKeySequence.StandardKey.FindNext))
        edit_menu.addAction(self._action(self.tr("&Search the project…"), self.search_dock.open_search, "Ctrl+Shift+F"))
        self.memos_action = self._action(self.tr("&Memos…"), self.open_memos, "Ctrl+Shift+M")
        self.memos_action.setIcon(icon("memo"))
        edit_menu.addAction(self.memos_action)

        code_menu = menu_bar.addMenu(self.tr("&Coding"))
        for action in (
            self.coding.apply_action, self.coding.turn_action, self.coding.sentence_action, self.coding.in_vivo_action,
            self.coding.remove_action,
        ):
            self.addAction(action)
            code_menu.addAction(action)
        recent = code_menu.addMenu(self.tr("Code with &recent code"))
        for action in self.coding.recent_actions:
            self.addAction(action)
            recent.addAction(action)
        code_menu.addSeparator()
        for action in self.codes.toolbar.actions():
            code_menu.addAction(action)
        code_menu.addSeparator()
        code_menu.addAction(self._action(self.tr("Current c&oder…"), self.choose_coder))

        view_menu = menu_bar.addMenu(self.tr("&View"))
        for title, widget in (
            (self.tr("&Documents and codes"), self.left_splitter),
            (self.tr("Retrieved &segments"), self.segments),
            (self.tr("Code &definitions"), self.codes.editor),
        ):
            toggle = QAction(title, self, checkable=True, checked=not widget.isHidden())
            toggle.toggled.connect(widget.setVisible)
            view_menu.addAction(toggle)
            self._menu_objects.append(toggle)
        view_menu.addAction(self.search_dock.toggleViewAction())
        view_menu.addAction(self.reports_dock.toggleViewAction())
        view_menu.addMenu(self.coder_filter.menu)
        view_menu.addSeparator()
        self._build_language_menu(view_menu.addMenu(self.tr("&Language")))
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("&Larger text"), lambda: self._zoom(1), QKeySequence.StandardKey.ZoomIn))
        view_menu.addAction(self._action(self.tr("&Smaller text"), lambda: self._zoom(-1), QKeySequence.StandardKey.ZoomOut))

    def _build_language_menu(self, menu) -> None:  # noqa: ANN001
        group = QActionGroup(self)
        self._menu_objects.append(group)
        chosen = self.context.settings.get(LANGUAGE)
        for code, name in (("", self.tr("System language")), ("en", "English"), ("de", "Deutsch")):
            action = QAction(name, self, checkable=True, checked=code == chosen)
            action.triggered.connect(lambda *_, c=code: self.choose_language(c))
            group.addAction(action)
            menu.addAction(action)
            self._menu_objects.append(action)

    def choose_language(self, code: str) -> None:
        """Speak ``code`` ("" the system's language) from now on, and at the next start."""
        if code != self.context.settings.get(LANGUAGE):
            self.context.settings.set(LANGUAGE, code)
            switch_language(code)  # the LanguageChange events rebuild the menus and retranslate the panels

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_menu_objects"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set the window's texts again in the current language (the panels do theirs in their changeEvent)."""
        self.left_tabs.setTabText(self.left_tabs.indexOf(self.documents), self.tr("Documents"))
        self.left_tabs.setTabText(self.left_tabs.indexOf(self.speakers), self.tr("Speakers"))
        self.codes_box.caption.setText(f"<b>{self.tr('Codes')}</b>")
        for helper in (self.coding, self.exchange, self.coder_filter):
            helper.retranslate()
        menu_bar = self.menuBar()
        for action in self._menu_objects:
            if isinstance(action, QAction):
                self.removeAction(action)
                action.setShortcuts([])  # until it is deleted, its shortcut must not compete with the new one's
            action.deleteLater()
        for menu in [action.menu() for action in menu_bar.actions()]:
            menu.deleteLater()
        menu_bar.clear()
        self._build_menus()
        self._enable_project_actions()
        # Item views show their models' headers: ask for them again, in the new language.
        for view in self.findChildren(QAbstractItemView):
            header = view.header() if isinstance(view, QTreeView) else getattr(view, "horizontalHeader", lambda: None)()
            if header is not None and view.model() is not None and header.count() > 0:
                view.model().headerDataChanged.emit(Qt.Orientation.Horizontal, 0, header.count() - 1)
        self._update_caption()
        self._update_title()
        self._show_coder()

    def _zoom(self, step: int) -> None:
        (self.transcript.zoomIn if step > 0 else self.transcript.zoomOut)(1)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.context.settings.get(RECENT_PROJECTS):
            action = self.recent_menu.addAction(path if is_team_location(path) else Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda *_, p=path: self.open_project(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # --- project and documents -------------------------------------------------------------------------------

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "", PROJECT_FILTER)
        if path:
            self.open_project(path)

    def new_project(self) -> bool:
        return create_new_project(self, self.context)

    def open_sample(self) -> bool:
        from app.sample_project import ensure_sample_project

        return self.open_project(ensure_sample_project())

    def new_project_from_exchange(self) -> None:
        from app.ui.exchange import EXCHANGE_FILTER

        path, _ = QFileDialog.getOpenFileName(self, self.tr("New project from REFI-QDA"), "", EXCHANGE_FILTER)
        if path:
            self.exchange.import_as_new_project(path)

    def save_copy(self) -> Path | None:
        return save_copy(self, self.context)

    def close_project(self) -> None:
        """Close the project (everything is saved already) and show the welcome page."""
        self.context.close_project()

    def _team_connection(self, connected: bool) -> None:
        """Say when colleagues' changes cannot arrive (the message stays until the server is back)."""
        if connected:
            self.statusBar().showMessage(self.tr("The team server can be reached again; the view is up to date."), 8000)
        else:
            self.statusBar().showMessage(self.tr(
                "Offline, reconnecting: the team server cannot be reached. Changes are not taken until it is back; "
                "colleagues' changes will appear then."
            ))

    def choose_team_project(self) -> None:
        """Ask for a team project's address; the last one is offered again."""
        last = next((p for p in self.context.settings.get(RECENT_PROJECTS) if is_team_location(p)), "postgresql://")
        location, ok = QInputDialog.getText(
            self, self.tr("Open team project"),
            self.tr("Address of the team project (postgresql://user@server/database; the password is asked for "
                    "when needed and never stored):"), text=last,
        )
        if ok and location.strip():
            self.open_project(location.strip())

    def open_project(self, path: str | Path) -> bool:
        """Open a project; asks what to do when another FocusCoder has it open (``open_project.py``)."""
        from app.ui.open_project import open_with_choices

        return open_with_choices(self, self.context, path, show_error=self.show_error,
                                 show_message=lambda text: self.statusBar().showMessage(text, 15000))

    def edit_study(self) -> None:
        """The study's details for the report's methods section."""
        if self.context.project is None:
            return
        from app.ui.study_dialog import StudyDialog

        StudyDialog(self.context, self).exec()

    def choose_backup(self) -> None:
        from app.ui.backups_dialog import restore_from_backup

        restore_from_backup(self, self.context)

    def choose_documents(self) -> None:
        from app.ui.import_documents import import_with_preview

        import_with_preview(self, self.context)

    def reload(self) -> None:
        """Show the (newly) opened project from scratch."""
        self.transcript.show_document(None, self.codes.tree.code_model.look())
        self.codes.refresh()
        self.documents.refresh()
        self.speakers.refresh()
        self.segments.reload_filters()
        self.segments.show_codes(self.codes.tree.selected_ids())
        self._enable_project_actions()
        self.pages.setCurrentWidget(self.main_splitter if self.context.project is not None else self.welcome)
        if self.context.project is None:
            self.welcome.refresh()
        self._update_title()  # the project's name, before a document's is added to it
        self.open_first_document()
        self._update_caption()

    def _enable_project_actions(self) -> None:
        has_project = self.context.project is not None
        for action in (self.import_action, self.save_copy_action, self.close_action, self.export_report_action):
            action.setEnabled(has_project)

    def open_document(self, document_id: int) -> None:
        project = self.context.project
        if project is None:
            return
        content = queries.document_content(project, document_id)
        self.transcript.show_document(content, self.codes.tree.code_model.look())
        if content is not None:
            self.documents.select_document(content.id, quietly=True)
        self._show_title()
        self._update_caption()

    def open_first_document(self) -> bool:
        rows = self.documents.document_model.rows
        if not rows:
            return False
        self.open_document(rows[0].id)
        return True

    def prepare_screenshot(self) -> None:
        """Show a coding screen at work: the most used code's segments, the transcript where codings begin."""
        rows = self.codes.tree.code_model.rows
        if rows:
            busiest = max(rows, key=lambda row: row.codings)
            self.codes.tree.select_code(busiest.id)
        layer = self.transcript.layer
        if layer is not None and layer.count:
            # Start where codings are densest: most of them begin within the next 2,000 characters.
            starts = [coding.start for coding in layer.live()]
            densest = max(range(len(starts)), key=lambda i: bisect_left(starts, starts[i] + 2000) - i)
            text = self.transcript.content.text
            line_start = text.rfind("\n", 0, starts[densest]) + 1
            self.transcript.select_span(line_start, line_start)
            bar = self.transcript.verticalScrollBar()
            bar.setValue(self.transcript.document().findBlock(self.transcript.positions.to_utf16(line_start)).firstLineNumber())

    def open_memos(self) -> MemoEditor:
        """The memo editor on the project, the current document, the codes, the speakers (the one chosen in the
        speakers panel shown) and the codings with memos or under the cursor."""
        speaker = self.speakers.current()
        previous = getattr(self, "memo_editor", None)
        if previous is not None and shiboken6.isValid(previous):
            previous.close()  # saves its edits; the new one shows the document now open
        at_cursor = [coding.id for coding in self.transcript.codings_at_cursor()]
        self.memo_editor = MemoEditor(
            self.context, document=self.transcript.document_name, speaker=speaker and speaker.name,
            codings=at_cursor, parent=self,
        )
        self.memo_editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.memo_editor.show()
        return self.memo_editor

    def show_passage(self, document_id: int, start: int, end: int) -> None:
        if self.transcript.document_id != document_id:
            self.open_document(document_id)
        self.transcript.select_span(start, end)
        self.transcript.setFocus()

    def refresh(self, changes: ChangeSet) -> None:
        """Bring every panel up to date after a change."""
        kinds = {ref.kind for ref in (*changes.created, *changes.updated, *changes.deleted)}
        if kinds & {"code", "coding"}:
            self.codes.refresh()
        elif "memo" in kinds:
            self.codes.editor.show_code(self.codes.tree.current_row())
        if kinds & {"document", "speaker", "coding"}:
            self.documents.refresh()
        if kinds & {"document", "speaker"}:
            self.segments.reload_filters()
        if kinds & {"document", "speaker", "attribute"}:
            self.speakers.refresh()
        document_id = self.transcript.document_id
        if document_id is not None and self.context.project is not None:
            if ("document", document_id) in {(r.kind, r.id) for r in changes.deleted}:
                self.transcript.show_document(None, self.codes.tree.code_model.look())
            elif ("document", document_id) in {(r.kind, r.id) for r in changes.updated}:
                self.open_document(document_id)  # renamed: its name in the title and caption
            elif kinds == {"coding"} and not changes.updated and self.transcript.layer is not None:
                self._update_codings(document_id, changes)  # the common case: a coding added or removed
            elif kinds & {"code", "coding"}:
                codings = queries.document_codings(self.context.project, document_id)
                self.transcript.show_codings(codings, self.codes.tree.code_model.look())
        if kinds & {"code", "coding", "speaker"}:
            self.segments.show_codes(self.codes.tree.selected_ids())
        self._update_caption()

    def _update_codings(self, document_id: int, changes: ChangeSet) -> None:
        """Bring only the added and removed codings to the transcript, not all of the document's again."""
        added = queries.document_codings_by_id(self.context.project, document_id, changes.ids("coding"))
        self.transcript.update_codings(added, set(changes.ids("coding", of="deleted")))

    def choose_coder(self) -> None:
        """Ask who is coding; the status bar says who it is now."""
        from app.ui.coder_choice import choose_coder

        name = choose_coder(self.context, self)
        if name is not None:
            self.statusBar().showMessage(self.tr("Coding as %1").replace("%1", name), 8000)
        self._show_coder()

    def _show_coder(self) -> None:
        self.coder_button.setText(self.tr("Coder: %1").replace("%1", self.context.coder))
        self.coder_button.setToolTip(self.tr("Every coding you make records this name. Click to switch."))

    def _update_caption(self) -> None:
        content = self.transcript.content
        if content is None:
            self.document_caption.setText(self.tr("<i>Choose a document on the left to read and code it.</i>"))
            return
        codings = self.transcript.layer.count if self.transcript.layer else 0
        speakers = len({t.speaker_id for t in content.turns if t.speaker_id is not None})
        self.document_caption.setText(
            self.tr("<b>%1</b> — %2 turns, %3 speakers, %4 codings")
            .replace("%1", content.name).replace("%2", str(len(content.turns)))
            .replace("%3", str(speakers)).replace("%4", str(codings))
        )

    def _update_title(self, *_args: object) -> None:
        """The title with the project's name read again (on opening, on every undo step)."""
        project = self.context.project
        self._project_name = queries.project_name(project) if project is not None else ""
        self._show_title()

    def _show_title(self) -> None:
        """The title with the project's name as last read: opening a document must not wait for a query."""
        project = self.context.project
        if project is None:
            self.setWindowTitle(APP_TITLE)
            return
        parts = [self._project_name]
        if self.transcript.document_name:
            parts.append(self.transcript.document_name)
        parts.append(APP_TITLE)
        if isinstance(project, TeamProject):
            parts.insert(1, self.tr("team project on %1").replace("%1", project.url.host or "localhost"))
        read_only = self.tr(" (read-only)") if project.read_only else ""
        self.setWindowTitle(" — ".join(parts) + read_only)

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        if self.isVisible():  # not modal: a refused change must not block the window (or a test)
            box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, message, QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def dragEnterEvent(self, event) -> None:  # noqa: N802, ANN001 - files dropped on the window
        from app.ui.import_documents import transcript_paths

        if dropped_project(event.mimeData()) or (self.context.project is not None and transcript_paths(event.mimeData())):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802, ANN001
        """A project (.fcproj) is opened, a REFI-QDA file (.qdpx) becomes a new project, transcripts are imported."""
        from app.ui.import_documents import import_with_preview, transcript_paths

        project = dropped_project(event.mimeData())
        if project is not None:
            event.acceptProposedAction()
            if project.suffix.lower() == ".fcproj":
                self.open_project(project)
            else:
                self.exchange.import_as_new_project(str(project))
            return
        paths = transcript_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            import_with_preview(self, self.context, paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_layout()
        super().closeEvent(event)

