"""A chart image (a PNG drawn by ``app/export/charts.py``) that shrinks to the width it is given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy

CHART_SCALE = 2.0  # the chart is drawn at 200 dpi: shown at half size it is sharp on any screen


class ChartLabel(QLabel):
    """A chart image that shrinks to the width it is given (never grows beyond its drawn size)."""

    def __init__(self) -> None:
        super().__init__()
        self.image = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_png(self, png: bytes | None) -> None:
        self.image = QPixmap()
        if not png:
            self.setPixmap(QPixmap())
            return
        self.image.loadFromData(png, "PNG")
        self.image.setDevicePixelRatio(CHART_SCALE)
        self._scale()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        if self.image.isNull():
            return
        width = min(self.width() - 8, int(self.image.width() / CHART_SCALE))
        if width <= 0:
            return
        scaled = self.image.scaledToWidth(int(width * CHART_SCALE), Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(CHART_SCALE)
        if self.pixmap().size() != scaled.size():
            self.setPixmap(scaled)
