"""Retrieved segments: every passage coded with the selected code(s), across documents, with document, speaker,
time stamp and coder; filtered by document, speaker and speaker attribute (e.g. Institution = IHK). A double
click jumps to the passage."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import ChangeSet, queries
from app.services.attributes import AttributeScope, attribute_values
from app.services.coder_view import segments_of
from app.services.queries import Segment
from app.ui.context import ApplicationContext
from app.ui.transcript_view import format_ms
from app.ui.row_table import RowTableModel
from app.ui.tree_model import Index

COLUMNS = (
    QT_TRANSLATE_NOOP("SegmentModel", "Document"),
    QT_TRANSLATE_NOOP("SegmentModel", "Speaker"),
    QT_TRANSLATE_NOOP("SegmentModel", "Time"),
    QT_TRANSLATE_NOOP("SegmentModel", "Code"),
    QT_TRANSLATE_NOOP("SegmentModel", "Coder"),
    QT_TRANSLATE_NOOP("SegmentModel", "Segment"),
)
TEXT_COLUMN = 5


class SegmentModel(RowTableModel):
    columns = COLUMNS

    @property
    def segments(self) -> list[Segment]:
        return self.rows

    def set_segments(self, segments: list[Segment]) -> None:
        self.set_rows(segments)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        segment = self.segments[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return segment.document
            if column == 1:
                return segment.speaker or "–"
            if column == 2:
                return "" if segment.start_ms is None else format_ms(segment.start_ms)
            if column == 3:
                return segment.code
            if column == 4:
                return segment.coder
            return " ".join(segment.text.split())
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT_COLUMN:
            return segment.text
        if role == Qt.ItemDataRole.DecorationRole and column == 3:
            return QColor(segment.color)
        if role == Qt.ItemDataRole.UserRole:
            return segment.coding_id
        return None


class SegmentPanel(QWidget):
    sig_jump = Signal(int, int, int)
    """Show this passage: document id, start, end (code points)."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.code_ids: list[int] = []
        self.coders: list[str] | None = None  # the coders whose segments are shown; None: everyone's
        self.model = SegmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(TEXT_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._jump)
        self.document_filter = QComboBox()
        self.speaker_filter = QComboBox()
        self.attribute_filter = QComboBox()
        self.speakers_by_value: dict[str, set[int]] = {}  # "name\tvalue" -> speaker ids
        self.summary = QLabel()
        for combo in (self.document_filter, self.speaker_filter, self.attribute_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.refresh)
        # Long values (a workshop's document name, "Institution = Landkreis …") must not squeeze the speaker filter
        # ("Alle Sprecher:innen"): these two are about 14 characters wide, their lists show the values whole.
        for combo in (self.document_filter, self.attribute_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
            combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        # The bar may become narrower than it would like (the summary and the filters give way), so that it never
        # holds the window wider or the documents and codes on the left narrower than the researcher wants.
        for combo in (self.document_filter, self.speaker_filter, self.attribute_filter):
            combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 5))
        self.summary.setMinimumWidth(1)
        bar_spacing = 12
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self.title = QLabel()
        bar.addWidget(self.title)
        bar.addSpacing(bar_spacing)
        bar.addWidget(self.summary)
        bar.addSpacing(bar_spacing)
        bar.addStretch(1)
        self.filter_labels = [QLabel(), QLabel(), QLabel()]
        for label, combo in zip(self.filter_labels, (self.document_filter, self.speaker_filter, self.attribute_filter)):
            bar.addWidget(label)
            bar.addWidget(combo)
            bar.addSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        context.sig_project_changed.connect(self._project_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Labels in the current language (at start and when the language changes); the figures are counted anew."""
        self.title.setText(self.tr("<b>Retrieved segments</b>"))
        for label, text in zip(self.filter_labels, (self.tr("Document:"), self.tr("Speaker:"), self.tr("Attribute:"))):
            label.setText(text)
        self.attribute_filter.setToolTip(self.tr("Only the segments of speakers with this attribute value"))
        for combo, everything in ((self.document_filter, self.tr("All documents")),
                                  (self.speaker_filter, self.tr("All speakers")),
                                  (self.attribute_filter, self.tr("All attributes"))):
            if combo.count():
                combo.setItemText(0, everything)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _project_changed(self, changes: ChangeSet) -> None:
        kinds = {ref.kind for ref in (*changes.created, *changes.updated, *changes.deleted)}
        if "attribute" in kinds:
            self.reload_filters()

    def reload_filters(self) -> None:
        """Offer the project's documents and speakers as filters (keeping the chosen ones)."""
        project = self.context.project
        documents = [] if project is None else queries.list_documents(project)
        speakers: dict[int, str] = {}
        for document in documents:
            for speaker in document.speakers:
                speakers.setdefault(speaker.id, speaker.name)
        self._fill(self.document_filter, self.tr("All documents"), [(d.id, d.name) for d in documents])
        self._fill(self.speaker_filter, self.tr("All speakers"), sorted(speakers.items(), key=lambda s: s[1].casefold()))
        self.reload_attribute_filter()
        self.refresh()

    def reload_attribute_filter(self) -> None:
        """Offer every speaker attribute value in use, as "Name = value" (keeping the chosen one)."""
        project = self.context.project
        values = {} if project is None else attribute_values(project, scope=AttributeScope.SPEAKER)
        self.speakers_by_value = {}
        for speaker_id, attributes in values.items():
            for name, value in attributes.items():
                if value:
                    self.speakers_by_value.setdefault(f"{name}\t{value}", set()).add(speaker_id)
        keys = sorted(self.speakers_by_value, key=str.casefold)
        self._fill(self.attribute_filter, self.tr("All attributes"), [(key, key.replace("\t", " = ")) for key in keys])

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[object, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for item_id, name in items:
            combo.addItem(name, item_id)
        found = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)

    def show_codes(self, code_ids: list[int]) -> None:
        self.code_ids = list(code_ids)
        self.refresh()

    def set_filters(
        self, *, document_id: int | None = None, speaker_id: int | None = None,
        attribute: tuple[str, str] | None = None,
    ) -> None:
        """Choose the filters; ``attribute`` is a (name, value) pair such as ("Institution", "IHK")."""
        for combo, data in ((self.document_filter, document_id), (self.speaker_filter, speaker_id),
                            (self.attribute_filter, attribute and "\t".join(attribute))):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(data)) if data else 0)
            combo.blockSignals(False)
        self.refresh()

    def _speaker_ids(self) -> list[int] | None:
        """The speakers the speaker and attribute filters let through (None: every speaker, and no speaker)."""
        speaker_id = self.speaker_filter.currentData()
        key = self.attribute_filter.currentData()
        if key is None:
            return None if speaker_id is None else [speaker_id]
        wanted = self.speakers_by_value.get(key, set())
        return sorted(wanted if speaker_id is None else wanted & {speaker_id})

    def refresh(self, *_args: object) -> None:
        project = self.context.project
        if project is None or not self.code_ids:
            self.model.set_segments([])
            self.summary.setText(self.tr("Select codes to see their segments."))
            return
        document_id = self.document_filter.currentData()
        segments = segments_of(
            project, self.code_ids, coders=self.coders,
            document_ids=None if document_id is None else [document_id], speaker_ids=self._speaker_ids(),
        )
        self.model.set_segments(segments)
        documents = len({s.document_id for s in segments})
        self.summary.setText(self.tr("%1 segment(s) in %2 document(s)").replace("%1", str(len(segments))).replace("%2", str(documents)))

    def _jump(self, index: QModelIndex) -> None:
        segment = self.model.segments[index.row()]
        self.sig_jump.emit(segment.document_id, segment.start, segment.end)
