"""The Punktabfrage table beside the code tree, driven as a researcher does: choose the measures, type points into
a cell, undo; and the study's details dialog. Each edit is one undo step; the model passes Qt's model tester."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app import services


def votes(context) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{context.project.path}?mode=ro", uri=True)) as db:
        return db.execute("SELECT c.name, v.institution, v.points FROM vote v JOIN code c ON c.id = v.code_id "
                          "ORDER BY c.name").fetchall()


def measures(context) -> None:
    for path in ("Maßnahmen", "Maßnahmen/Lotsenstelle", "Maßnahmen/Sprachkurs im Betrieb"):
        services.add_code(context.project, path)
    context.notify(services.ChangeSet(created=[services.Ref("code", 0)]))


def cells(panel) -> list[tuple[str, str]]:
    model = panel.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def test_typing_points_into_a_cell_and_undoing_it(qtbot, window, context, qtmodeltester):
    panel = window.codes.votes
    measures(context)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)  # "Maßnahmen" found by its name
    assert cells(panel) == [("Lotsenstelle", ""), ("Sprachkurs im Betrieb", "")]
    qtmodeltester.check(panel.model)

    # Edit the cell as a user does: open its editor, type, press Enter.
    index = panel.model.index(1, 1)
    panel.table.setFocus()
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "14")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cells(panel)[1] == ("Sprachkurs im Betrieb", "14"))
    assert votes(context) == [("Sprachkurs im Betrieb", "", 14)]
    assert panel.total.text() in ("14 points on 1 of 2 measures", "14 Punkte auf 1 von 2 Maßnahmen")
    assert context.undo_stack.count() == 1

    assert panel.model.setData(panel.model.index(0, 1), "10")
    qtbot.waitUntil(lambda: cells(panel)[0] == ("Lotsenstelle", "10"))
    assert panel.model.setData(panel.model.index(1, 1), "")  # cleared: not voted on
    qtbot.waitUntil(lambda: cells(panel)[1] == ("Sprachkurs im Betrieb", ""))
    assert votes(context) == [("Lotsenstelle", "", 10)]

    context.undo_stack.undo()
    qtbot.waitUntil(lambda: cells(panel)[1] == ("Sprachkurs im Betrieb", "14"))
    context.undo_stack.undo()
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: cells(panel) == [("Lotsenstelle", ""), ("Sprachkurs im Betrieb", "")])
    assert votes(context) == []
    context.undo_stack.redo()
    assert votes(context) == [("Sprachkurs im Betrieb", "", 14)]
    qtmodeltester.check(panel.model)


def test_what_is_no_number_is_refused_with_a_message(qtbot, window, context):
    panel = window.codes.votes
    measures(context)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    with qtbot.waitSignal(context.sig_error) as error:
        assert not panel.model.setData(panel.model.index(0, 1), "viele")
    assert "viele" in error.args[0]
    assert votes(context) == [] and context.undo_stack.count() == 0


def test_choosing_the_parent_of_the_measures_is_remembered_and_undone(qtbot, window, context):
    panel = window.codes.votes
    measures(context)
    services.add_code(context.project, "Anerkennung/Schneller")
    context.notify(services.ChangeSet(created=[services.Ref("code", 0)]))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.choose_parent("Anerkennung")
    qtbot.waitUntil(lambda: cells(panel) == [("Schneller", "")])
    assert panel.parent_choice.currentData() == "Anerkennung"
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)


def test_deleting_a_measure_and_undoing_brings_its_points_back(qtbot, window, context):
    panel = window.codes.votes
    measures(context)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.set_points("Maßnahmen/Lotsenstelle", 10)
    from tests.ui.test_code_tree import choose

    window.codes.refresh()
    choose(window, "Maßnahmen/Lotsenstelle")
    assert window.codes.delete_code(confirm=False)
    assert votes(context) == []
    context.undo_stack.undo()
    assert votes(context) == [("Lotsenstelle", "", 10)]


def test_the_study_details_dialog_saves_and_undoes(qtbot, window, context):
    from app.services.study import study_info
    from app.ui.study_dialog import StudyDialog

    dialog = StudyDialog(context, window)
    qtbot.addWidget(dialog)
    dialog.title.setText("Fokusgruppe Gelingensfaktoren")
    dialog.date.setText("2024-11-12")
    dialog.place.setText("Seminarraum 2.14")
    dialog.duration.setValue(118)
    dialog.phases.setPlainText("Vorstellung\nHürden und Gelingensfaktoren\nPunktabfrage")
    dialog.points_per_person.setValue(6)
    dialog.max_points.setValue(2)
    dialog.voters.setValue(9)
    assert dialog.save()
    info = study_info(context.project)
    assert (info.title, info.date, info.duration_minutes, info.total_points) == (
        "Fokusgruppe Gelingensfaktoren", date(2024, 11, 12), 118, 54)
    assert info.phases == ("Vorstellung", "Hürden und Gelingensfaktoren", "Punktabfrage")
    again = StudyDialog(context, window)  # opens with what is stored
    qtbot.addWidget(again)
    assert again.date.text() == "2024-11-12" and again.voters.value() == 9
    context.undo_stack.undo()
    assert study_info(context.project).is_empty()


def test_a_date_that_is_none_is_refused_in_the_dialog(qtbot, window, context):
    from app.ui.study_dialog import StudyDialog

    dialog = StudyDialog(context, window)
    qtbot.addWidget(dialog)
    dialog.date.setText("12.11.")
    with qtbot.waitSignal(context.sig_error):
        assert not dialog.save()
    assert context.undo_stack.count() == 0


def test_importing_cards_codes_their_clusters_and_undo_takes_it_all_back(qtbot, window, context, tmp_path):
    from app.ui.import_documents import import_with_preview

    cards = tmp_path / "karten.csv"
    cards.write_text("Name;Karte;Cluster;Punkte\nAnna;Kurs im Betrieb;Sprache;5\nBen;Lotse;Lotsenstelle;3\n"
                     "Cem;Noch ein Kurs;Sprache;2\n", encoding="utf-8")
    panel = window.codes.votes
    import_with_preview(window, context, [str(cards)])
    qtbot.waitUntil(lambda: getattr(window, "import_preview", None) is not None and window.import_preview.isVisible())
    preview = window.import_preview
    assert preview.clusters.isChecked()
    preview.clusters_parent.setText("Maßnahmen")
    preview.accept()
    qtbot.waitUntil(lambda: cells(panel) == [("Sprache", "7"), ("Lotsenstelle", "3")])  # from the cards: italics
    assert panel.model.index(0, 1).data(Qt.ItemDataRole.FontRole).italic()
    assert context.undo_stack.count() == 1
    qtbot.waitUntil(lambda: context.indexer.task is None, timeout=30_000)  # the language index of the new sheet
    context.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert "Maßnahmen" not in [row.path for row in window.codes.tree.code_model.rows]
    context.undo_stack.redo()
    qtbot.waitUntil(lambda: cells(panel) == [("Sprache", "7"), ("Lotsenstelle", "3")])
