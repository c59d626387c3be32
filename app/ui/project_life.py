"""A project's life in the window: the welcome page while no project is open (new, open, recent, the sample, a
REFI-QDA project), New project, Save a copy and Close.

The window hands in what opening means (``MainWindow.open_project`` asks about locks and shows errors); this module
only asks the researcher and calls the model's functions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.team import TeamProject, is_team_location
from app.ui.context import ApplicationContext
from app.ui.settings import LANGUAGE, RECENT_PROJECTS

PROJECT_FILTER = "FocusCoder (*.fcproj)"
LANGUAGES = (("de", "Deutsch"), ("en", "English"))


def default_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class NewProjectDialog(QDialog):
    """Name, language of the transcripts, and the folder the project file goes into."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "de", folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New project"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Fokusgruppe Arbeitsmarktintegration"))
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.folder = QLineEdit(str(folder or default_folder()))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(choose)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Language of the transcripts:"), self.language)
        form.addRow(self.tr("&Folder:"), where)
        form.addRow(self.tr("Project file:"), self.file_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update)
        self.folder.textChanged.connect(self._update)
        self.resize(560, self.sizeHint().height())
        self._update()

    def path(self) -> Path:
        """The project file: the name made safe for a file system, in the chosen folder."""
        stem = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in self.name.text().strip()).strip(". ")
        return Path(self.folder.text().strip()).expanduser() / f"{stem or 'Projekt'}.fcproj"

    def problem(self) -> str:
        """Why the project cannot be created as entered ("" when it can)."""
        if not self.name.text().strip():
            return self.tr("Give the project a name.")
        folder = Path(self.folder.text().strip()).expanduser()
        if not folder.is_dir():
            return self.tr("The folder does not exist.")
        if self.path().exists():
            return self.tr("A project of this name exists in this folder already.")
        return ""

    def _update(self) -> None:
        problem = self.problem()
        self.file_label.setText(problem or str(self.path()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the project"), self.folder.text())
        if folder:
            self.folder.setText(folder)


def create_new_project(window, context: ApplicationContext, dialog: NewProjectDialog | None = None) -> bool:  # noqa: ANN001
    """Ask for name, language and folder, create the project file and open it."""
    from app.models import ProjectFileError, create_project

    language = context.settings.get(LANGUAGE) or "de"
    dialog = dialog or NewProjectDialog(window, language=language if language in ("de", "en") else "de")
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.problem():
        return False
    path = dialog.path()
    try:
        create_project(path, name=dialog.name.text().strip(), language=dialog.language.currentData()).close()
    except (ProjectFileError, OSError) as exc:
        window.show_error(str(exc))
        return False
    return window.open_project(path)


def save_copy(window, context: ApplicationContext, target: str | Path | None = None) -> Path | None:  # noqa: ANN001
    """Write a complete copy of the open project (a team project: a project file of it, for work offline)."""
    from app.models import ProjectFileError

    project = context.project
    if project is None:
        return None
    if target is None:
        suggestion = str(default_folder() / f"{window.tr('Copy of')} {project_display_name(context)}.fcproj")
        target, _ = QFileDialog.getSaveFileName(window, window.tr("Save a copy"), suggestion, PROJECT_FILTER)
        if not target:
            return None
    try:
        if isinstance(project, TeamProject):
            from app.models.team_copy import checkout

            checkout(project.location, str(target), password=project.password)
            written = Path(target)
        else:
            from app.models.backups import save_copy as write_copy

            written = write_copy(project.path, target)
    except (ProjectFileError, OSError) as exc:
        window.show_error(str(exc))
        return None
    window.statusBar().showMessage(window.tr("Saved a copy as %1").replace("%1", str(written)), 8000)
    return written


def project_display_name(context: ApplicationContext) -> str:
    project = context.project
    if project is None:
        return ""
    return project.location if isinstance(project, TeamProject) else Path(project.path).stem


class WelcomePage(QWidget):
    """What the window shows while no project is open."""

    sig_new = Signal()
    """New project… was chosen."""
    sig_open = Signal()
    """Open project… was chosen."""
    sig_sample = Signal()
    """The sample project was chosen."""
    sig_import_exchange = Signal()
    """A REFI-QDA project (.qdpx) from another tool is to become a new project."""
    sig_open_recent = Signal(str)
    """A recent project (its path or team address) was chosen."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("WelcomePage")
        self.title = QLabel("FocusCoder")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.sample_button = QPushButton()
        self.import_button = QPushButton()
        for button, signal in ((self.new_button, self.sig_new), (self.open_button, self.sig_open),
                               (self.sample_button, self.sig_sample), (self.import_button, self.sig_import_exchange)):
            button.setMinimumHeight(34)
            button.clicked.connect(signal)
        self.recent_label = QLabel()
        self.recent = QListWidget()
        self.recent.setAlternatingRowColors(True)
        self.recent.setSpacing(3)
        self.recent.itemActivated.connect(lambda item: self.sig_open_recent.emit(item.data(Qt.ItemDataRole.UserRole)))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.recent, self._open_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        buttons = QVBoxLayout()
        for button in (self.new_button, self.open_button, self.sample_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        recent = QVBoxLayout()
        recent.addWidget(self.recent_label)
        recent.addWidget(self.recent, 1)
        columns = QHBoxLayout()
        columns.addLayout(buttons, 1)
        columns.addSpacing(24)
        columns.addLayout(recent, 2)
        inner = QVBoxLayout()
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addSpacing(16)
        inner.addLayout(columns, 1)
        box = QWidget()
        box.setMaximumWidth(900)
        box.setLayout(inner)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addStretch(1)
        outer.addWidget(box, 4)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.subtitle.setText(self.tr(
            "Qualitative coding of focus groups and interviews. Start a project of your own, open one, or look "
            "around in the sample workshop first."
        ))
        self.new_button.setText(self.tr("New project…"))
        self.open_button.setText(self.tr("Open project…"))
        self.sample_button.setText(self.tr("Open the sample project"))
        self.import_button.setText(self.tr("New project from REFI-QDA (.qdpx)…"))
        heading = self.tr("Recent projects")
        self.recent_label.setText(f"<b>{heading}</b>")
        self.refresh()

    def refresh(self) -> None:
        """The recent projects, each with where it lives; those that are gone are said to be."""
        self.recent.clear()
        for location in self.context.settings.get(RECENT_PROJECTS):
            if is_team_location(location):
                where = self.tr("team project on a server")
                text = f"{location}\n{where}"
            else:
                path = Path(location)
                where = str(path.parent) if path.exists() else self.tr("%1 (not found there)").replace("%1", str(path.parent))
                text = f"{path.stem}\n{where}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, location)
            item.setToolTip(location)
            self.recent.addItem(item)
        if self.recent.count() == 0:
            item = QListWidgetItem(self.tr("(none yet)"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
        else:
            self.recent.setCurrentRow(0)

    def _open_current(self) -> None:
        item = self.recent.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.sig_open_recent.emit(item.data(Qt.ItemDataRole.UserRole))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def dropped_project(mime) -> Path | None:  # noqa: ANN001 - QMimeData
    """The one project file (.fcproj) or REFI-QDA project (.qdpx) dropped, if that is what was dropped."""
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
    if len(paths) == 1 and paths[0].suffix.lower() in (".fcproj", ".qdpx") and paths[0].is_file():
        return paths[0]
    return None
