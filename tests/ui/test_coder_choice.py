"""Who is coding: chosen from Coding › Current coder…, remembered, and recorded on every coding made after."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QInputDialog

from app.ui.coder_choice import has_chosen_coder
from app.ui.settings import CODER_NAME


def test_the_chosen_coder_is_remembered_and_recorded_on_new_codings(qtbot, window, context, monkeypatch):
    offered = []

    def answer(parent, title, label, items, current, editable):  # noqa: ANN001, PLR0913 - Qt's signature
        offered.extend(items)
        return "Anna Weber", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(answer))
    assert not has_chosen_coder(context)
    action = next(a for a in window.findChildren(type(window.undo_action)) if a.text() == "Current c&oder…")
    action.trigger()
    # The first time nothing is filled in (one Enter must not file everything under "default").
    assert offered[0] == "" and "default" not in offered and context.coder == "Anna Weber"
    assert has_chosen_coder(context) and context.settings.get(CODER_NAME) == "Anna Weber"
    assert window.coder_button.text() == "Coder: Anna Weber"  # shown in the status bar
    offered.clear()
    action.trigger()
    assert offered[0] == "Anna Weber"  # from then on the current coder is offered first

    view = window.transcript
    start = view.content.text.index("Der Sprachkurs")
    view.select_span(start, start + len("Der Sprachkurs"))
    with qtbot.waitSignal(context.sig_project_changed):
        assert window.coding.apply("Anerkennung")
    with sqlite3.connect(context.project.path) as db:
        coders = [row[0] for row in db.execute(
            "SELECT coder.name FROM coding JOIN coder ON coder.id = coding.coder_id ORDER BY coding.id")]
    assert coders[-1] == "Anna Weber"


def test_cancelling_keeps_the_coder(window, context, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: ("Someone", False)))
    window.choose_coder()
    assert context.coder == "default" and not has_chosen_coder(context)


def test_an_empty_name_is_no_coder(window, context, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: ("  ", True)))
    window.choose_coder()
    assert not has_chosen_coder(context)


def test_the_status_bar_button_switches_the_coder(qtbot, window, context, monkeypatch):
    from PySide6.QtCore import Qt

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: ("Murat Demir", True)))
    qtbot.mouseClick(window.coder_button, Qt.MouseButton.LeftButton)
    assert context.coder == "Murat Demir" and window.coder_button.text() == "Coder: Murat Demir"

