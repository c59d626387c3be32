"""The text-analysis dock of the main window: the project search, word frequencies and code keywords in tabs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget

from app.ui.context import ApplicationContext
from app.ui.keywords_panel import KeywordPanel
from app.ui.search_panel import SearchPanel
from app.ui.word_frequency_panel import WordFrequencyPanel


class SearchDock(QDockWidget):
    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchDock")
        self.panel = SearchPanel(context)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.panel, "")
        self.words = WordFrequencyPanel(context)
        self.tabs.addTab(self.words, "")
        self.keywords = KeywordPanel(context)
        self.tabs.addTab(self.keywords, "")
        self.setWidget(self.tabs)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """Title, tabs and View menu entry in the current language (at start and when the language changes)."""
        self.setWindowTitle(self.tr("Search"))
        self.tabs.setTabText(self.tabs.indexOf(self.panel), self.tr("Search"))
        self.tabs.setTabText(self.tabs.indexOf(self.words), self.tr("Word frequencies"))
        self.tabs.setTabText(self.tabs.indexOf(self.keywords), self.tr("Code keywords"))
        self.toggleViewAction().setText(self.tr("Search and &word frequencies"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_search(self) -> None:
        """Show the dock on the search, with the query ready to type."""
        if self.isHidden() and self.parent() is not None:
            self.show()
            self.parent().resizeDocks([self], [340], Qt.Orientation.Vertical)
        self.show()
        self.raise_()
        self.tabs.setCurrentWidget(self.panel)
        self.panel.query.setFocus()
        self.panel.query.selectAll()
