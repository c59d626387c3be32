"""Sharing from the window: REFI-QDA export and import, merging a colleague's project, the coder filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app import services
from app.models import open_project
from app.models.backups import list_backups
from app.services import queries
from app.services.coder_view import list_coders


@pytest.fixture(autouse=True)
def scratch_backups(tmp_path, monkeypatch):
    monkeypatch.setenv("FOCUSCODER_BACKUPS", str(tmp_path / "backups"))


def finish_tasks(qtbot, context) -> None:
    qtbot.waitUntil(lambda: not context.tasks.busy)


def answer(monkeypatch, button=QMessageBox.StandardButton.Ok) -> list[str]:
    """Answer the confirmation with ``button``; the questions asked are collected."""
    asked: list[str] = []

    def question(parent, title, text, *args):  # noqa: ANN001, ANN202
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def colleague_copy(context, tmp_path: Path) -> Path:
    """A copy of the project (same GUIDs) in which the colleague Kemal coded and added a code."""
    from app.models.project_file import backup_copy

    other = backup_copy(Path(context.project.path), suffix="kemal")
    target = tmp_path / "kemal.fcproj"
    other.rename(target)
    with open_project(target) as project:
        services.add_code(project, "Arbeitgeber/Begleitung", color="#911EB4")
        services.apply_code_to_quote(project, document="Workshop 1", code="Arbeitgeber/Begleitung",
                                     quote="Die brauchen Begleitung", coder="Kemal")
        services.apply_code_to_quote(project, document="Workshop 1", code="Sprache/Sprachkurs",
                                     quote="Der Sprachkurs ist das A und O.", coder="Kemal")
    return target


def test_export_qdpx_and_qdc_from_the_file_menu(qtbot, window, context, tmp_path, monkeypatch):
    from app.importers.refi_qda import read_qdc, read_qdpx

    target = tmp_path / "out" / "study"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert window.exchange.export_qdpx_action in window.menuBar().actions()[0].menu().actions()
    window.exchange.export_qdpx_action.trigger()
    finish_tasks(qtbot, context)
    data = read_qdpx(target.with_suffix(".qdpx"))
    assert sorted(doc.name for doc in data.documents) == ["Workshop 1", "Workshop 2"]
    assert len(data.codings) == 2
    assert "Wrote" in window.statusBar().currentMessage()
    window.exchange.export_qdc_action.trigger()
    finish_tasks(qtbot, context)
    codebook = read_qdc(target.with_suffix(".qdc"))
    assert sorted(code.name for code in codebook.codes) == ["Anerkennung", "Arbeitgeber", "Sprache", "Sprachkurs"]


def test_import_qdpx_brings_a_document_in_and_clears_undo(qtbot, window, context, tmp_path, monkeypatch):
    from app.export.refi_qda import export_qdpx
    from tests.ui.conftest import transcript

    with services.create_project(tmp_path / "elsewhere.fcproj", name="Elsewhere") as other:
        turns = ((None, "Elterncafé, 3. April", None), ("Frau Krüger", "Ohne Kita-Platz geht gar nichts.", 0),
                 ("Moderatorin", "Und die Arbeitgeber?", 9_000))
        services.import_documents(other, [transcript("Workshop 3", turns)])
        services.add_code(other, "Kita", color="#E6194B")
        services.apply_code_to_quote(other, document="Workshop 3", code="Kita", quote="Und die Arbeitgeber?", coder="Lea")
        qdpx = export_qdpx(other, tmp_path / "elsewhere.qdpx")
    services_before = len(queries.list_documents(context.project))
    from app.ui.commands import AddCode

    context.execute(AddCode(context, "Neu"))
    assert context.undo_stack.count() == 1
    asked = answer(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(qdpx), "")))
    window.exchange.import_action.trigger()
    qtbot.waitUntil(lambda: window.exchange.summary is not None)
    assert "cannot be undone" in asked[0]
    assert "Added: 1 coders, 1 codes, 1 speakers, 1 documents, 1 codings" in window.exchange.summary.text.toPlainText()
    assert context.undo_stack.count() == 0
    names = [row.name for row in window.documents.document_model.rows]
    assert names == ["Workshop 1", "Workshop 2", "Workshop 3"] and services_before == 2
    assert "Kita" in [row.path for row in window.codes.tree.code_model.rows]
    assert {row.name: row.codings for row in list_coders(context.project)}.get("Lea") == 1
    assert [b.note for b in list_backups(context.project.path)][0] == "before-import"  # the newest


def test_merge_asks_first_and_cancel_changes_nothing(qtbot, window, context, tmp_path, monkeypatch):
    other = colleague_copy(context, tmp_path)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.exchange.merge(str(other))
    assert "cannot be undone" in asked[0] and "kemal.fcproj" in asked[0]
    finish_tasks(qtbot, context)
    assert "Kemal" not in [row.name for row in list_coders(context.project)]
    assert window.exchange.summary is None


def test_merge_brings_the_colleagues_codings_in_and_shows_a_summary(qtbot, window, context, tmp_path, monkeypatch):
    other = colleague_copy(context, tmp_path)
    answer(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), "")))
    window.exchange.merge_action.trigger()
    qtbot.waitUntil(lambda: window.exchange.summary is not None)
    summary = window.exchange.summary.text.toPlainText()
    assert "Added: 1 coders, 1 codes, 2 codings" in summary
    assert "Matched (already there):" in summary and "2 documents" in summary
    coders = {row.name: row.codings for row in list_coders(context.project)}
    assert coders["Kemal"] == 2 and coders["default"] == 2
    assert context.undo_stack.count() == 0
    assert "Arbeitgeber/Begleitung" in [row.path for row in window.codes.tree.code_model.rows]
    assert [b.note for b in list_backups(context.project.path)][0] == "before-merge"  # the newest
    # The open transcript shows the merged codings at once.
    window.open_document(window.documents.document_model.rows[0].id)
    assert window.transcript.layer.count == 3


def test_coder_filter_hides_and_shows_a_coders_codings(qtbot, window, context, tmp_path, monkeypatch):
    services.apply_code_to_quote(context.project, document="Workshop 1", code="Arbeitgeber",
                                 quote="Und die Arbeitgeber?", coder="Kemal")
    window.open_document(window.documents.document_model.rows[0].id)
    assert sorted(c.coder for c in window.transcript.layer.live()) == ["Kemal", "default"]
    menu = window.coder_filter.menu
    assert menu in [action.menu() for action in window.menuBar().actions()[3].menu().actions()]
    window.coder_filter.fill_menu()
    entries = {action.data(): action for action in menu.actions() if action.isCheckable()}
    assert set(entries) == {"Kemal", "default"} and all(action.isChecked() for action in entries.values())
    entries["Kemal"].setChecked(False)
    assert [c.coder for c in window.transcript.layer.live()] == ["default"]
    assert "1 codings" in window.document_caption.text()
    # A new coding by someone shown appears; the hidden coder stays hidden through the refresh.
    context.notify(services.apply_code_to_quote(context.project, document="Workshop 1", code="Anerkennung",
                                                quote="Wirklich.", coder="default"))
    context.notify(services.apply_code_to_quote(context.project, document="Workshop 1", code="Anerkennung",
                                                quote="Wirklich.", coder="Kemal"))
    assert sorted(c.coder for c in window.transcript.layer.live()) == ["default", "default"]
    window.codes.refresh()
    window.refresh(services.update_code(context.project, "Anerkennung", color="#000000"))
    assert sorted(c.coder for c in window.transcript.layer.live()) == ["default", "default"]
    window.codes.tree.select_code(next(r.id for r in window.codes.tree.code_model.rows if r.path == "Anerkennung"))
    assert [segment.coder for segment in window.segments.model.segments] == ["default", "default"]
    window.coder_filter.show_only(["Kemal"])
    assert [c.coder for c in window.transcript.layer.live()] == ["Kemal", "Kemal"]
    assert [segment.coder for segment in window.segments.model.segments] == ["Kemal"]
    window.coder_filter.show_only(None)
    assert window.transcript.layer.count == 4
    assert sorted(segment.coder for segment in window.segments.model.segments) == ["Kemal", "default", "default"]


def test_import_with_no_project_open_makes_a_new_project_and_opens_it(qtbot, window, context, tmp_path, monkeypatch):
    from app.export.refi_qda import export_qdpx

    qdpx = export_qdpx(context.project, tmp_path / "shared.qdpx")
    context.close_project()
    assert window.exchange.import_action.isEnabled() and not window.exchange.merge_action.isEnabled()
    target = tmp_path / "from colleague"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(qdpx), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    asked = answer(monkeypatch)
    window.exchange.import_action.trigger()
    qtbot.waitUntil(lambda: window.exchange.summary is not None)
    assert asked == []  # nothing to confirm: nothing existing changes
    assert Path(context.project.path) == target.with_suffix(".fcproj")
    assert [row.name for row in window.documents.document_model.rows] == ["Workshop 1", "Workshop 2"]
    assert {row.name: row.codings for row in list_coders(context.project)} == {"default": 2}
    assert "new project" in window.exchange.summary.findChild(type(window.document_caption)).text()


def test_a_broken_file_leaves_no_new_project_behind(qtbot, window, context, tmp_path):
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    context.close_project()
    with qtbot.waitSignal(context.sig_error) as error:
        window.exchange.import_as_new_project(str(broken), str(tmp_path / "new.fcproj"))
    assert "broken.qdpx" in error.args[0]
    assert not (tmp_path / "new.fcproj").exists() and context.project is None


def test_cancelling_the_progress_before_the_merge_starts_changes_nothing(qtbot, window, context, tmp_path, monkeypatch):
    other = colleague_copy(context, tmp_path)
    answer(monkeypatch)
    window.exchange.merge(str(other))
    from PySide6.QtWidgets import QPushButton

    window.exchange.progress.findChild(QPushButton).click()  # the work starts only once the event loop runs
    finish_tasks(qtbot, context)
    assert "Kemal" not in [row.name for row in list_coders(context.project)]
    assert window.exchange.summary is None
