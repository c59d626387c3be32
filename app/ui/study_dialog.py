"""The study's details (File › Study details…): what the report's methods section says about the workshop and
its dot vote. Saved as one undo step."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.services import ServiceError
from app.services.study import MAX_NUMBER, StudyInfo, checked_info, study_info
from app.ui.context import ApplicationContext
from app.ui.vote_commands import SetStudyInfo

NOT_GIVEN = "–"  # a number box at 0 means "not given"


def _number_box(value: int | None, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, MAX_NUMBER)
    box.setSpecialValueText(NOT_GIVEN)
    box.setSuffix(suffix)
    box.setValue(value or 0)
    return box


class StudyDialog(QDialog):
    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Study details"))
        info = study_info(context.project) if context.project is not None else StudyInfo()
        self.title = QLineEdit(info.title)
        self.date = QLineEdit(info.date.isoformat() if info.date else "")
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.place = QLineEdit(info.place)
        self.duration = _number_box(info.duration_minutes, self.tr(" min"))
        self.phases = QPlainTextEdit("\n".join(info.phases))
        self.phases.setPlaceholderText(self.tr("One phase a line"))
        self.transcription_rules = QPlainTextEdit(info.transcription_rules)
        self.coding_procedure = QPlainTextEdit(info.coding_procedure)
        self.points_per_person = _number_box(info.points_per_person)
        self.max_points = _number_box(info.max_points_per_measure)
        self.voters = _number_box(info.voters)
        for editor in (self.phases, self.transcription_rules, self.coding_procedure):
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(90)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Duration"), self.duration)
        form.addRow(self.tr("Phases"), self.phases)
        form.addRow(self.tr("Transcription rules"), self.transcription_rules)
        form.addRow(self.tr("Coding procedure"), self.coding_procedure)
        form.addRow(self.tr("Points per person"), self.points_per_person)
        form.addRow(self.tr("At most per measure"), self.max_points)
        form.addRow(self.tr("Voters"), self.voters)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save_and_close)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def info(self) -> StudyInfo | None:
        """What the form says; None (and a message) when the date is no date."""
        text = self.date.text().strip()
        try:
            day = date.fromisoformat(text) if text else None
        except ValueError:
            self.context.sig_error.emit(self.tr("“%1” is not a date; write it as YYYY-MM-DD.").replace("%1", text))
            return None

        def number(box: QSpinBox) -> int | None:
            return box.value() or None

        return StudyInfo(
            title=self.title.text(), date=day, place=self.place.text(), duration_minutes=number(self.duration),
            phases=tuple(self.phases.toPlainText().split("\n")),
            transcription_rules=self.transcription_rules.toPlainText(),
            coding_procedure=self.coding_procedure.toPlainText(),
            points_per_person=number(self.points_per_person), max_points_per_measure=number(self.max_points),
            voters=number(self.voters),
        )

    def save(self) -> bool:
        """Save what the form says as one undo step; False when it was refused or nothing changed."""
        info = self.info()
        if info is None or self.context.project is None:
            return False
        return self.context.execute(SetStudyInfo(self.context, info))

    def _save_and_close(self) -> None:
        info = self.info()
        if info is None:
            return
        if self.context.project is None:
            self.reject()
            return
        try:
            unchanged = checked_info(info) == study_info(self.context.project)
        except ServiceError:
            unchanged = False  # saving says why
        if unchanged or self.save():
            self.accept()
