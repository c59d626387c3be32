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

from benchmarks.fixtures import Prepared


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

    seconds = _best(app_import, repeat=1 if len(prepared.transcripts) > 20 else 3)
    # The floor inserts exactly the rows the app wrote, read back beforehand.
    with sqlite3.connect(target) as db:
        documents = db.execute("SELECT id, name, sha256 FROM document ORDER BY id").fetchall()
        turns = db.execute(
            'SELECT document_id, position, speaker_id, start, "end", start_ms, end_ms FROM turn'
        ).fetchall()
        speakers = db.execute("SELECT id, name, key FROM speaker").fetchall()
    floor_file = scratch / "floor.sqlite"

    def floor() -> None:
        floor_file.unlink(missing_ok=True)
        db = sqlite3.connect(floor_file)
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("CREATE TABLE document (id INTEGER PRIMARY KEY, name TEXT, text TEXT, sha256 TEXT)")
        db.execute("CREATE TABLE speaker (id INTEGER PRIMARY KEY, name TEXT, key TEXT)")
        db.execute(
            'CREATE TABLE turn (document_id INT, position INT, speaker_id INT, start INT, "end" INT, '
            "start_ms INT, end_ms INT)"
        )
        texts = [path.read_text(encoding="utf-8") for path in prepared.transcripts]
        db.executemany("INSERT INTO document VALUES (?, ?, ?, ?)", [(d[0], d[1], t, d[2]) for d, t in zip(documents, texts)])
        db.executemany("INSERT INTO speaker VALUES (?, ?, ?)", speakers)
        db.executemany("INSERT INTO turn VALUES (?, ?, ?, ?, ?, ?, ?)", turns)
        db.commit()
        db.close()

    return seconds, _best(floor, repeat=1 if len(prepared.transcripts) > 20 else 3)


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


def _analysis(by: str, floor_sql: str) -> Callable[[Prepared, Path], tuple[float, float]]:
    def measure(prepared: Prepared, scratch: Path) -> tuple[float, float]:
        from app.analysis.frequencies import code_frequencies
        from app.models import open_project

        with open_project(prepared.project, read_only=True) as project:
            code_frequencies(project, by=by)  # warm the page cache like an open project has
            seconds = _best(lambda: code_frequencies(project, by=by))
        db = sqlite3.connect(f"file:{prepared.project}?mode=ro", uri=True)
        floor = _best(lambda: db.execute(floor_sql).fetchall())
        db.close()
        return seconds, floor

    return measure


FREQUENCIES_FLOOR = 'SELECT code_id, count(*), sum("end" - start) FROM coding GROUP BY code_id'
CODE_BY_SPEAKER_FLOOR = (
    "SELECT c.code_id, t.speaker_id, count(*) FROM coding c JOIN turn t "
    'ON t.document_id = c.document_id AND t.start < c."end" AND t."end" > c.start GROUP BY 1, 2'
)


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
    from app.analysis.language import pipeline
    from app.analysis.text_index import index_documents, reading_spans
    from app.models import open_project

    import spacy

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
    Case("apply one code", measure_apply_code, Target(seconds=0.020),
         "median of 100 apply_code service calls, each committed"),
    Case("code frequencies", _analysis("code", FREQUENCIES_FLOOR), Target(ratio=2.0, seconds=0.200),
         "codings and coded words per code"),
    Case("code x speaker", _analysis("speaker", CODE_BY_SPEAKER_FLOOR), Target(ratio=2.0, seconds=0.200),
         "codings and coded words per code and speaker"),
    Case("open project", measure_open, Target(seconds=1.0, memory_mb=500),
         "open the file and compute the project overview"),
    Case("build the language index", measure_text_index, Target(ratio=1.3),
         "spaCy over every turn, lemmas (compounds too), sentences, written to the project"),
    Case("lemma search", measure_lemma_search, Target(seconds=0.100),
         "every inflection of one word over all documents, as keyword-in-context hits"),
)
CASE_BY_NAME = {case.name: case for case in CASES}


def run_case(case: Case, prepared: Prepared) -> tuple[float, float | None]:
    with tempfile.TemporaryDirectory(prefix="fc-bench-") as scratch:
        return case.measure(prepared, Path(scratch))
