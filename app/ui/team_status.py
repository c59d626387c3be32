"""The status bar's word on a team project: connected (and who else is working in it) or offline, reconnecting.

It stays in the corner of the status bar while a team project is open, so being offline is never a message that
another message pushed away.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.models.team import TeamProject


class TeamStatus(QLabel):
    def __init__(self, context, parent: QWidget | None = None) -> None:  # noqa: ANN001 - ApplicationContext
        super().__init__(parent)
        self.context = context
        self.online = True
        self.colleagues: list[str] = []
        context.sig_project_opened.connect(self._project_opened)
        context.sig_team_connection.connect(self.show_connection)
        context.sig_team_presence.connect(self.show_colleagues)
        self._project_opened()

    def _project_opened(self) -> None:
        self.online, self.colleagues = True, []
        self.setVisible(isinstance(self.context.project, TeamProject))
        self._show()

    def show_connection(self, connected: bool) -> None:
        self.online = connected
        self._show()

    def show_colleagues(self, names: list[str]) -> None:
        self.colleagues = list(names)
        self._show()

    def _show(self) -> None:
        if not self.online:
            self.setText(self.tr("Team project: offline, reconnecting…"))
            self.setToolTip(self.tr("The team server cannot be reached. Changes are not taken until it is back; "
                                    "FocusCoder reconnects by itself and then shows what colleagues did meanwhile."))
        elif self.colleagues:
            self.setText(self.tr("Team project: connected · also working: %1").replace("%1", ", ".join(self.colleagues)))
            self.setToolTip(self.tr("Colleagues who have this team project open in FocusCoder now."))
        else:
            self.setText(self.tr("Team project: connected"))
            self.setToolTip(self.tr("Nobody else has this team project open in FocusCoder now."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)
