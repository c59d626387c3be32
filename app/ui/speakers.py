"""The speakers panel: every participant with turns, documents and attributes (role, institution, ...);
rename in place, edit attribute values in place, merge two speakers (each an undo step)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableView,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from app.analysis.votes import is_participant, role_attribute, role_is_participant
from app.services import queries
from app.services.votes import participant_marks
from app.services.queries import SpeakerRow
from app.ui.commands import MergeSpeakers, RenameSpeaker, SetSpeakerAttribute
from app.ui.context import ApplicationContext
from app.ui.tree_model import Index
from app.ui.vote_commands import MarkParticipant

FIXED_COLUMNS = 3  # name, turns, documents; the speaker attributes follow, then whether they are a participant


class SpeakerModel(QAbstractTableModel):
    def __init__(self, context: ApplicationContext, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.context = context
        self.attributes: list[str] = []
        self.speakers: list[SpeakerRow] = []
        self.marks: dict[int, bool] = {}  # as the user marked them; the others' role decides

    def refresh(self) -> None:
        self.beginResetModel()
        project = self.context.project
        self.attributes, self.speakers = ([], []) if project is None else queries.list_speakers(project)
        self.marks = {} if project is None else participant_marks(project)
        self.endResetModel()

    @property
    def participant_column(self) -> int:
        return FIXED_COLUMNS + len(self.attributes)

    def by_role(self, speaker: SpeakerRow) -> bool:
        """Whether the speaker's role makes them a participant (moderation and research team do not)."""
        role = role_attribute(self.attributes)
        return role_is_participant(speaker.attributes.get(role) if role else None)

    def is_participant(self, speaker: SpeakerRow) -> bool:
        return is_participant(self.marks.get(speaker.id), speaker.attributes.get(role_attribute(self.attributes) or ""))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.speakers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.attributes) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        fixed = (self.tr("Speaker"), self.tr("Turns"), self.tr("Documents"))
        if 0 <= section < FIXED_COLUMNS:
            return fixed[section]
        if section == self.participant_column:
            return self.tr("Participant")
        if FIXED_COLUMNS <= section < self.columnCount():
            return self.attributes[section - FIXED_COLUMNS]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        speaker = self.speakers[index.row()]
        column = index.column()
        if column == self.participant_column:
            return self._participant_data(speaker, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return speaker.name
            if column == 1:
                return speaker.turns
            if column == 2:
                return speaker.documents
            return speaker.attributes.get(self.attributes[column - FIXED_COLUMNS], "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _participant_data(self, speaker: SpeakerRow, role: int):  # noqa: ANN202
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.is_participant(speaker) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if speaker.id in self.marks:
                return self.tr("Marked so; their contributions count as support for a measure only if checked.")
            return self.tr("By their role (moderation, minute-taking and research team are no participants); "
                           "click to mark otherwise.")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.participant_column:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == 0 or index.column() >= FIXED_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802, ANN001
        if index.isValid() and index.column() == self.participant_column and role == Qt.ItemDataRole.CheckStateRole:
            speaker = self.speakers[index.row()]
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if checked == self.is_participant(speaker):
                return False
            mark = None if checked == self.by_role(speaker) else checked  # back to what the role says: unmarked
            QTimer.singleShot(0, lambda: self.context.execute(MarkParticipant(self.context, speaker.name, mark)))
            return True
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        speaker, column, text = self.speakers[index.row()], index.column(), str(value).strip()
        if column == 0:
            if not text or text == speaker.name:
                return False
            command = RenameSpeaker(self.context, speaker.name, text)
        elif column >= FIXED_COLUMNS:
            attribute = self.attributes[column - FIXED_COLUMNS]
            old = speaker.attributes.get(attribute)
            if text == (old or ""):
                return False
            command = SetSpeakerAttribute(self.context, speaker.name, attribute, text, old)
        else:
            return False
        # The change refreshes (resets) this model: make it once the editor has closed.
        QTimer.singleShot(0, lambda: self.context.execute(command))
        return True


class SpeakerPanel(QWidget):
    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = SpeakerModel(context, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.merge_button = merge = QPushButton()
        merge.clicked.connect(lambda: self.merge_speaker())
        self.attribute_button = attribute = QPushButton()
        attribute.clicked.connect(lambda: self.add_attribute())
        self.retranslate()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 2, 4, 2)
        buttons.addWidget(merge)
        buttons.addWidget(attribute)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def retranslate(self) -> None:
        """The buttons' texts in the current language (at start and when the language changes)."""
        self.merge_button.setText(self.tr("Merge into…"))
        self.attribute_button.setText(self.tr("New attribute…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.model.refresh()

    def current(self) -> SpeakerRow | None:
        row = self.table.currentIndex().row()
        return self.model.speakers[row] if 0 <= row < len(self.model.speakers) else None

    def add_attribute(self, name: str | None = None, value: str | None = None) -> bool:
        """Give the current speaker a value of a (new) attribute, e.g. Institution = Jobcenter."""
        speaker = self.current()
        if speaker is None:
            return False
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New attribute"), self.tr("Attribute (e.g. Institution):"))
            if not ok or not name.strip():
                return False
        if value is None:
            value, ok = QInputDialog.getText(self, self.tr("New attribute"), self.tr("Value for %1:").replace("%1", speaker.name))
            if not ok:
                return False
        return self.context.execute(SetSpeakerAttribute(self.context, speaker.name, name.strip(), value, speaker.attributes.get(name.strip())))

    def merge_speaker(self, target: str | None = None, confirm: bool = True) -> bool:
        """Merge the current speaker into another (same person, other spelling); one undo step."""
        speaker = self.current()
        if speaker is None or self.context.project is None:
            return False
        if target is None:
            others = [s.name for s in self.model.speakers if s.id != speaker.id]
            target, ok = QInputDialog.getItem(self, self.tr("Merge speakers"), self.tr("Merge “%1” into:").replace("%1", speaker.name), others, 0, False)
            if not ok:
                return False
        if confirm and QMessageBox.question(
            self, self.tr("Merge speakers"),
            self.tr("Merge “%1” into “%2”? Their turns, attribute values and memo become one speaker's; Undo separates them again.")
            .replace("%1", speaker.name).replace("%2", target),
        ) != QMessageBox.StandardButton.Yes:
            return False
        return self.context.execute(MergeSpeakers(self.context, speaker.name, target))
