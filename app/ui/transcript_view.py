"""The transcript view: a document's text, read-only, with speaker labels in bold, every coding as a coloured
highlight (overlaps in the blended colour) and a margin of time stamps and coding stripes, as MAXQDA shows them.

Highlights are computed per text block by a QSyntaxHighlighter from the ``CodingLayer`` runs (bisection, no walk
over the text), and only for the blocks near the view: opening a document formats its first screenful, and
the other blocks as they come within half a screen of the view. After a change only the blocks of the codings
that changed are formatted again.
The margin paints only what is visible.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from app.services.queries import CodingRow, DocumentCodings, DocumentContent, TurnRow
from app.ui.highlights import CodingLayer, blend
from app.ui.positions import TextPositions

CODE_MIME = "application/x-focuscoder-code-path"
_CLOCK = re.compile(r"\d:\d\d")  # a time stamp the text itself shows before a turn's words
STRIPE_WIDTH, STRIPE_GAP, MAX_STRIPES = 5, 2, 12


@dataclass
class CodeLook:
    """How the view shows codes: colour, path and order in the code tree, by code id."""

    colors: dict[int, str] = field(default_factory=dict)
    paths: dict[int, str] = field(default_factory=dict)
    order: dict[int, int] = field(default_factory=dict)


def format_ms(ms: int) -> str:
    seconds = ms // 1000
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class TranscriptHighlighter:
    """Formats the view's text blocks: speaker labels bold, coded runs in their codes' (blended) colour.

    Not a QSyntaxHighlighter: that formats every block of a new text at once, one Python call per block, and a
    long transcript has thousands. Here a block is formatted when it first comes near the view (``highlight``,
    as QSyntaxHighlighter does it: the block layout's formats, then the document marked dirty there);
    ``formatted`` says which blocks are, so a change of codings formats again only those, and the others wait.
    """

    def __init__(self, view: TranscriptView) -> None:
        self.view = view
        self._formats: dict[tuple[tuple[int, ...], bool], QTextCharFormat] = {}
        self.formatted: set[int] = set()  # block numbers
        self._with_formats: set[int] = set()  # those of them that carry formats

    def reset_formats(self) -> None:
        self._formats.clear()

    def forget_blocks(self) -> None:
        """A new text: no block is formatted."""
        self.formatted.clear()
        self._with_formats.clear()

    def highlight(self, block) -> None:  # noqa: ANN001 - QTextBlock
        number = block.blockNumber()
        self.formatted.add(number)
        ranges = self._ranges(block)
        if not ranges and number not in self._with_formats:
            return  # nothing to show and nothing to take away
        if ranges:
            self._with_formats.add(number)
        else:
            self._with_formats.discard(number)
        block.layout().setFormats(ranges)
        self.view.document().markContentsDirty(block.position(), block.length())

    def _format(self, code_ids: tuple[int, ...], bold: bool) -> QTextCharFormat:
        key = (code_ids, bold)
        found = self._formats.get(key)
        if found is None:
            found = QTextCharFormat()
            if code_ids:
                found.setBackground(blend([self.view.look.colors.get(c, "#808080") for c in code_ids]))
            if bold:
                found.setFontWeight(QFont.Weight.Bold)
            self._formats[key] = found
        return found

    def _ranges(self, block) -> list[QTextLayout.FormatRange]:  # noqa: ANN001 - QTextBlock
        """The coded runs in their colours, then the labels in bold: where they overlap, Qt merges the two
        formats (a coded label is bold on the codes' colour)."""
        view = self.view
        first = block.position()
        last = first + block.length() - 1
        ranges = []
        if view.layer is not None:
            for run in view.layer.runs_between(first, last):
                start, end = max(run.start, first), min(run.end, last)
                ranges.append(_range(start - first, end - start, self._format(run.code_ids, False)))
        for start, end in view.labels_between(first, last):
            start, end = max(start, first), min(end, last)
            if start < end:
                ranges.append(_range(start - first, end - start, self._format((), True)))
        return ranges


def _range(start: int, length: int, char_format: QTextCharFormat) -> QTextLayout.FormatRange:
    found = QTextLayout.FormatRange()
    found.start, found.length, found.format = start, length, char_format
    return found


class CodingMargin(QWidget):
    """Left of the text: the time stamp of each turn, and one coloured stripe per code beside what it codes."""

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self._bars: list[tuple[QRect, int]] = []  # painted stripes and their coding index, for tooltips

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.view.margin_width(), 0)

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001
        view = self.view
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(self.backgroundRole()).lighter(102))
        painter.setPen(QColor("#d0d0d0"))
        painter.drawLine(self.width() - 1, event.rect().top(), self.width() - 1, event.rect().bottom())
        self._bars = []
        visible = view.visible_range()
        if visible is None:
            return
        first, last = visible
        lines = _VisibleLines(view)
        time_width = view.time_column_width()
        if time_width:
            painter.setPen(QColor("#707070"))
            font = painter.font()
            font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
            painter.setFont(font)
            for offset, ms in view.times_between(first, last):
                rect = lines.rect_at(offset)
                painter.drawText(QRect(2, rect.top(), time_width - 6, rect.height()), Qt.AlignmentFlag.AlignRight, format_ms(ms))
        layer = view.layer
        if layer is None:
            return
        indices = layer.codings_between(first, last)
        codes = sorted({layer.codings[i].code_id for i in indices}, key=lambda c: view.look.order.get(c, 1 << 30))
        columns = {code_id: column for column, code_id in enumerate(codes[:MAX_STRIPES])}
        for index in indices:
            coding = layer.codings[index]
            column = columns.get(coding.code_id)
            if column is None:
                continue
            start, end = layer.span_of(index)
            top = lines.rect_at(max(start, first)).top()
            bottom = lines.rect_at(max(min(end, last), max(start, first))).bottom()
            x = time_width + STRIPE_GAP + column * (STRIPE_WIDTH + STRIPE_GAP)
            rect = QRect(x, top + 1, STRIPE_WIDTH, max(3, bottom - top - 1))
            painter.fillRect(rect, QColor(view.look.colors.get(coding.code_id, "#808080")))
            self._bars.append((rect, index))

    def event(self, event) -> bool:  # noqa: ANN001
        if event.type() == QEvent.Type.ToolTip:
            hits = [index for rect, index in self._bars if rect.adjusted(-1, 0, 1, 0).contains(event.pos())]
            if hits:
                QToolTip.showText(event.globalPos(), self.view.describe_codings(hits), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001
        for rect, index in self._bars:
            if rect.adjusted(-1, 0, 1, 0).contains(event.position().toPoint()):
                coding = self.view.layer.codings[index]
                self.view.select_span(coding.start, coding.end)
                return
        super().mousePressEvent(event)


class _VisibleLines:
    """Where the lines on screen are, for placing the margin's many time stamps and stripes in one paint: the
    visible blocks' tops once, then each offset's line from its block's layout."""

    def __init__(self, view: TranscriptView) -> None:
        self.view = view
        self.starts: list[int] = []
        self.blocks: list[tuple[object, float]] = []  # (QTextBlock, its top in viewport coordinates)
        block = view.firstVisibleBlock()
        top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
        bottom = view.viewport().height()
        while block.isValid() and top <= bottom:
            self.starts.append(block.position())
            self.blocks.append((block, top))
            top += view.blockBoundingRect(block).height()
            block = block.next()

    def rect_at(self, offset: int) -> QRect:
        index = bisect_right(self.starts, offset) - 1
        if index < 0 or index >= len(self.blocks):
            return self.view.cursor_rect_at(offset)
        block, top = self.blocks[index]
        line = block.layout().lineForTextPosition(offset - block.position())
        if not line.isValid():
            return self.view.cursor_rect_at(offset)
        return QRect(0, round(top + line.y()), 1, max(1, round(line.height())))


class TranscriptView(QPlainTextEdit):
    sig_code_dropped = Signal(str)
    """A code (its path) was dropped on the text; the current selection is what to code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(10)
        self.setCursorWidth(2)
        self.content: DocumentContent | None = None
        self.positions = TextPositions("")
        self.layer: CodingLayer | None = None
        self.look = CodeLook()
        self.hidden_coders: set[str] = set()  # coders whose codings are not shown (the View menu's coder filter)
        self._labels: list[tuple[int, int]] = []
        self._label_starts: list[int] = []
        self._times: list[tuple[int, int]] = []  # (UTF-16 offset of a turn, its start time in ms)
        self._time_offsets: list[int] = []
        self.highlighter = TranscriptHighlighter(self)
        self.margin = CodingMargin(self)
        self.blockCountChanged.connect(self._update_margin_width)
        self.updateRequest.connect(self._scroll_margin)

    # --- what is shown ---------------------------------------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        return None if self.content is None else self.content.id

    @property
    def document_name(self) -> str | None:
        return None if self.content is None else self.content.name

    def show_document(self, content: DocumentContent | None, look: CodeLook) -> None:
        self.content = content
        if look.colors != self.look.colors:  # the formats made for the old colours (a few hundred) go
            self.highlighter.reset_formats()
        self.look = look
        if content is None:
            self.layer = None
            self._labels, self._label_starts, self._times, self._time_offsets = [], [], [], []
            self.highlighter.forget_blocks()
            self.setPlainText("")
            return
        text = content.text
        self.positions = TextPositions(text)
        self.layer = CodingLayer(self.shown(content.codings), self.positions)
        self._find_labels_and_times(text, content.turns)
        self.highlighter.forget_blocks()
        self._update_margin_width()  # before the text: a new width lays out again what is shown
        self.setPlainText(text)
        self.highlight_visible()

    def _find_labels_and_times(self, text: str, turns: list[TurnRow]) -> None:
        """Each turn's label (what its line holds before the words) and, where the text shows no clock there,
        its time for the margin."""
        label_starts, label_ends, time_offsets, times = [], [], [], []
        rfind, clock = text.rfind, _CLOCK.search
        for start, _end, _speaker_id, _speaker, start_ms, _end_ms in turns:
            line_start = rfind("\n", 0, start) + 1
            if line_start < start and start - line_start <= 120:
                label_starts.append(line_start)
                label_ends.append(start)
            if start_ms is not None and not clock(text, line_start, start):
                time_offsets.append(line_start)
                times.append(start_ms)
        label_starts, label_ends, time_offsets = (
            self.positions.many_to_utf16(np.array(offsets, dtype=np.int64)).tolist()
            for offsets in (label_starts, label_ends, time_offsets)
        )
        self._labels, self._label_starts = list(zip(label_starts, label_ends)), label_starts
        self._times, self._time_offsets = list(zip(time_offsets, times)), time_offsets

    def show_codings(
        self, codings: list[CodingRow], look: CodeLook, *, changed: list[tuple[int, int]] | None = None
    ) -> None:
        """New codings (or colours) for the document shown: highlight again only the blocks that changed.

        ``changed``, when the caller knows it, lists the spans (code points) of the codings added or removed.
        """
        if self.content is None:
            return
        old = self.layer
        colors_changed = look.colors != self.look.colors
        if colors_changed:
            self.highlighter.reset_formats()
        self.look = look
        codings = self.shown(codings)
        self.layer = CodingLayer(codings, self.positions)
        if old is None or colors_changed:
            spans = {(c.start, c.end) for c in (*codings, *(old.live() if old else []))}
        elif changed is not None:
            spans = set(changed)
        else:
            before = {(c.start, c.end, c.code_id) for c in old.live()}
            after = {(c.start, c.end, c.code_id) for c in codings}
            spans = {(start, end) for start, end, _ in before ^ after}
        self._rehighlight_spans([self.positions.span_to_utf16(start, end) for start, end in spans])
        self.margin.update()

    def update_codings(self, added: list[CodingRow], removed_ids: set[int]) -> None:
        """A few codings added or removed: sweep and highlight again only the text they touch."""
        if self.layer is None:
            return
        self._rehighlight_spans(self.layer.update(self.shown(added), removed_ids))
        self.margin.update()

    def shown(self, codings: Sequence[CodingRow]) -> Sequence[CodingRow]:
        """The codings of the coders not hidden."""
        if not self.hidden_coders:
            return codings
        if isinstance(codings, DocumentCodings):
            return codings.without_coders(self.hidden_coders)
        return [coding for coding in codings if coding.coder not in self.hidden_coders]

    def _rehighlight_spans(self, spans: list[tuple[int, int]]) -> None:
        document = self.document()
        done: set[int] = set()
        for start, end in spans:
            block = document.findBlock(start)
            while block.isValid() and block.position() <= end:
                number = block.blockNumber()
                if number not in done and number in self.highlighter.formatted:  # the others wait till they show
                    done.add(number)
                    self.highlighter.highlight(block)
                block = block.next()

    def highlight_visible(self) -> None:
        """Format the blocks on screen that are not formatted yet (on every scroll, before it is painted).

        A bold label may wrap a line differently once formatted; only the text below it moves, and the view
        keeps its first line where it was.
        """
        if self.content is None:
            return
        formatted = self.highlighter.formatted
        block = self.firstVisibleBlock()
        bottom = self.viewport().height()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        while block.isValid() and top <= bottom:
            if block.blockNumber() not in formatted:
                self.highlighter.highlight(block)
            top += self.blockBoundingRect(block).height()
            block = block.next()

    def labels_between(self, start: int, end: int) -> list[tuple[int, int]]:
        index = max(0, bisect_right(self._label_starts, start) - 1)
        found = []
        while index < len(self._labels) and self._labels[index][0] < end:
            if self._labels[index][1] > start:
                found.append(self._labels[index])
            index += 1
        return found

    def times_between(self, start: int, end: int) -> list[tuple[int, int]]:
        return self._times[bisect_left(self._time_offsets, start) : bisect_right(self._time_offsets, end)]

    # --- selection, in code points ---------------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.content is None:
            return None
        start, end = self.positions.span_to_code_points(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if start < end else None

    def cursor_position(self) -> int:
        return self.positions.to_code_point(self.textCursor().position())

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_utf16(start))
        cursor.setPosition(self.positions.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def codings_at_cursor(self) -> list[CodingRow]:
        """The codings under the cursor, or overlapping the selection."""
        if self.layer is None:
            return []
        cursor = self.textCursor()
        if cursor.hasSelection():
            return [self.layer.codings[i] for i in self.layer.codings_between(cursor.selectionStart(), cursor.selectionEnd())]
        return self.layer.codings_at(cursor.position())

    def describe_codings(self, indices: list[int]) -> str:
        lines = []
        for index in indices:
            coding = self.layer.codings[index]
            path = self.look.paths.get(coding.code_id, "?")
            weight = f", weight {coding.weight}" if coding.weight else ""
            lines.append(self.tr("<b>%1</b> — coded by %2").replace("%1", _escape(path)).replace("%2", _escape(coding.coder)) + weight)
        return "<br>".join(lines)

    # --- geometry of what is visible -------------------------------------------------------------------------

    def visible_range(self) -> tuple[int, int] | None:
        if self.content is None:
            return None
        first = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        last = self.cursorForPosition(self.viewport().rect().bottomRight()).position()
        block = self.document().findBlock(last)
        return first, block.position() + block.length() - 1 if block.isValid() else last

    def cursor_rect_at(self, offset: int) -> QRect:
        """The line at UTF-16 ``offset`` in viewport coordinates (its top and height; x is 0), from the block's
        layout: the margin asks for hundreds per paint, and a QTextCursor for each cost twice as much."""
        document = self.document()
        offset = min(offset, document.characterCount() - 1)
        block = document.findBlock(offset)
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        line = block.layout().lineForTextPosition(offset - block.position())
        if not line.isValid():  # not laid out: the block as a whole
            return QRect(0, round(top), 1, max(1, round(self.blockBoundingRect(block).height())))
        return QRect(0, round(top + line.y()), 1, max(1, round(line.height())))

    def time_column_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("0:00:00") + 10 if self._times else 0

    def margin_width(self) -> int:
        return self.time_column_width() + STRIPE_GAP + MAX_STRIPES * (STRIPE_WIDTH + STRIPE_GAP) // 2 + 4

    def _update_margin_width(self, *_args: object) -> None:
        width = self.margin_width()
        if width != self.viewportMargins().left():  # setting the same margins lays the children out again
            self.setViewportMargins(width, 0, 0, 0)

    def _scroll_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
            self.highlight_visible()
        self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        rect = self.contentsRect()
        self.margin.setGeometry(QRect(rect.left(), rect.top(), self.margin_width(), rect.height()))
        self.highlight_visible()

    # --- tooltips and dropping codes -------------------------------------------------------------------------

    def viewportEvent(self, event) -> bool:  # noqa: N802, ANN001
        if event.type() == QEvent.Type.ToolTip and self.layer is not None:
            offset = self.cursorForPosition(event.pos()).position()
            runs = self.layer.runs_between(offset, offset + 1)
            if runs:
                QToolTip.showText(event.globalPos(), self.describe_codings(list(runs[0].codings)), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.mimeData().hasFormat(CODE_MIME) and self.textCursor().hasSelection():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.mimeData().hasFormat(CODE_MIME):
            event.setAccepted(self.textCursor().hasSelection())
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.mimeData().hasFormat(CODE_MIME):
            path = bytes(event.mimeData().data(CODE_MIME).data()).decode("utf-8")
            event.acceptProposedAction()
            self.sig_code_dropped.emit(path)
        else:
            super().dropEvent(event)

    def find_text(self, text: str, *, backwards: bool = False, case_sensitive: bool = False) -> bool:
        """Select the next (or previous) occurrence of ``text``, wrapping around the document."""
        if not text:
            return False
        flags = QTextDocument.FindFlag(0)
        if backwards:
            flags |= QTextDocument.FindFlag.FindBackward
        if case_sensitive:
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.find(text, flags):
            return True
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start)
        self.setTextCursor(cursor)
        return self.find(text, flags)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
