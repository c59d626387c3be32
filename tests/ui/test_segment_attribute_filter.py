"""Retrieved segments filtered by a speaker attribute (e.g. Institution = IHK), beside the document and speaker
filters; the choice follows attribute changes and their undo."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from tests.ui.test_segments import _span, select_codes, shown


def choose_speaker(window, name: str) -> None:
    model = window.speakers.model
    row = next(i for i, s in enumerate(model.speakers) if s.name == name)
    window.speakers.table.setCurrentIndex(model.index(row, 0))


def stored_values(context) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{context.project.path}?mode=ro", uri=True)) as db:
        return db.execute(
            "SELECT s.name, a.name, v.value FROM attribute_value v JOIN attribute a ON a.id = v.attribute_id"
            " JOIN speaker s ON s.id = v.speaker_id WHERE v.value IS NOT NULL ORDER BY s.name"
        ).fetchall()


def items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_filter_by_speaker_attribute(qtbot, window, context):
    window.transcript.select_span(*_span(window, "Ohne Anerkennung der Abschlüsse geht wenig."))
    assert window.coding.apply("Anerkennung")
    select_codes(window, "Anerkennung", "Sprache/Sprachkurs")
    segments = window.segments
    assert items(segments.attribute_filter) == ["All attributes"]
    choose_speaker(window, "Herr Yilmaz")
    assert window.speakers.add_attribute("Institution", "IHK")
    choose_speaker(window, "Dr. Anna Weber")
    assert window.speakers.add_attribute("Institution", "Hochschule")
    assert stored_values(context) == [("Dr. Anna Weber", "Institution", "Hochschule"),
                                      ("Herr Yilmaz", "Institution", "IHK")]
    # the new values are offered at once, without reopening anything
    assert items(segments.attribute_filter) == ["All attributes", "Institution = Hochschule", "Institution = IHK"]

    combo = segments.attribute_filter
    combo.setCurrentIndex(combo.findText("Institution = IHK"))  # through the combo box itself
    assert [(row[0], row[1]) for row in shown(window)] == [("Workshop 1", "Herr Yilmaz"), ("Workshop 2", "Herr Yilmaz")]
    assert segments.summary.text() == "2 segment(s) in 2 document(s)"

    documents = {row.name: row.id for row in window.documents.document_model.rows}
    segments.set_filters(document_id=documents["Workshop 2"], attribute=("Institution", "IHK"))
    assert [(row[0], row[1]) for row in shown(window)] == [("Workshop 2", "Herr Yilmaz")]

    speaker = segments.speaker_filter
    segments.set_filters(speaker_id=speaker.itemData(speaker.findText("Dr. Anna Weber")), attribute=("Institution", "IHK"))
    assert shown(window) == []  # a speaker outside the attribute: nothing, not everything

    segments.set_filters(attribute=("Institution", "Hochschule"))
    assert [row[1] for row in shown(window)] == ["Dr. Anna Weber"]
    combo.setCurrentIndex(0)
    assert len(shown(window)) == 3


def test_attribute_filter_follows_undo_and_redo(qtbot, window, context):
    select_codes(window, "Anerkennung", "Sprache/Sprachkurs")
    choose_speaker(window, "Herr Yilmaz")
    assert window.speakers.add_attribute("Institution", "IHK")
    segments = window.segments
    segments.set_filters(attribute=("Institution", "IHK"))
    assert [row[1] for row in shown(window)] == ["Herr Yilmaz"]
    context.undo_stack.undo()
    assert stored_values(context) == []
    assert items(segments.attribute_filter) == ["All attributes"]
    assert len(shown(window)) == 2  # the filter fell back to everything
    context.undo_stack.redo()
    assert stored_values(context) == [("Herr Yilmaz", "Institution", "IHK")]
    assert "Institution = IHK" in items(segments.attribute_filter)
