"""The reports dock of the main window (hidden until asked for) and the export dialog it opens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from app.ui.context import ApplicationContext
from app.ui.export_dialog import ExportDialog
from app.ui.reports import ReportsView


class ReportsDock(QDockWidget):
    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReportsDock")
        self.context = context
        self.view = ReportsView(context)
        self.setWidget(self.view)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.retranslate()
        self.export_dialog: ExportDialog | None = None
        self.view.sig_export_requested.connect(self.open_export)
        self.hide()

    def retranslate(self) -> None:
        """Title and View menu entry in the current language (at start and when the language changes)."""
        self.setWindowTitle(self.tr("Reports"))
        self.toggleViewAction().setText(self.tr("&Reports"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_reports(self) -> None:
        self.show()
        self.raise_()

    def open_export(self) -> ExportDialog | None:
        """Open the export dialog (one at a time; not blocking the window)."""
        if self.context.project is None:
            return None
        if self.export_dialog is None:
            self.export_dialog = ExportDialog(self.context, self.parentWidget())
            self.export_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.export_dialog.destroyed.connect(lambda *_: setattr(self, "export_dialog", None))
        self.export_dialog.open()
        return self.export_dialog
