"""Coding in the transcript view: apply a code to the selection (from the tree, by dropping a code, by a recent
code's shortcut), create a code from the selection ("in vivo"), code the turn or the sentence under the cursor,
remove codings."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from app.services.lookup import PATH_SEPARATOR
from app.ui.code_tree import CodeTreeView
from app.services import queries
from app.ui.commands import AddCode, ApplyCode, RemoveCodings, SetMemo, UpdateCoding
from app.ui.context import ApplicationContext
from app.ui.sentences import indexed_sentences, sentence_span
from app.ui.transcript_view import TranscriptView

IN_VIVO_MAX = 60


def in_vivo_name(passage: str, taken: set[str]) -> str:
    """A code name from a quoted passage: its words on one line, shortened, without the path separator."""
    name = " ".join(passage.replace(PATH_SEPARATOR, "-").split())
    if len(name) > IN_VIVO_MAX:
        name = name[: IN_VIVO_MAX - 1].rstrip() + "…"
    name = f"“{name}”"
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name} ({number})", number + 1
    return candidate


class CodingActions(QObject):
    sig_message = Signal(str)
    """A short note for the status bar (e.g. "select a passage first")."""

    def __init__(self, context: ApplicationContext, view: TranscriptView, tree: CodeTreeView, parent: QWidget) -> None:
        super().__init__(parent)
        self.context, self.view, self.tree = context, view, tree
        self.apply_action = self._action(self.apply_current, "Ctrl+E")
        self.turn_action = self._action(self.code_turn, "Ctrl+T")
        self.sentence_action = self._action(self.code_sentence, "Ctrl+Shift+T")
        self.in_vivo_action = self._action(self.in_vivo, "Ctrl+Shift+I")
        self.remove_action = self._action(self.remove_at_cursor, "Ctrl+Shift+R")
        self.recent_actions = []
        for number in range(1, 10):
            action = self._action(lambda n=number: self.apply_recent(n - 1), f"Ctrl+{number}")
            self.recent_actions.append(action)
        self.retranslate()
        tree.sig_code_activated.connect(self.apply)
        view.sig_code_dropped.connect(self.apply)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        context.sig_recent_codes_changed.connect(self.update_recent)

    def _action(self, slot, shortcut: str) -> QAction:  # noqa: ANN001
        action = QAction(self.parent())
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda *_: slot())
        return action

    def retranslate(self) -> None:
        """The actions' texts in the current language (at start and when the language changes)."""
        self.apply_action.setText(self.tr("&Code selection with current code"))
        self.turn_action.setText(self.tr("Code the whole &turn"))
        self.sentence_action.setText(self.tr("Code the &sentence"))
        self.in_vivo_action.setText(self.tr("Code &in vivo (new code from selection)"))
        self.remove_action.setText(self.tr("&Remove codings at cursor"))
        self.update_recent()

    def update_recent(self) -> None:
        recent = self.context.recent_codes()
        for number, action in enumerate(self.recent_actions):
            if number < len(recent):
                action.setText(f"&{number + 1} {recent[number]}")
                action.setEnabled(True)
                action.setVisible(True)
            else:
                action.setText(self.tr("(no recent code)"))
                action.setEnabled(False)
                action.setVisible(number == 0)

    # --- coding ----------------------------------------------------------------------------------------------

    def apply(self, code_path: str) -> bool:
        """Code the selected passage with ``code_path``."""
        span = self.view.selected_span()
        if span is None or self.view.document_name is None:
            self.sig_message.emit(self.tr("Select a passage in the transcript first."))
            return False
        done = self.context.execute(
            ApplyCode(self.context, document=self.view.document_name, code=code_path, start=span[0], end=span[1])
        )
        if not done and self.context.project is not None:
            self.sig_message.emit(self.tr("This passage has this code already."))
        return done

    def apply_current(self) -> bool:
        row = self.tree.current_row()
        if row is None:
            self.sig_message.emit(self.tr("Choose a code in the code tree first."))
            return False
        return self.apply(row.path)

    def apply_recent(self, number: int) -> bool:
        recent = self.context.recent_codes()
        return number < len(recent) and self.apply(recent[number])

    def turn_span_at_cursor(self) -> tuple[int, int] | None:
        return self.turn_span_at(self.view.cursor_position())

    def turn_span_at(self, position: int) -> tuple[int, int] | None:
        content = self.view.content
        if content is None or not content.turns:
            return None
        starts = [turn.start for turn in content.turns]
        index = bisect_right(starts, position) - 1
        text = content.text
        # The cursor may rest on the speaker label before the words: that line belongs to the next turn.
        if index + 1 < len(content.turns) and text.rfind("\n", 0, content.turns[index + 1].start) < position:
            index += 1
        if index < 0 or content.turns[index].end <= content.turns[index].start:
            return None
        turn = content.turns[index]
        return turn.start, turn.end

    def code_turn(self, code_path: str | None = None) -> bool:
        """Code the whole turn under the cursor with ``code_path`` (default: the current code)."""
        if code_path is None:
            row = self.tree.current_row()
            if row is None:
                self.sig_message.emit(self.tr("Choose a code in the code tree first."))
                return False
            code_path = row.path
        span = self.turn_span_at_cursor()
        if span is None or self.view.document_name is None:
            self.sig_message.emit(self.tr("The cursor is not in a speaker's turn."))
            return False
        return self.context.execute(
            ApplyCode(self.context, document=self.view.document_name, code=code_path, start=span[0], end=span[1])
        )

    def sentence_span_at_cursor(self) -> tuple[int, int] | None:
        """The sentence under the cursor, or the sentences the selection touches, within one turn."""
        content = self.view.content
        if content is None:
            return None
        selected = self.view.selected_span()
        anchor = selected or (self.view.cursor_position(),) * 2
        turn = self.turn_span_at(anchor[0]) if content.turns else (0, len(content.text))
        if turn is None:
            return None
        indexed = None if self.context.project is None else indexed_sentences(self.context.project, content.id)
        return sentence_span(content.text, turn, (max(anchor[0], turn[0]), min(anchor[1], turn[1])), indexed)

    def code_sentence(self, code_path: str | None = None) -> bool:
        """Code the sentence under the cursor (or those the selection touches) with ``code_path`` (default: the
        current code), as one undo step."""
        if code_path is None:
            row = self.tree.current_row()
            if row is None:
                self.sig_message.emit(self.tr("Choose a code in the code tree first."))
                return False
            code_path = row.path
        span = self.sentence_span_at_cursor()
        if span is None or self.view.document_name is None:
            self.sig_message.emit(self.tr("The cursor is not in a sentence of a speaker's turn."))
            return False
        return self.context.execute(
            ApplyCode(self.context, document=self.view.document_name, code=code_path, start=span[0], end=span[1])
        )

    def in_vivo(self) -> bool:
        """Create a code named after the selected words and code them with it, as one undo step."""
        span = self.view.selected_span()
        if span is None or self.view.content is None:
            self.sig_message.emit(self.tr("Select a passage in the transcript first."))
            return False
        taken = {row.name for row in self.tree.code_model.rows if row.parent_id is None}
        name = in_vivo_name(self.view.content.text[span[0] : span[1]], taken)
        stack = self.context.undo_stack
        stack.beginMacro(self.tr("Code in vivo “%1”").replace("%1", name))
        try:
            done = self.context.execute(AddCode(self.context, name)) and self.context.execute(
                ApplyCode(self.context, document=self.view.document_name, code=name, start=span[0], end=span[1])
            )
        finally:
            stack.endMacro()
        return done

    def remove_at_cursor(self, code_ids: list[int] | None = None) -> bool:
        """Remove the codings under the cursor (or the selection); only those of ``code_ids`` when given."""
        codings = self.view.codings_at_cursor()
        if code_ids is not None:
            codings = [c for c in codings if c.code_id in code_ids]
        if not codings:
            self.sig_message.emit(self.tr("There is no coding here."))
            return False
        return self.context.execute(RemoveCodings(self.context, [c.id for c in codings]))

    def edit_memo(self, coding_id: int, text: str | None = None) -> bool:
        """Write the memo of a coding (asked for when ``text`` is None)."""
        old = queries.memo_text(self.context.project, coding_id=coding_id)
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self.view, self.tr("Memo"), self.tr("Memo for this coding:"), old)
            if not ok:
                return False
        return self.context.execute(SetMemo(self.context, text, old, coding_id=coding_id))

    def set_weight(self, coding_id: int, old: int, weight: int | None = None) -> bool:
        """Set a coding's weight, 0–100 (e.g. a measure's priority)."""
        if weight is None:
            weight, ok = QInputDialog.getInt(self.view, self.tr("Weight"), self.tr("Weight (0–100):"), old, 0, 100)
            if not ok:
                return False
        if weight == old:
            return False
        return self.context.execute(UpdateCoding(self.context, coding_id, weight=weight))

    def change_boundaries(self, coding_id: int) -> bool:
        """Make a coding cover exactly the selected passage."""
        span = self.view.selected_span()
        if span is None:
            self.sig_message.emit(self.tr("Select a passage in the transcript first."))
            return False
        return self.context.execute(UpdateCoding(self.context, coding_id, start=span[0], end=span[1]))

    def reassign(self, coding_id: int, code_path: str) -> bool:
        """Give a coding another code, keeping its passage, coder and weight."""
        return self.context.execute(UpdateCoding(self.context, coding_id, code=code_path))

    def _context_menu(self, position) -> None:  # noqa: ANN001
        menu = QMenu(self.view)
        current = self.tree.current_row()
        if current is not None:
            self.apply_action.setText(self.tr("&Code selection with “%1”").replace("%1", current.path))
        menu.addAction(self.apply_action)
        menu.addAction(self.turn_action)
        menu.addAction(self.sentence_action)
        menu.addAction(self.in_vivo_action)
        recent = menu.addMenu(self.tr("Code with a recent code"))
        recent.addActions(self.recent_actions)
        codings = self.view.codings_at_cursor()
        if codings:
            menu.addSeparator()
            paths = self.view.look.paths
            for coding in codings:
                name = paths.get(coding.code_id, "?")
                sub = menu.addMenu(self.tr("Coding “%1”").replace("%1", name))
                sub.addAction(self.tr("Memo…")).triggered.connect(lambda *_, cid=coding.id: self.edit_memo(cid))
                sub.addAction(self.tr("Weight…")).triggered.connect(lambda *_, c=coding: self.set_weight(c.id, c.weight))
                span = self.view.selected_span()
                if span is not None and span != (coding.start, coding.end):
                    sub.addAction(self.tr("Set to the selected passage")).triggered.connect(
                        lambda *_, cid=coding.id: self.change_boundaries(cid))
                if current is not None and current.id != coding.code_id:
                    sub.addAction(self.tr("Re-assign to “%1”").replace("%1", current.path)).triggered.connect(
                        lambda *_, cid=coding.id, path=current.path: self.reassign(cid, path))
                remove = sub.addAction(self.tr("Remove"))
                remove.triggered.connect(lambda *_, cid=coding.id: self.context.execute(RemoveCodings(self.context, [cid])))
        menu.exec(self.view.viewport().mapToGlobal(position))
