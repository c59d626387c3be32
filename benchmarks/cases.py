"""The benchmark cases: each measures FocusCoder doing a task and the floor, the least work the same task needs
with the same libraries and no application logic, in the same run on the same files.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bench_import_formats import measure_noscribe_html, measure_text_pdf, measure_whisper_json
from benchmarks.fixtures import CACHE, Prepared


@dataclass(frozen=True)
class Target:
    ratio: float | None = None  # time / floor at most this
    exponent: float | None = None  # growth exponent k (time ∝ size^k) at most this
    seconds: float | None = None  # absolute time at most this, at the largest size
    memory_mb: float | None = None  # peak memory at most this, at the largest size


@dataclass(frozen=True)
class Case:
    name: str
    measure: Callable[[Prepared, Path], tuple[float, float | None]]  # (seconds, floor seconds)
    target: Target
    what: str


def _timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def _best(action: Callable[[], object], repeat: int = 3) -> float:
    return min(_timed(action) for _ in range(repeat))


def _copy(prepared: Prepared, scratch: Path) -> Path:
    copy = scratch / f"copy-{time.perf_counter_ns()}.fcproj"
    shutil.copyfile(prepared.project, copy)
    return copy


# --- import -------------------------------------------------------------------------------------------------


def measure_import(prepared: Prepared, scratch: Path) -> tuple[float, float]:
    from app import services
    from app.importers import read_document

    target = scratch / "import.fcproj"

    def app_import() -> None:
        target.unlink(missing_ok=True)
        with services.create_project(target) as project:
            services.import_documents(project, [read_document(path) for path in prepared.transcripts])

    seconds = _best(app_import)
    # The floor writes exactly the rows the app wrote (every column), read back beforehand, into a file with the
    # same schema: the project's tables, indexes and constraints are part of what an import makes, as the text
    # is. The documents' texts it reads from the files itself.
    tables = ("alembic_version", "project", "speaker", "document", "turn")
    with sqlite3.connect(target) as db:
        schema = [sql for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")]
        rows = {table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in tables}
        text_column = [row[1] for row in db.execute("PRAGMA table_info(document)")].index("text")
    floor_file = scratch / "floor.sqlite"

    def floor() -> None:
        floor_file.unlink(missing_ok=True)
        db = sqlite3.connect(floor_file, isolation_level=None)
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("BEGIN")  # one transaction, as the app's import is one (with the schema: a file made anew)
        for statement in schema:
            db.execute(statement)
        texts = [path.read_text(encoding="utf-8") for path in prepared.transcripts]
        for table in tables:
            table_rows = rows[table]
            if table == "document":
                table_rows = [(*row[:text_column], text, *row[text_column + 1 :]) for row, text in zip(table_rows, texts)]
            if table_rows:
                db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(table_rows[0]))})", table_rows)
        db.execute("COMMIT")
        db.close()

    return seconds, _best(floor)


# --- one coding ---------------------------------------------------------------------------------------------


def measure_apply_code(prepared: Prepared, scratch: Path) -> tuple[float, float]:
    from app import services

    path = _copy(prepared, scratch)
    with sqlite3.connect(path) as db:
        name, length = db.execute("SELECT name, length(text) FROM document ORDER BY id LIMIT 1").fetchone()
        code = db.execute(
            "SELECT p.name || '/' || c.name FROM code c JOIN code p ON p.id = c.parent_id LIMIT 1"
        ).fetchone()[0]
    times = []
    with services.open_project(path) as project:
        for index in range(100):
            start = (index * 997) % (length - 100)
            times.append(
                _timed(lambda: services.apply_code(project, document=name, code=code, start=start, end=start + 50,
                                                   coder="Bench"))
            )
    floor_times = []
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous=FULL")
    for index in range(100):
        start = (index * 991) % (length - 100)

        def insert() -> None:
            db.execute("BEGIN")
            db.execute(
                'INSERT INTO coding (guid, document_id, code_id, coder_id, start, "end", weight, created_at) '
                "VALUES (?, 1, 1, 1, ?, ?, 0, '2026-01-01')",
                (f"floor-{index}", start, start + 50),
            )
            db.execute("COMMIT")

        floor_times.append(_timed(insert))
    db.close()
    return statistics.median(times), statistics.median(floor_times)


# --- statistics ---------------------------------------------------------------------------------------------


def _analysis(by: str, floor_sql: str, *, first: bool = False) -> Callable[[Prepared, Path], tuple[float, float]]:
    def run(project) -> object:
        from app.analysis.frequencies import code_frequencies

        return code_frequencies(project, by=by)

    return _statistic(run, floor_sql, first=first)


def _statistic(
    run: Callable[[object], object], floor_sql: str, *, first: bool = False
) -> Callable[[Prepared, Path], tuple[float, float]]:
    """An analysis of the open project against one hand-written SQL query on the same file.

    The analyses keep the project's loaded data until the file changes (``app.analysis.dataset``), so asked
    again they compute from it; ``first`` measures the first analysis right after a change instead: a copy of
    the study gets a passage coded (or that coding removed again) through the services before each run, untimed.
    """

    def measure(prepared: Prepared, scratch: Path) -> tuple[float, float]:
        from app.models import open_project

        path = _copy(prepared, scratch) if first else prepared.project
        with open_project(path, read_only=not first) as project:
            run(project)  # warm the page cache like an open project has
            if first:
                change = AChange(project)
                seconds = min(_timed_after(change, lambda: run(project)) for _ in range(3))
            else:
                seconds = _best(lambda: run(project))
        db = sqlite3.connect(f"file:{prepared.project}?mode=ro", uri=True)
        once = _timed(lambda: db.execute(floor_sql).fetchall())
        # A floor of several seconds (the SQL joins of the largest study) is measured once: it is not the
        # number in doubt, and three runs would triple the suite's time.
        floor = once if once > 2.0 else min(once, _best(lambda: db.execute(floor_sql).fetchall()))
        db.close()
        return seconds, floor

    return measure


class AChange:
    """A real change, as a researcher makes one while the reports are open: each call codes a passage of the
    first document with the first code, or removes that coding again (so the study keeps its size)."""

    def __init__(self, project) -> None:
        from app.analysis.dataset import load

        data = load(project)
        self.project = project
        self.document = next(iter(data.documents.values())).name
        self.code = next(iter(data.codes.values())).path
        self.coding_id: int | None = None

    def __call__(self) -> None:
        from app import services

        if self.coding_id is None:
            changes = services.apply_code(self.project, document=self.document, code=self.code, start=3, end=45)
            self.coding_id = changes.ids("coding")[0]
        else:
            services.remove_coding(self.project, self.coding_id)
            self.coding_id = None


def _timed_after(change: Callable[[], object], action: Callable[[], object]) -> float:
    change()
    return _timed(action)


def _cooccurrence(project) -> object:
    from app.analysis.cooccurrence import code_cooccurrence

    return code_cooccurrence(project)


def _code_by_speaker_matrix(project) -> object:
    from app.analysis.matrices import code_by_speaker

    return code_by_speaker(project)


FREQUENCIES_FLOOR = 'SELECT code_id, count(*), sum("end" - start) FROM coding GROUP BY code_id'
# The turns a coding touches, found by the (document, start) index: from the last turn starting at or before the
# coding's start (turns do not overlap, so none before it can reach the coding) to the coding's end. The plain
# condition alone makes SQLite scan every earlier turn of the document for each coding (6 s at 200,000 codings).
_TOUCHED_TURNS = (
    't.document_id = c.document_id AND t.start < c."end" AND t."end" > c.start AND t.start >= coalesce(('
    "SELECT max(p.start) FROM turn p WHERE p.document_id = c.document_id AND p.start <= c.start), 0)"
)
CODE_BY_SPEAKER_FLOOR = f"SELECT c.code_id, t.speaker_id, count(*) FROM coding c JOIN turn t ON {_TOUCHED_TURNS} GROUP BY 1, 2"


# Pairs of codings of two codes that share characters (each pair found from the one starting first, by the
# (document, start) index), and pairs of codes coded in one turn (once per turn).
COOCCURRENCE_FLOOR = f"""
WITH turn_code AS (
    SELECT DISTINCT t.id AS turn_id, c.code_id FROM coding c CROSS JOIN turn t ON {_TOUCHED_TURNS}
)
SELECT a, b, sum(overlapping), sum(same_turn) FROM (
    SELECT min(x.code_id, y.code_id) AS a, max(x.code_id, y.code_id) AS b, 1 AS overlapping, 0 AS same_turn
    FROM coding x JOIN coding y ON y.document_id = x.document_id AND y.start >= x.start AND y.start < x."end"
    AND (y.start > x.start OR y.id > x.id) AND y."end" > x.start AND y.code_id <> x.code_id
    UNION ALL
    SELECT p.code_id, q.code_id, 0, 1 FROM turn_code p JOIN turn_code q
    ON q.turn_id = p.turn_id AND p.code_id < q.code_id
) GROUP BY a, b
"""
CODE_BY_SPEAKER_MATRIX_FLOOR = (
    f"SELECT c.code_id, t.speaker_id, count(DISTINCT c.id) FROM coding c JOIN turn t ON {_TOUCHED_TURNS} GROUP BY 1, 2"
)


# --- the transcript view -----------------------------------------------------------------------------------

# The case at the large size (a 300,000-character transcript with 5,000 codings), a tenth and a third of
# it below: the other cases' study sizes do not say how long one transcript is.
TRANSCRIPT_AT = {"small": (30_000, 500), "medium": (100_000, 1_667), "large": (300_000, 5_000)}


def measure_open_transcript(prepared: Prepared, scratch: Path) -> tuple[float, float]:
    """Opening the transcript in the coding window until what shows is painted (highlights, stripes, time
    stamps) against setting the same text in a plain QPlainTextEdit of the same size and painting it. CPU time
    of this process, best of fifteen: painting happens in it, and a busy machine must not count."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from app.ui.context import ApplicationContext
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings
    from benchmarks.ui_coding_screen import build

    characters, codings = TRANSCRIPT_AT[prepared.size.name]
    project = CACHE / f"transcript-v1-{characters}.fcproj"
    if not project.exists():
        project.parent.mkdir(parents=True, exist_ok=True)
        build(scratch / "building.fcproj", characters, codings)
        shutil.move(scratch / "building.fcproj", project)
    copy = _copy(Prepared(prepared.size, [], project), scratch)
    app = QApplication.instance() or QApplication(["bench"])
    context = ApplicationContext(Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)))
    context.open_project(copy)  # brings a cached file of an older schema up to date, too
    window = MainWindow(context)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    view, look = window.transcript, window.codes.tree.code_model.look()

    def open_transcript() -> float:
        view.show_document(None, look)
        began = time.process_time()
        window.open_document(1)
        view.viewport().repaint()
        view.margin.repaint()
        return time.process_time() - began

    seconds = min(open_transcript() for _ in range(15))
    text = view.toPlainText()
    plain = QPlainTextEdit()
    plain.setFont(view.font())
    plain.resize(view.size())
    plain.show()
    app.processEvents()

    def set_text() -> float:
        plain.setPlainText("")
        began = time.process_time()
        plain.setPlainText(text)
        plain.viewport().repaint()
        return time.process_time() - began

    floor = min(set_text() for _ in range(15))
    window.close()
    context.shutdown()
    return seconds, floor


# --- the Word report ----------------------------------------------------------------------------------------


REPORT_QUOTES_PER_CODE = 100  # 100 codes: up to 10,000 quotes (all of them at the medium and large sizes)


def floor_docx(report, target: Path) -> float:
    """python-docx writing the same headings, paragraphs, tables, pictures and quotes, plainly: no queries,
    no styling."""
    import io

    import docx

    from app.export.content import Chart, Paragraph, QuoteBlock, Section, Table

    began = time.perf_counter()
    document = docx.Document()

    def write(blocks) -> None:
        for block in blocks:
            if isinstance(block, Section):
                document.add_heading(block.title, block.level)
                write(block.blocks)
            elif isinstance(block, Table):
                table = document.add_table(rows=len(block.rows) + 1, cols=len(block.columns))
                for row, values in zip(table.rows, [block.columns, *block.rows]):
                    for cell, value in zip(row.cells, values):
                        cell.paragraphs[0].add_run("" if value is None else str(value))
            elif isinstance(block, Chart):
                document.add_picture(io.BytesIO(block.png))
            elif isinstance(block, QuoteBlock):
                document.add_paragraph(block.text)
                document.add_paragraph(block.attribution)
                if block.memo:
                    document.add_paragraph(block.memo)
            elif isinstance(block, Paragraph):
                document.add_paragraph(block.text)

    write(report.sections)
    document.save(str(target))
    return time.perf_counter() - began


def measure_report(prepared: Prepared, scratch: Path) -> tuple[float, float]:
    """The whole Word report (every analysis, charts, codebook, quotes) from the open project to the .docx file;
    the floor writes the report's own blocks with python-docx, without queries or styling."""
    from app.export.docx_report import write_docx
    from app.export.report import ReportOptions, build_report
    from app.models import open_project

    options = ReportOptions(quotes_per_code=REPORT_QUOTES_PER_CODE)
    with open_project(prepared.project, read_only=True) as project:
        report = build_report(project, options)  # warms the page cache, matplotlib and the word positions

        def app_report() -> None:
            write_docx(build_report(project, options), scratch / "report.docx")

        seconds = _best(app_report, repeat=1 if prepared.size.codings > 20_000 else 2)
    floor = min(floor_docx(report, scratch / f"floor{i}.docx") for i in range(2))
    return seconds, floor


# --- REFI-QDA exchange --------------------------------------------------------------------------------------


def measure_qdpx_export(prepared: Prepared, scratch: Path) -> tuple[float, float]:
    """Export the whole project as .qdpx; the floor serialises the same XML tree with lxml and zips it with the
    same source files (no queries, no building of the tree)."""
    import zipfile

    from lxml import etree

    from app.export.refi_qda import export_qdpx
    from app.models import open_project

    target = scratch / "export.qdpx"
    repeat = 1 if prepared.size.codings > 20_000 else 3
    with open_project(prepared.project, read_only=True) as project:
        export_qdpx(project, target)  # warm the page cache
        seconds = _best(lambda: export_qdpx(project, target), repeat)
    with zipfile.ZipFile(target) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    tree = etree.fromstring(members.pop("project.qde"))

    def floor() -> None:
        qde = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        with zipfile.ZipFile(scratch / "floor.qdpx", "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("project.qde", qde)
            for name, content in members.items():
                archive.writestr(name, content)

    return seconds, _best(floor, repeat)


def measure_qdpx_import(prepared: Prepared, scratch: Path) -> tuple[float, float]:
    """Import that .qdpx into a new project, as ``focuscoder import NEW.fcproj FILE.qdpx`` does; the floor opens
    the zip, parses project.qde with lxml, decodes the source texts and inserts the same rows by executemany."""
    import zipfile

    from lxml import etree

    from app.export.refi_qda import export_qdpx
    from app.importers.refi_qda import read_exchange_file
    from app.models import create_project, open_project
    from app.services.merge import bring_in

    exported = scratch / "study.qdpx"
    with open_project(prepared.project, read_only=True) as project:
        export_qdpx(project, exported)
    target = scratch / "imported.fcproj"

    def app_import() -> None:
        target.unlink(missing_ok=True)
        data = read_exchange_file(exported)
        with create_project(target, name=data.name or None) as project:
            bring_in(project, data)

    repeat = 1 if prepared.size.codings > 20_000 else 3
    seconds = _best(app_import, repeat)
    # As for importing transcripts, the floor inserts exactly the rows the app wrote, read back beforehand.
    tables = ("document", "speaker", "turn", "code", "coder", "coding")
    with sqlite3.connect(target) as db:
        rows = {table: db.execute(f"SELECT * FROM {table}").fetchall() for table in tables}
        schema = [db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
                  for table in tables]
    floor_file = scratch / "floor.sqlite"

    def floor() -> None:
        with zipfile.ZipFile(exported) as archive:
            etree.fromstring(archive.read("project.qde"))
            for name in archive.namelist():
                if name != "project.qde":
                    archive.read(name).decode("utf-8")
        floor_file.unlink(missing_ok=True)
        db = sqlite3.connect(floor_file)
        db.execute("PRAGMA synchronous=FULL")
        for table, create in zip(tables, schema):
            db.execute(create)
            if rows[table]:
                marks = ", ".join("?" * len(rows[table][0]))
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows[table])
        db.commit()
        db.close()

    return seconds, _best(floor, repeat)


# --- opening a project --------------------------------------------------------------------------------------


def measure_open(prepared: Prepared, scratch: Path) -> tuple[float, None]:
    """Open the file and have what the main window shows first: the overview of documents, speakers, codes."""
    from app.analysis.overview import project_overview
    from app.models import open_project

    def open_ready() -> None:
        with open_project(prepared.project) as project:
            project_overview(project)

    return _best(open_ready), None


# --- text analysis ------------------------------------------------------------------------------------------


def measure_text_index(prepared: Prepared, scratch: Path) -> tuple[float, float]:
    """Build the language index of every document; the floor is spaCy's own nlp.pipe over the same turns.

    The index reads lemmas from the lookup table once per distinct word instead of running spaCy's lemmatizer on
    every word, which is why it can take less time than the floor.
    """
    import spacy

    from app.analysis.language import pipeline
    from app.analysis.text_index import index_documents, reading_spans
    from app.models import open_project

    pipeline("de")  # loading the pipeline is not what is measured
    # The floor: spaCy's own pipeline giving the same words, sentences and lookup lemmas, run over the same turns.
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    path = _copy(prepared, scratch)
    with sqlite3.connect(path) as db:
        texts = dict(db.execute("SELECT id, text FROM document").fetchall())
        turns: dict[int, list[tuple[int, int]]] = {}
        for document_id, start, end in db.execute('SELECT document_id, start, "end" FROM turn ORDER BY start'):
            turns.setdefault(document_id, []).append((start, end))
    pieces = [texts[d][s:e] for d in texts for s, e in reading_spans(texts[d], turns.get(d, []))]
    repeat = 1 if len(texts) > 20 else 3

    def app_index() -> None:
        with open_project(path) as project:
            index_documents(project, force=True)

    def floor() -> None:
        for _ in nlp.pipe(pieces):
            pass

    floor()  # warm spaCy's caches for both
    return _best(app_index, repeat), _best(floor, repeat)


def measure_lemma_search(prepared: Prepared, scratch: Path) -> tuple[float, None]:
    """A lemma search (every inflection of "Sprachkurs") in an open, indexed project, hits in context."""
    from app.analysis.search import search
    from app.analysis.text_index import index_documents
    from app.models import open_project

    path = _copy(prepared, scratch)
    with open_project(path) as project:
        index_documents(project)
        search(project, "Abschluss", mode="lemma")  # the first search loads the index, as opening the view does
        seconds = _best(lambda: search(project, "Sprachkurs", mode="lemma"), repeat=5)
    return seconds, None


CASES = (
    Case("import transcripts", measure_import, Target(ratio=3.0, exponent=1.1),
         "read .txt transcripts, recognise speakers, write documents and turns"),
    Case("import Whisper JSON", measure_whisper_json, Target(seconds=1.0),
         "a two-hour recording (20,000 words, WhisperX segments with speakers and words) into a new project"),
    Case("import noScribe HTML", measure_noscribe_html, Target(seconds=1.0),
         "a two-hour recording (20,000 words) as noScribe's HTML into a new project"),
    Case("import a PDF", measure_text_pdf, Target(seconds=5.0),
         "a 100-page text PDF with paragraph numbers and page footers into a new project"),
    Case("apply one code", measure_apply_code, Target(seconds=0.020),
         "median of 100 apply_code service calls, each committed"),
    Case("code frequencies", _analysis("code", FREQUENCIES_FLOOR), Target(ratio=2.0, seconds=0.200),
         "codings and coded words per code"),
    Case("code x speaker", _analysis("speaker", CODE_BY_SPEAKER_FLOOR), Target(ratio=2.0, seconds=0.200),
         "codings and coded words per code and speaker"),
    Case("code x speaker matrix", _statistic(_code_by_speaker_matrix, CODE_BY_SPEAKER_MATRIX_FLOOR),
         Target(ratio=2.0, seconds=0.200), "codings per code and speaker (a coding once per speaker it touches)"),
    Case("co-occurrence", _statistic(_cooccurrence, COOCCURRENCE_FLOOR), Target(ratio=2.0, seconds=0.200),
         "overlapping codings and codes in the same turn, per pair of codes"),
    # The same four, each the first analysis right after a change (a passage coded or uncoded).
    Case("code frequencies (first)", _analysis("code", FREQUENCIES_FLOOR, first=True),
         Target(ratio=2.0, seconds=0.200), "code frequencies, right after a passage was coded or uncoded"),
    Case("code x speaker (first)", _analysis("speaker", CODE_BY_SPEAKER_FLOOR, first=True),
         Target(ratio=2.0, seconds=0.200), "code frequencies by speaker, right after a passage was coded or uncoded"),
    Case("code x speaker matrix (first)",
         _statistic(_code_by_speaker_matrix, CODE_BY_SPEAKER_MATRIX_FLOOR, first=True),
         Target(ratio=2.0, seconds=0.200), "the code x speaker matrix, right after a passage was coded or uncoded"),
    Case("co-occurrence (first)", _statistic(_cooccurrence, COOCCURRENCE_FLOOR, first=True),
         Target(ratio=2.0, seconds=0.200), "co-occurrence, right after a passage was coded or uncoded"),
    Case("open project", measure_open, Target(seconds=1.0, memory_mb=500),
         "open the file and compute the project overview"),
    Case("open a transcript", measure_open_transcript, Target(ratio=3.0),
         "one transcript of 30,000 / 100,000 / 300,000 characters with 500 / 1,667 / 5,000 codings in the coding "
         "window, painted"),
    Case("build the language index", measure_text_index, Target(ratio=1.3),
         "spaCy over every turn, lemmas (compounds too), sentences, written to the project"),
    Case("lemma search", measure_lemma_search, Target(seconds=0.100),
         "every inflection of one word over all documents, as keyword-in-context hits"),
    Case("Word report", measure_report, Target(ratio=2.0),
         f"the .docx report with up to {REPORT_QUOTES_PER_CODE} quotes per code (10,000 at medium and large)"),
    Case(".qdpx export", measure_qdpx_export, Target(ratio=3.0), "the whole project as a REFI-QDA .qdpx"),
    Case(".qdpx import", measure_qdpx_import, Target(ratio=3.0),
         "that .qdpx into a new project (read, check, write documents, codes, codings)"),
)
CASE_BY_NAME = {case.name: case for case in CASES}


def run_case(case: Case, prepared: Prepared) -> tuple[float, float | None]:
    with tempfile.TemporaryDirectory(prefix="fc-bench-") as scratch:
        return case.measure(prepared, Path(scratch))
