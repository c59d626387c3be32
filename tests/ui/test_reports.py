"""The reports dock (sortable tables, the chart) and the export dialog, driven through the window."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app import services
from app.ui.commands import ApplyCode


def table(model) -> list[list[str]]:  # noqa: ANN001
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def headers(model) -> list[str]:  # noqa: ANN001
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def codings_per_code(path: Path) -> dict[str, int]:
    """Counted straight from the project file, not through the analyses."""
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT code.name, count(coding.id) FROM code LEFT JOIN coding "
                               "ON coding.code_id = code.id GROUP BY code.id"))


def settled(qtbot, view):  # noqa: ANN001, ANN201
    """Wait until the analyses computed in the background are shown."""
    qtbot.waitUntil(lambda: not view.busy)
    return view


@pytest.fixture
def reports(qtbot, window):
    window.reports_dock.open_reports()
    view = window.reports_dock.view
    assert view.isVisible() and view.busy
    return settled(qtbot, view)


def test_tables_show_the_analyses_and_pass_the_model_tester(reports, context, qtmodeltester, tmp_path):
    for model in (reports.frequency_model, reports.matrix_model, reports.speaker_model, reports.priority_model):
        qtmodeltester.check(model)
    counted = codings_per_code(Path(context.project.path))
    rows = {row[0]: row for row in table(reports.frequency_model)}
    assert list(rows) == ["Sprache", "Sprache › Sprachkurs", "Anerkennung", "Arbeitgeber"]
    assert {code: int(rows[code][1]) for code in rows} == {
        "Sprache": counted["Sprache"], "Sprache › Sprachkurs": counted["Sprachkurs"],
        "Anerkennung": counted["Anerkennung"], "Arbeitgeber": counted["Arbeitgeber"]}
    assert rows["Sprache"][5] == "1"  # with the sub-code's coding
    assert rows["Sprache › Sprachkurs"][4] == "7"  # "Der Sprachkurs ist das A und O." has 7 words
    matrix = reports.matrix_model
    assert headers(matrix) == ["Code", "Moderatorin", "Dr. Anna Weber", "Herr Yilmaz", "Total"]
    cells = {row[0]: row[1:] for row in table(matrix)}
    assert cells["Sprache › Sprachkurs"] == ["0", "1", "0", "1"]
    assert cells["Anerkennung"] == ["0", "0", "1", "1"]
    qtmodeltester.check(reports.document_matrix_model)
    assert headers(reports.document_matrix_model) == ["Code", "Workshop 1", "Workshop 2", "Total"]
    by_document = {row[0]: row[1:] for row in table(reports.document_matrix_model)}
    assert by_document["Sprache › Sprachkurs"] == ["1", "0", "1"] and by_document["Anerkennung"] == ["0", "1", "1"]
    speakers = table(reports.speaker_model)
    assert ["Workshop 1", "Moderatorin", "2"] == speakers[0][:3]
    assert speakers[0][4].endswith(" %")
    assert ["(all documents)", "Dr. Anna Weber", "3"] in [row[:3] for row in speakers]
    assert reports.parent_choice.currentData() == "Sprache"  # the only code with sub-codes
    assert table(reports.priority_model) == [["1", "Sprachkurs", "–", "–", "1", "–", "1", "Dr. Anna Weber"]]
    assert not reports.chart.image.isNull() and not reports.chart.pixmap().isNull()
    shot = tmp_path / "reports.png"
    assert reports.grab().save(str(shot)) and shot.stat().st_size > 0


def test_tables_sort_by_a_header_click_and_keep_the_order_through_a_refresh(qtbot, reports, context):
    model = reports.frequency_model
    view = reports.frequency_table
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [row[0] for row in table(model)] == ["Sprache › Sprachkurs", "Sprache", "Arbeitgeber", "Anerkennung"]
    persistent = model.index(0, 0)
    context.execute(ApplyCode(context, document="Workshop 1", code="Arbeitgeber", start=0, end=5))
    context.execute(ApplyCode(context, document="Workshop 2", code="Arbeitgeber", start=0, end=5))
    settled(qtbot, reports)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # codings, the most first
    assert persistent.isValid()
    assert [row[:2] for row in table(model)][:2] == [["Arbeitgeber", "2"], ["Sprache › Sprachkurs", "1"]]
    context.undo_stack.undo()  # the view refreshes while shown, still sorted by codings
    settled(qtbot, reports)
    assert [row[:2] for row in table(model)] == [  # equal counts keep the tree's order
        ["Sprache › Sprachkurs", "1"], ["Anerkennung", "1"], ["Arbeitgeber", "1"], ["Sprache", "0"]]


def test_empty_project_shows_empty_tables_and_no_chart(qtbot, window, context, tmp_path):
    with services.create_project(tmp_path / "empty.fcproj", name="Leer"):
        pass
    context.open_project(tmp_path / "empty.fcproj")
    window.reports_dock.open_reports()
    view = settled(qtbot, window.reports_dock.view)
    assert view.frequency_model.rowCount() == 0 and view.priority_model.rowCount() == 0
    assert view.chart.image.isNull() and "No codings" in view.chart.text()


@pytest.fixture
def opened(monkeypatch):
    """Answer "Open" when asked and record what would be opened (nothing is really opened)."""
    urls: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Open))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toLocalFile()) or True))
    return urls


def export_dialog(window):  # noqa: ANN001, ANN201
    window.export_report_action.trigger()
    dialog = window.reports_dock.export_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def choose(dialog, kind: str, language: str | None = None) -> None:  # noqa: ANN001
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.language.setCurrentIndex(dialog.language.findData(language))


def uncheck(widget, value: str) -> None:  # noqa: ANN001
    for i in range(widget.count()):
        if widget.item(i).data(Qt.ItemDataRole.UserRole) == value:
            widget.item(i).setCheckState(Qt.CheckState.Unchecked)


def test_export_xlsx_in_the_background_then_offer_to_open(qtbot, window, tmp_path, opened):
    import openpyxl

    dialog = export_dialog(window)
    choose(dialog, "xlsx", "en")
    with qtbot.waitSignal(dialog.sig_written):
        assert dialog.export(str(tmp_path / "tables"))
    assert dialog.progress.isVisible() and dialog.progress.value() == 100
    written = tmp_path / "tables.xlsx"
    assert opened == [str(written)]
    sheet = openpyxl.load_workbook(written)["Code frequencies"]
    counts = {row[0]: row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert counts["Sprache/Sprachkurs"] == 1 and counts["Anerkennung"] == 1 and counts["Arbeitgeber"] == 0


def test_export_csv_of_chosen_documents_in_english(qtbot, window, tmp_path, opened, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "seg.csv"), "")))
    dialog = export_dialog(window)
    choose(dialog, "csv", "en")
    uncheck(dialog.documents, "Workshop 2")
    with qtbot.waitSignal(dialog.sig_written):
        dialog.export_button.click()
    rows = list(csv.DictReader((tmp_path / "seg.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["Document"], r["Speaker"], r["Code path"], r["Text"]) for r in rows] == [
        ("Workshop 1", "Dr. Anna Weber", "Sprache/Sprachkurs", "Der Sprachkurs ist das A und O.")]


def test_export_word_report_without_a_code_and_nothing_checked_is_refused(qtbot, window, tmp_path, opened):
    from docx import Document

    dialog = export_dialog(window)
    choose(dialog, "docx", "de")
    dialog.quotes.setValue(0)  # all quotes
    assert dialog.quotes.text() == "all"
    uncheck(dialog.codes, "Anerkennung")
    with qtbot.waitSignal(dialog.sig_written, timeout=120_000):  # LibreOffice lays it out for the page numbers
        dialog.export(str(tmp_path / "bericht.docx"))
    text = "\n".join(p.text for p in Document(str(tmp_path / "bericht.docx")).paragraphs)
    assert "Der Sprachkurs ist das A und O." in text
    assert "Anerkennung der Abschlüsse" not in text
    for name in ("Sprache", "Sprache/Sprachkurs", "Arbeitgeber"):
        uncheck(dialog.codes, name)
    assert not dialog.export(str(tmp_path / "nothing.docx"))
    assert "at least one code" in dialog.status.text()
    assert not (tmp_path / "nothing.docx").exists()


def test_reports_and_sharing_speak_german(qtbot, qapp, context):
    from app.ui.app import install_translations
    from app.ui.main_window import MainWindow

    translators = install_translations(qapp, "de")
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        assert window.reports_dock.windowTitle() == "Auswertungen"
        assert window.reports_dock.view.tabs.tabText(1) == "Codes × Sprecher:innen"
        assert window.exchange.merge_action.text() == "Projekt einer Kollegin/eines Kollegen zusammenführen …"
        assert window.coder_filter.menu.title() == "&Codierende anzeigen"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_priorities_rank_the_codes_under_the_chosen_parent(qtbot, reports, context, window):
    from app.ui.commands import AddCode
    from app.ui.vote_commands import SetVotes

    context.execute(AddCode(context, "Maßnahmen/Lotsenstelle"))
    context.execute(AddCode(context, "Maßnahmen/Sprachkurse im Betrieb"))
    for document, quote in (("Workshop 1", "Die brauchen Begleitung"), ("Workshop 2", "Ohne Anerkennung")):
        context.notify(services.apply_code_to_quote(context.project, document=document, code="Maßnahmen/Lotsenstelle",
                                                    quote=quote, weight=80))
    settled(qtbot, reports)
    choices = [reports.parent_choice.itemData(i) for i in range(reports.parent_choice.count())]
    assert choices == ["Sprache", "Maßnahmen"]
    assert reports.parent_choice.currentData() == "Maßnahmen"  # the workshop's measures come first
    # No vote yet: by support alone (participants, institutions), with the passages and who raised it first.
    assert table(reports.priority_model) == [["1", "Lotsenstelle", "–", "–", "2", "–", "2", "Dr. Anna Weber"],
                                             ["2", "Sprachkurse im Betrieb", "–", "–", "0", "–", "0", "–"]]
    context.execute(SetVotes(context, "Maßnahmen/Sprachkurse im Betrieb", 3))  # the vote decides
    settled(qtbot, reports)
    assert [row[:4] for row in table(reports.priority_model)] == [["1", "Sprachkurse im Betrieb", "3", "100.0 %"],
                                                                  ["–", "Lotsenstelle", "–", "–"]]
    reports.choose_parent("Sprache")
    assert [row[1] for row in table(reports.priority_model)] == ["Sprachkurs"]
    context.execute(AddCode(context, "Maßnahmen/Kita"))  # a refresh keeps the researcher's choice
    settled(qtbot, reports)
    assert reports.parent_choice.currentData() == "Sprache"
    reports.export_button.click()
    assert window.reports_dock.export_dialog is not None and window.reports_dock.export_dialog.isVisible()


def test_reports_count_only_the_coders_the_view_shows(qtbot, reports, context, window):
    services.apply_code_to_quote(context.project, document="Workshop 1", code="Arbeitgeber",
                                 quote="Der Sprachkurs ist das A und O.", coder="Kemal")
    reports.mark_dirty()
    settled(qtbot, reports)
    counts = {row[0]: int(row[1]) for row in table(reports.frequency_model)}
    assert counts["Arbeitgeber"] >= 1 and counts["Sprache › Sprachkurs"] == 1

    window.coder_filter.show_only(["Kemal"])
    settled(qtbot, reports)
    only_kemal = {row[0]: int(row[1]) for row in table(reports.frequency_model)}
    assert only_kemal == {"Sprache": 0, "Sprache › Sprachkurs": 0, "Anerkennung": 0, "Arbeitgeber": 1}

    window.coder_filter.show_only(None)
    settled(qtbot, reports)
    assert {row[0]: int(row[1]) for row in table(reports.frequency_model)} == counts


def test_export_dialog_chooses_partner_or_internal(qtbot, window, tmp_path, opened):
    from docx import Document

    dialog = export_dialog(window)
    choose(dialog, "docx", "de")
    # A report goes to partners by default: speakers by role and institution, no memos to choose.
    assert dialog.audience.currentData() == "partner" and dialog.speaker_label.currentData() == "role_institution"
    assert not dialog.memos.isEnabled()
    assert dialog.options().audience == "partner" and not dialog.options().shows_memos
    with qtbot.waitSignal(dialog.sig_written, timeout=120_000):
        dialog.export(str(tmp_path / "partner.docx"))
    attributions = [p.text for p in Document(str(tmp_path / "partner.docx")).paragraphs
                    if p.style.name == "FC Attribution"]
    assert attributions and not any("codiert von" in line for line in attributions)
    dialog.audience.setCurrentIndex(dialog.audience.findData("internal"))
    assert dialog.speaker_label.currentData() == "name" and dialog.memos.isEnabled()
    with qtbot.waitSignal(dialog.sig_written, timeout=120_000):
        dialog.export(str(tmp_path / "intern.docx"))
    attributions = [p.text for p in Document(str(tmp_path / "intern.docx")).paragraphs
                    if p.style.name == "FC Attribution"]
    assert any("codiert von" in line for line in attributions)
    choose(dialog, "xlsx")  # the tables stay with the team
    assert dialog.audience.currentData() == "internal"
