"""Where a search looks: one document, one speaker, speakers with an attribute value, inside one code's passages.

The combo boxes hold ids (names and paths may change); ``filters()`` turns the choice into the names the search
takes.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.analysis.search import Filters
from app.models import Project
from app.services import queries

ATTRIBUTE_SEPARATOR = "\x1f"


class SearchFilters(QWidget):
    sig_codes_changed = Signal()
    """The project's codes were read again (``codes`` is up to date)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents: dict[int, str] = {}
        self.speakers: dict[int, str] = {}
        self.attributes: dict[str, str] = {}
        self.codes: dict[int, str] = {}
        self.document, self.speaker, self.attribute, self.code = (QComboBox() for _ in range(4))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, combo in ((self.tr("Document:"), self.document), (self.tr("Speaker:"), self.speaker),
                             (self.tr("Speakers with:"), self.attribute), (self.tr("Within code:"), self.code)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            layout.addWidget(QLabel(label))
            layout.addWidget(combo)
        layout.addStretch(1)

    def reload(self, project: Project | None) -> None:
        """Offer the project's documents, speakers, attribute values and codes, keeping what was chosen."""
        documents = [] if project is None else queries.list_documents(project)
        speakers = [] if project is None else queries.list_speakers(project)[1]
        codes = [] if project is None else queries.list_codes(project)
        self.documents = {row.id: row.name for row in documents}
        self.speakers = {row.id: row.name for row in speakers if row.turns}
        pairs = sorted({(name, value) for row in speakers for name, value in row.attributes.items() if value})
        self.attributes = {f"{name}{ATTRIBUTE_SEPARATOR}{value}": f"{name} = {value}" for name, value in pairs}
        self.codes = {row.id: row.path for row in codes}
        fill(self.document, self.tr("All documents"), self.documents)
        fill(self.speaker, self.tr("All speakers"), self.speakers)
        fill(self.attribute, self.tr("Any attribute"), self.attributes)
        self.attribute.setEnabled(bool(self.attributes))
        fill(self.code, self.tr("Anywhere"), self.codes)
        self.sig_codes_changed.emit()

    @property
    def within_code(self) -> bool:
        return self.code.currentData() is not None

    def filters(self) -> Filters:
        document, speaker, attribute, code = (combo.currentData() for combo in
                                              (self.document, self.speaker, self.attribute, self.code))
        return Filters(
            documents=() if document is None else (self.documents[document],),
            speakers=() if speaker is None else (self.speakers[speaker],),
            attribute=None if attribute is None else tuple(attribute.split(ATTRIBUTE_SEPARATOR, 1)),
            codes=() if code is None else (self.codes[code],),
        )


def fill(combo: QComboBox, everything: str | None, items: dict[Hashable, str]) -> None:
    """Offer ``items`` (data -> text), keeping the chosen one; ``everything`` (data None) first when given."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if everything is not None:
        combo.addItem(everything, None)
    for data, text in items.items():
        combo.addItem(text, data)
    found = combo.findData(chosen) if chosen is not None else -1
    combo.setCurrentIndex(max(0, found))
    combo.blockSignals(False)
