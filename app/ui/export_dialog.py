"""The export dialog: a Word or PDF report (for partners or internal), the codebook, the statistics workbook or the
coded segments as CSV, for the codes, documents and speakers chosen; written in the background with a progress bar,
then offered to open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import ApplicationContext
from app.ui.tasks import TaskState

SUFFIXES = {"docx": ".docx", "pdf": ".pdf", "codebook": ".docx", "xlsx": ".xlsx", "csv": ".csv"}
REPORTS = ("docx", "pdf")  # the kinds that go to partners unless the user says otherwise


def run_export(state: TaskState, project, kind: str, target: str, options) -> Path:  # noqa: ANN001
    """Worker: write the export of ``kind`` with ``options`` (a ReportOptions) to ``target``."""
    from app.export import exports

    state.report(0.05, Path(target).name)
    write = {"docx": exports.export_report_docx, "pdf": exports.export_report_pdf,
             "codebook": exports.export_codebook_docx, "xlsx": exports.export_xlsx, "csv": exports.export_csv}[kind]
    written = write(project, target, options)
    state.report(1.0, Path(target).name)
    return written


def checklist(names: list[tuple[str, str]]) -> QListWidget:
    """A list of (label, value) items, all checked."""
    widget = QListWidget()
    for label, value in names:
        item = QListWidgetItem(label, widget)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
    return widget


def checked(widget: QListWidget) -> tuple[str, ...] | None:
    """The values checked; () when all are (no restriction), None when none is."""
    items = [widget.item(i) for i in range(widget.count())]
    values = tuple(i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked)
    if len(values) == len(items):
        return ()
    return values or None


class ExportDialog(QDialog):
    sig_written = Signal(str)
    """An export was written; the argument is its path."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Export report"))
        self.resize(760, 520)
        self.kind = QComboBox()
        from app.export import office

        for label, kind in ((self.tr("Word report (.docx)"), "docx"), (self.tr("PDF report (.pdf)"), "pdf"),
                            (self.tr("Codebook only (.docx)"), "codebook"),
                            (self.tr("Tables for statistics (.xlsx)"), "xlsx"),
                            (self.tr("Coded segments (.csv)"), "csv")):
            self.kind.addItem(label, kind)
        self.office = office.available()
        if not self.office:  # a PDF is laid out by LibreOffice: offered, but not choosable, without it
            item = self.kind.model().item(self.kind.findData("pdf"))
            item.setEnabled(False)
            item.setToolTip(self.tr("Needs LibreOffice, which is not installed."))
        self.audience = QComboBox()
        self.audience.addItem(self.tr("Partners (no memos, no coders' names)"), "partner")
        self.audience.addItem(self.tr("Internal (everything)"), "internal")
        self.audience.setToolTip(self.tr("A report for partners leaves out what stays within the research team."))
        self.speaker_label = QComboBox()
        self.speaker_label.addItem(self.tr("Role (institution)"), "role_institution")
        self.speaker_label.addItem(self.tr("Name"), "name")
        self.quotes = QSpinBox()
        self.quotes.setRange(0, 10_000)
        self.quotes.setValue(5)
        self.quotes.setSpecialValueText(self.tr("all"))
        self.memos = QCheckBox(self.tr("With memos"))
        self.memos.setChecked(True)
        self.language = QComboBox()
        for label, code in ((self.tr("Project language"), None), ("Deutsch", "de"), ("English", "en")):
            self.language.addItem(label, code)
        project = context.project
        self.codes = checklist([] if project is None else self._codes())
        self.documents = checklist([] if project is None else self._documents())
        self.speakers = checklist([] if project is None else self._speakers())
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.written: Path | None = None
        self._build()

    def _codes(self) -> list[tuple[str, str]]:
        from app.services import queries

        return [("    " * row.path.count("/") + row.name, row.path) for row in queries.list_codes(self.context.project)]

    def _documents(self) -> list[tuple[str, str]]:
        from app.services import queries

        return [(row.name, row.name) for row in queries.list_documents(self.context.project)]

    def _speakers(self) -> list[tuple[str, str]]:
        from app.services import queries

        return [(row.name, row.name) for row in queries.list_speakers(self.context.project)[1]]

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.kind)
        form.addRow(self.tr("Quotes per code:"), self.quotes)
        form.addRow(self.tr("Labels:"), self.language)
        form.addRow(self.tr("Report for:"), self.audience)
        form.addRow(self.tr("Speakers shown as:"), self.speaker_label)
        form.addRow("", self.memos)
        lists = QHBoxLayout()
        for title, widget in ((self.tr("Codes (with their sub-codes)"), self.codes),
                              (self.tr("Documents"), self.documents), (self.tr("Speakers"), self.speakers)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            lists.addWidget(box, 2 if widget is self.codes else 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(lambda: self.export())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.audience.currentIndexChanged.connect(self._audience_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        """A report goes to partners by default, the tables stay with the team (as ``focuscoder export``)."""
        kind = self.kind.currentData()
        self.audience.setCurrentIndex(self.audience.findData("partner" if kind in REPORTS else "internal"))
        self._audience_changed()

    def _audience_changed(self) -> None:
        partner = self.audience.currentData() == "partner"
        self.speaker_label.setCurrentIndex(self.speaker_label.findData("role_institution" if partner else "name"))
        self._update_choices()

    def _update_choices(self) -> None:
        kind = self.kind.currentData()
        self.quotes.setEnabled(kind in REPORTS)
        partner = self.audience.currentData() == "partner"
        self.memos.setEnabled(kind != "codebook" and not partner)  # partners never get the memos

    def options(self):  # noqa: ANN201 - ReportOptions, or None when a list has nothing checked
        from app.export.report import ReportOptions

        codes, documents, speakers = checked(self.codes), checked(self.documents), checked(self.speakers)
        if codes is None or documents is None or speakers is None:
            return None
        return ReportOptions(
            codes=codes, documents=documents, speakers=speakers,
            quotes_per_code=self.quotes.value() or None, memos=self.memos.isChecked(),
            language=self.language.currentData(), audience=self.audience.currentData(),
            speaker_label=self.speaker_label.currentData(), page_numbers=self.office,
        )

    def export(self, target: str | None = None) -> bool:
        """Ask where to write (unless ``target`` is given) and write in the background."""
        project, kind = self.context.project, self.kind.currentData()
        options = self.options()
        if project is None:
            return False
        if options is None:
            self.status.setText(self.tr("Choose at least one code, document and speaker."))
            return False
        suffix = SUFFIXES[kind]
        if target is None:
            suggestion = str(Path(project.path).with_name(Path(project.path).stem + ("-codebook" if kind == "codebook" else "") + suffix))
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), suggestion, f"*{suffix}")
        if not target:
            return False
        if Path(target).suffix.lower() != suffix:
            target += suffix
        self.export_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)  # busy until the writer reports
        self.status.setText(self.tr("Writing %1…").replace("%1", Path(target).name))
        task = self.context.tasks.submit("export", run_export, project, kind, target, options)
        task.sig_progress.connect(self._progress)
        task.sig_finished.connect(self._written)
        task.sig_failed.connect(self._failed)
        task.sig_done.connect(lambda: self.export_button.setEnabled(True))
        return True

    def _progress(self, fraction: float, _message: str) -> None:
        if fraction >= 1.0:
            self.progress.setRange(0, 100)
            self.progress.setValue(100)

    def _failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        self.status.setText(self.tr("Not written: %1").replace("%1", str(exc)))

    def _written(self, path: Path) -> None:
        self.written = Path(path)
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.status.setText(self.tr("Written: %1").replace("%1", str(path)))
        self.sig_written.emit(str(path))
        answer = QMessageBox.question(
            self, self.tr("Export report"), self.tr("“%1” is written. Open it now?").replace("%1", Path(path).name),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, QMessageBox.StandardButton.Open,
        )
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
