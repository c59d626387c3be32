"""The speakers panel: turns and documents per speaker, rename and attributes in place (undoable), merge."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def table(window) -> list[tuple]:
    """Name, turns, documents and attributes (the participant column is a check box: see ``participants``)."""
    model = window.speakers.model
    return [tuple(model.index(r, c).data() for c in range(model.participant_column)) for r in range(model.rowCount())]


def choose(window, name: str) -> None:
    model = window.speakers.model
    row = next(i for i, s in enumerate(model.speakers) if s.name == name)
    window.speakers.table.setCurrentIndex(model.index(row, 0))


def test_speakers_with_turns_documents_and_attributes(qtbot, window, context, qtmodeltester):
    qtmodeltester.check(window.speakers.model)
    assert table(window) == [("Dr. Anna Weber", 3, 2), ("Herr Yilmaz", 2, 2), ("Moderatorin", 3, 2)]
    choose(window, "Herr Yilmaz")
    assert window.speakers.add_attribute("Institution", "IHK")
    assert table(window)[1] == ("Herr Yilmaz", 2, 2, "IHK")
    qtmodeltester.check(window.speakers.model)
    model = window.speakers.model
    assert model.setData(model.index(0, 3), "Hochschule")
    qtbot.waitUntil(lambda: table(window)[0] == ("Dr. Anna Weber", 3, 2, "Hochschule"))
    context.undo_stack.undo()
    assert table(window)[0] == ("Dr. Anna Weber", 3, 2, "")
    context.undo_stack.undo()
    assert table(window)[1] == ("Herr Yilmaz", 2, 2, "")  # the attribute stays, without a value


def test_rename_in_place_shows_everywhere_and_undoes(qtbot, window, context):
    model = window.speakers.model
    assert model.setData(model.index(2, 0), "Moderation")
    qtbot.waitUntil(lambda: "Moderation" in [s.name for s in model.speakers])
    documents = window.documents.document_model
    assert documents.index(0, 0, documents.index(0, 0)).data() == "Moderation"
    context.undo_stack.undo()
    assert "Moderatorin" in [s.name for s in model.speakers]


def test_merge_asks_and_joins_the_turns(qtbot, window, context, monkeypatch):
    choose(window, "Herr Yilmaz")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.speakers.merge_speaker("Dr. Anna Weber")
    assert table(window) == [("Dr. Anna Weber", 5, 2), ("Moderatorin", 3, 2)]


def test_merge_is_undone_and_redone_exactly(qtbot, window, context, monkeypatch, study):
    from app.services import set_attribute, set_memo
    from tests.fixtures.dumps import unversioned as dump  # every value as before; memo row versions only go up

    set_attribute(context.project, name="Institution", value="IHK", speaker="Herr Yilmaz")
    set_memo(context.project, "Kennt die Kammer.", speaker="Herr Yilmaz")
    window.speakers.refresh()
    before = dump(study)
    choose(window, "Herr Yilmaz")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    assert window.speakers.merge_speaker("Dr. Anna Weber")
    assert "Undo" in asked[0]  # the question no longer says it is for good
    assert table(window) == [("Dr. Anna Weber", 5, 2, "IHK"), ("Moderatorin", 3, 2, "")]
    assert context.undo_stack.undoText() == "Merge speaker “Herr Yilmaz” into “Dr. Anna Weber”"

    window.undo_action.trigger()
    assert table(window) == [("Dr. Anna Weber", 3, 2, ""), ("Herr Yilmaz", 2, 2, "IHK"), ("Moderatorin", 3, 2, "")]
    assert dump(study) == before  # the same speaker again: id, GUID, turns, alias-free target, memo
    documents = window.documents.document_model
    assert "Herr Yilmaz" in [documents.index(r, 0, documents.index(0, 0)).data() for r in range(3)]

    window.redo_action.trigger()
    assert table(window) == [("Dr. Anna Weber", 5, 2, "IHK"), ("Moderatorin", 3, 2, "")]
    window.undo_action.trigger()
    assert dump(study) == before


def participants(window) -> list[tuple[str, bool]]:
    from PySide6.QtCore import Qt

    model = window.speakers.model
    column = model.participant_column
    return [(model.speakers[r].name, model.index(r, column).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked)
            for r in range(model.rowCount())]


def test_a_speaker_is_marked_as_no_participant_and_back(qtbot, window, context, qtmodeltester):
    from PySide6.QtCore import Qt

    from app.services.votes import participant_mark

    model = window.speakers.model
    assert participants(window) == [("Dr. Anna Weber", True), ("Herr Yilmaz", True), ("Moderatorin", True)]
    choose(window, "Moderatorin")
    assert window.speakers.add_attribute("Rolle", "Moderation")
    qtbot.waitUntil(lambda: participants(window)[2] == ("Moderatorin", False))  # by role now
    assert participant_mark(context.project, "Moderatorin") is None
    assert model.setData(model.index(2, model.participant_column), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: participants(window)[2] == ("Moderatorin", True))
    assert participant_mark(context.project, "Moderatorin") is True
    qtmodeltester.check(model)
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: participants(window)[2] == ("Moderatorin", False))
    assert participant_mark(context.project, "Moderatorin") is None
