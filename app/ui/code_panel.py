"""The code tree with its actions (new, rename, recolour, merge, delete) and, below it, the selected code's
category-system columns (definition, anchor example, coding rule) and its memo, one tab each."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.services.queries import CodeRow
from app.ui.code_tree import CodeTreeView
from app.services import queries
from app.ui.commands import AddCode, DeleteCode, MergeCodes, SetMemo, UpdateCode
from app.ui.context import ApplicationContext
from app.ui.icons import icon
from app.ui.vote_panel import VotePanel


class CodeEditor(QWidget):
    """Definition, anchor example and coding rule of one code; saved as one undo step."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.row: CodeRow | None = None
        self.definition = QPlainTextEdit()
        self.anchor_example = QPlainTextEdit()
        self.coding_rule = QPlainTextEdit()
        self.memo = QPlainTextEdit()
        self.memo_saved = ""
        # One field at a time, as tabs: four fields stacked took the left column, and the code tree above them
        # showed five codes at 1280x720. A tab whose field holds text says so (•).
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Narrow tabs, so that the four titles fit the left column in German too ("Ankerbeispiel •").
        self.tabs.tabBar().setStyleSheet("QTabBar::tab { padding: 3px 5px; }")
        for editor in (self.definition, self.anchor_example, self.coding_rule, self.memo):
            editor.setTabChangesFocus(True)
            editor.textChanged.connect(self._update_button)
            editor.textChanged.connect(self._mark_tabs)
            self.tabs.addTab(editor, "")  # its title: retranslate()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_code(None)

    def _titles(self) -> list[tuple[QPlainTextEdit, str]]:
        return [(self.definition, self.tr("Definition")), (self.anchor_example, self.tr("Anchor example")),
                (self.coding_rule, self.tr("Coding rule")), (self.memo, self.tr("Memo"))]

    def tab_title(self, editor: QPlainTextEdit) -> str:
        return self.tabs.tabText(self.tabs.indexOf(editor))

    def retranslate(self) -> None:
        """The titles in the current language (at start and when the language changes)."""
        self._mark_tabs()
        self.save_button.setText(self.tr("Save"))

    def _mark_tabs(self) -> None:
        for editor, title in self._titles():
            filled = bool(editor.toPlainText().strip())
            self.tabs.setTabText(self.tabs.indexOf(editor), f"{title} •" if filled else title)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_code(self, row: CodeRow | None) -> None:
        self.row = row
        for editor, value in self._fields():
            editor.blockSignals(True)
            editor.setPlainText("" if row is None else getattr(row, value))
            editor.blockSignals(False)
            editor.setEnabled(row is not None)
        project = self.context.project
        self.memo_saved = "" if row is None or project is None else queries.memo_text(project, code_id=row.id)
        self.memo.blockSignals(True)
        self.memo.setPlainText(self.memo_saved)
        self.memo.blockSignals(False)
        self.memo.setEnabled(row is not None)
        self._update_button()
        self._mark_tabs()

    def _fields(self) -> list[tuple[QPlainTextEdit, str]]:
        return [(self.definition, "definition"), (self.anchor_example, "anchor_example"), (self.coding_rule, "coding_rule")]

    def edited(self) -> dict[str, str]:
        if self.row is None:
            return {}
        return {name: editor.toPlainText() for editor, name in self._fields() if editor.toPlainText() != getattr(self.row, name)}

    def has_unsaved_edits(self) -> bool:
        return bool(self.edited()) or self.memo.toPlainText() != self.memo_saved

    def _update_button(self) -> None:
        self.save_button.setEnabled(bool(self.edited()) or self.memo.toPlainText() != self.memo_saved)

    def _keep_both(self, row: CodeRow, edited: dict[str, str]) -> None:
        """A save refused because someone else changed these columns meanwhile (a team project): while this code
        is still shown, each such field shows their text and the researcher's, to combine and save again."""
        project = self.context.project
        if project is None or self.row is None or self.row.id != row.id:
            return  # the editor moved on to another code
        fresh = next((code for code in queries.list_codes(project) if code.id == row.id), None)
        if fresh is None:
            return
        self.row = fresh
        both = self.tr("%1\n\n——— Your text, not saved yet ———\n%2")
        for editor, column in self._fields():
            theirs = getattr(fresh, column)
            if column in edited and theirs != getattr(row, column):
                editor.blockSignals(True)
                editor.setPlainText(both.replace("%1", theirs).replace("%2", edited[column]).lstrip("\n"))
                editor.blockSignals(False)
        self._update_button()

    def save(self) -> None:
        """Save the edited columns and the memo as one undo step."""
        self.saver()()

    def saver(self):  # noqa: ANN201
        """A function saving the edits as they are now (to run later, when the editor may show another code)."""
        row, edited, memo, memo_saved = self.row, self.edited(), self.memo.toPlainText(), self.memo_saved
        context = self.context

        def save() -> None:
            if row is None or (not edited and memo == memo_saved):
                return
            context.undo_stack.beginMacro(self.tr("Edit code “%1”").replace("%1", row.name))
            try:
                if edited:
                    shown = {column: getattr(row, column) for column in edited}  # what the writing began from
                    if not context.execute(UpdateCode(context, row.path, based_on=shown, **edited)):
                        self._keep_both(row, edited)
                if memo != memo_saved:
                    context.execute(SetMemo(context, memo, memo_saved, code=row.path))
            finally:
                context.undo_stack.endMacro()

        return save


class CodePanel(QWidget):
    sig_message = Signal(str)
    """A short note for the status bar."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tree = CodeTreeView(context)
        self.editor = CodeEditor(context)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(16, 16))
        self.new_action = self._action(self.new_code, QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_N))
        self.rename_action = self._action(self.rename_code, QKeySequence(Qt.Key.Key_F2))
        self.color_action = self._action(self.recolour_code)
        self.merge_action = self._action(self.merge_code)
        self.delete_action = self._action(self.delete_code, QKeySequence(QKeySequence.StandardKey.Delete))
        self.retranslate()
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for action, name in ((self.new_action, "new-code"), (self.rename_action, "rename"), (self.color_action, "colour"),
                             (self.merge_action, "merge"), (self.delete_action, "delete")):
            action.setIcon(icon(name))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tree.addActions([self.rename_action, self.delete_action])
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.addActions([self.new_action, self.color_action, self.merge_action])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.editor)
        self.votes = VotePanel(context)  # the dot vote's points, beside the tree they belong to
        splitter.addWidget(self.votes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter)
        self.tree.sig_codes_selected.connect(self._selection_changed)
        self._selection_changed([])

    def retranslate(self) -> None:
        """The toolbar's texts in the current language (at start and when the language changes)."""
        self.new_action.setText(self.tr("New"))
        self.rename_action.setText(self.tr("Rename"))
        self.color_action.setText(self.tr("Colour"))
        self.merge_action.setText(self.tr("Merge"))
        self.delete_action.setText(self.tr("Delete"))
        for action in self.toolbar.actions():  # the name (and shortcut) when only the icon shows
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text()} ({shortcut})" if shortcut else action.text())
        self._fit_toolbar()

    def _fit_toolbar(self) -> None:
        """Icons with their names when they fit, icons alone when not (German names are longer): Merge and Delete
        must not disappear behind the toolbar's overflow arrow."""
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        if self.toolbar.sizeHint().width() > self.width():
            self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._fit_toolbar()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _action(self, slot, shortcut: QKeySequence | None = None) -> QAction:  # noqa: ANN001
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda: slot())
        self.toolbar.addAction(action)
        return action

    def refresh(self) -> None:
        self.tree.refresh()
        current, editor = self.tree.current_row(), self.editor
        if current is not None and editor.row is not None and current.id == editor.row.id and editor.has_unsaved_edits():
            return  # keep what the researcher is typing; other changes (a coding elsewhere) must not wipe it
        editor.show_code(current)

    def _selection_changed(self, ids: list[int]) -> None:
        has_one = len(ids) == 1
        for action in (self.rename_action, self.color_action, self.merge_action, self.delete_action):
            action.setEnabled(bool(ids) if action is self.delete_action else has_one)
        current, editor = self.tree.current_row() if ids else None, self.editor
        if editor.row is not None and editor.has_unsaved_edits():
            if current is not None and current.id == editor.row.id:
                return  # the same code after a refresh: keep what is being typed
            # Another code was chosen: save the edits (once this selection change is over) rather than lose them.
            QTimer.singleShot(0, editor.saver())
        self.editor.show_code(self.tree.current_row() if ids else None)

    # --- actions; each argument is asked for when not given (tests hand it in) -------------------------------

    def new_code(self, path: str | None = None) -> bool:
        if path is None:
            parent = self.tree.current_row()
            prompt = self.tr("Name of the new code (Parent/Child for a sub-code):")
            suggestion = f"{parent.path}/" if parent is not None else ""
            path, ok = QInputDialog.getText(self, self.tr("New code"), prompt, text=suggestion)
            if not ok or not path.strip():
                return False
        done = self.context.execute(AddCode(self.context, path.strip()))
        if done:
            self.tree.select_code(next(r.id for r in self.tree.code_model.rows if r.path == path.strip()))
        return done

    def rename_code(self, new_name: str | None = None) -> bool:
        row = self.tree.current_row()
        if row is None:
            return False
        if new_name is None:
            index = self.tree.currentIndex().siblingAtColumn(0)
            self.tree.edit(index)
            return False
        from app.ui.commands import RenameCode

        return self.context.execute(RenameCode(self.context, row.path, new_name))

    def recolour_code(self, color: str | None = None) -> bool:
        row = self.tree.current_row()
        if row is None:
            return False
        if color is None:
            chosen = QColorDialog.getColor(QColor(row.color), self, self.tr("Colour of “%1”").replace("%1", row.name))
            if not chosen.isValid():
                return False
            color = chosen.name()
        return self.context.execute(UpdateCode(self.context, row.path, color=color.upper()))

    def merge_code(self, target: str | None = None) -> bool:
        row = self.tree.current_row()
        if row is None:
            return False
        if target is None:
            others = [r.path for r in self.tree.code_model.rows if r.id != row.id and not r.path.startswith(row.path + "/")]
            if not others:
                return False
            target, ok = QInputDialog.getItem(
                self, self.tr("Merge codes"),
                self.tr("Merge “%1” and its codings into:").replace("%1", row.path), others, 0, False,
            )
            if not ok:
                return False
        return self.context.execute(MergeCodes(self.context, row.path, target))

    def delete_code(self, confirm: bool = True) -> bool:
        rows = self.tree.selected_rows()
        if not rows:
            return False
        # A code whose parent is deleted too goes with it.
        rows = [r for r in rows if not any(r.path.startswith(o.path + "/") for o in rows)]
        codings = sum(r.codings for r in self.tree.code_model.rows if any(r.path == o.path or r.path.startswith(o.path + "/") for o in rows))
        if confirm:
            names = ", ".join(f"“{r.path}”" for r in rows)
            answer = QMessageBox.question(
                self, self.tr("Delete codes"),
                self.tr("Delete %1 with its sub-codes and %2 coding(s)? You can undo this.")
                .replace("%1", names).replace("%2", str(codings)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        stack = self.context.undo_stack
        if len(rows) > 1:
            stack.beginMacro(self.tr("Delete codes"))
        try:
            done = all([self.context.execute(DeleteCode(self.context, r.path)) for r in rows])
        finally:
            if len(rows) > 1:
                stack.endMacro()
        return done
