"""Who is coding: chosen when FocusCoder starts for the first time and from Coding › Current coder…

Every coding and memo records its coder, so two colleagues coding the same transcripts stay apart (and can be
compared). The choice is remembered in the settings.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from app.services.coder_view import list_coders
from app.ui.context import ApplicationContext
from app.ui.settings import CODER_NAME


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def has_chosen_coder(context: ApplicationContext) -> bool:
    return context.settings.store.contains(CODER_NAME.key)


def choose_coder(context: ApplicationContext, parent: QWidget | None = None) -> str | None:
    """Ask who is coding (the project's coders offered, a new name allowed); None when cancelled.

    The first time nothing is filled in: one Enter must not file every coding under a name nobody chose.
    """
    known = [row.name for row in list_coders(context.project)] if context.project is not None else []
    if has_chosen_coder(context):
        current = context.coder
        names = [current] + [name for name in known if name != current]
        question = tr("Who is coding? Every coding you make records this name.")
    else:
        names = [""] + [name for name in known if name != "default"]
        question = tr("Who is coding? Please type your name: every coding you make records it, so that colleagues' "
                      "coding stays apart and can be compared.")
    name, accepted = QInputDialog.getItem(
        parent,
        tr("Current coder"),
        question,
        names,
        0,
        True,  # editable: a new coder is just a new name
    )
    name = name.strip()
    if not accepted or not name:
        return None
    context.settings.set(CODER_NAME, name)
    return name
