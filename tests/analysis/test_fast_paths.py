"""The analyses' fast paths give exactly what the plain ways they replaced gave, on a random project.

Each optimisation keeps its reference here: rows fetched as Python tuples instead of one packed hex string,
``np.unique`` instead of a stable sort and a neighbour comparison, ``np.lexsort`` instead of one combined key,
word positions joined anew instead of kept. Every analysis is run both ways and must agree to the last number.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from app.analysis import dataset, parts, word_index
from app.analysis.cooccurrence import code_cooccurrence
from app.analysis.frequencies import code_frequencies, code_tree_frequencies
from app.analysis.matrices import code_by_attribute, code_by_document, code_by_speaker
from app.analysis.quotes import quotes
from app.analysis.speaker_overview import speaker_overview
from app.models import open_project
from app.services import packed


@pytest.fixture(scope="module")
def random_project(tmp_path_factory):
    """A generated study: five transcripts, a two-level code tree, 1,500 random codings, speaker attributes."""
    from app import services
    from benchmarks.corpus import make_study
    from benchmarks.fixtures import _build_project

    folder = tmp_path_factory.mktemp("fast-paths")
    study = make_study(12_000, 1_500, document_words=2_400, seed=11)
    transcripts = study.write_transcripts(folder / "transcripts")
    path = folder / "study.fcproj"
    _build_project(study, transcripts, path)
    with services.open_project(path) as project:
        services.set_attribute(project, speaker="Frau Berger (Jobcenter)", name="Institution", value="Jobcenter")
        services.set_attribute(project, speaker="Herr Okafor (IHK)", name="Institution", value="IHK")
    return path


def _plain_int_table(connection, table, columns):
    rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
    return packed.fetched_table(rows, len(columns))


def _plain_by_start_then_end(starts, ends):
    return np.lexsort((ends, starts))


def _plain_corpus_word_positions(documents):
    starts, ends = [], []
    for doc in documents:
        doc_starts, doc_ends = word_index.word_positions(doc.sha256, doc.text)
        starts.append(doc_starts + doc.offset)
        ends.append(doc_ends + doc.offset)
    empty = np.zeros(0, dtype=np.int64)
    return (np.concatenate(starts) if starts else empty, np.concatenate(ends) if ends else empty)


def _everything(path):
    with open_project(path, read_only=True) as project:
        data = dataset.load(project)
        return {
            "tables": (data.coding_table.tolist(), data.turn_table.tolist()),
            "tree": code_tree_frequencies(data),
            **{f"by {by}": code_frequencies(data, by=by) for by in ("code", "document", "speaker")},
            "by attribute": code_frequencies(data, by="attribute", attribute="Institution"),
            "speaker matrix": vars(code_by_speaker(data)),
            "document matrix": vars(code_by_document(data)),
            "attribute matrix": vars(code_by_attribute(data, "Institution")),
            "cooccurrence": code_cooccurrence(data),
            "speakers": speaker_overview(data),
            "quotes": quotes(data, per_code=5),
            "selected": code_frequencies(
                dataset.load(project, dataset.Selection(speakers=("Herr Okafor (IHK)",))), by="speaker"
            ),
        }


def test_analyses_agree_with_the_plain_ways(random_project, monkeypatch):
    fast = _everything(random_project)
    word_index._corpus.clear()
    monkeypatch.setattr(dataset, "_int_table", _plain_int_table)
    monkeypatch.setattr(dataset, "_by_start_then_end", _plain_by_start_then_end)
    monkeypatch.setattr(parts, "sorted_distinct", np.unique)
    monkeypatch.setattr(dataset, "corpus_word_positions", _plain_corpus_word_positions)
    plain = _everything(random_project)
    assert fast.keys() == plain.keys()
    for key in fast:
        assert fast[key] == plain[key], key


def test_packed_table_matches_fetchall_with_negative_and_large_numbers(tmp_path):
    db = sqlite3.connect(tmp_path / "numbers.sqlite")
    db.execute("CREATE TABLE t (a INTEGER, b INTEGER)")
    assert packed.int_table(db, "t", ("a", "coalesce(b, -1)")).shape == (0, 2)
    rows = [(1, None), (-5, 7), (2**63 - 1, -(2**63)), (0, 2**40), (123456789, 42)]
    db.executemany("INSERT INTO t VALUES (?, ?)", rows)
    fast = packed.int_table(db, "t", ("a", "coalesce(b, -1)"))
    assert fast.dtype == np.int64
    assert fast.tolist() == _plain_int_table(db, "t", ("a", "coalesce(b, -1)")).tolist()


def test_sorted_distinct_and_combined_sort_match_numpy():
    rng = np.random.default_rng(3)
    for size in (0, 1, 2, 50, 5_000):
        values = rng.integers(-3, 40, size)
        assert parts.sorted_distinct(values).tolist() == np.unique(values).tolist()
        starts, ends = rng.integers(0, 30, size), rng.integers(0, 30, size)
        assert dataset._by_start_then_end(starts, ends).tolist() == np.lexsort((ends, starts)).tolist()
    huge = np.array([2**40, 3, 2**40, 3], dtype=np.int64)
    assert dataset._by_start_then_end(huge, np.array([1, 2, 0, 2])).tolist() == [1, 3, 2, 0]


def test_kept_word_positions_follow_a_changed_text():
    doc = dataset.DocumentInfo(1, "A", "eins zwei drei", "same-hash", 0)
    first = word_index.corpus_word_positions([doc])
    assert [a.tolist() for a in first] == [[0, 5, 10], [4, 9, 14]]
    changed = doc._replace(text="eins  zwei")  # the same (wrong) hash: the text itself decides
    assert [a.tolist() for a in word_index.corpus_word_positions([changed])] == [[0, 6], [4, 10]]


# --- search: turns of all documents in one query, hits built column by column ------------------------------------


def _plain_search(project, query, *, mode, filters):
    """The search as it was: per document a query for its text and one for its turns, hits made one by one."""
    from sqlalchemy import select

    from app.analysis import search as search_module
    from app.models import Document, Turn

    filters = filters or search_module.Filters()
    if mode == "word" and len(query.split()) > 1:
        mode = "phrase"
    regex = search_module._compile(query) if mode == "regex" else None
    with project.reading() as session:
        document_ids = search_module._document_ids(session, filters.documents)
    indexes = search_module.load_indexes(project, document_ids)
    hits = []
    with project.reading() as session:
        scope = search_module._Scope(session, filters)
        patterns = {}
        for document_id in document_ids:
            index = indexes.get(document_id)
            if index is None:
                continue
            if regex is None:
                if index.language not in patterns:
                    patterns[index.language] = search_module.word_patterns(session, query, mode, index.language)
                starts, ends = search_module.match_words(index, patterns[index.language])
                if len(starts) == 0:
                    continue
                text = session.scalar(select(Document.text).where(Document.id == document_id))
            else:
                text = session.scalar(select(Document.text).where(Document.id == document_id))
                spans = [(m.start(), m.end()) for m in regex.finditer(text) if m.end() > m.start()]
                starts = np.array([s for s, _ in spans], dtype=np.int64)
                ends = np.array([e for _, e in spans], dtype=np.int64)
            turns = session.execute(
                select(Turn.start, Turn.end, Turn.speaker_id, Turn.start_ms)
                .where(Turn.document_id == document_id).order_by(Turn.start)
            ).all()
            keep = np.ones(len(starts), dtype=bool)
            turn_of = np.full(len(starts), -1, dtype=np.int64)
            if turns:
                turn_starts = np.array([t[0] for t in turns], dtype=np.int64)
                turn_ends = np.array([t[1] for t in turns], dtype=np.int64)
                turn_of = np.searchsorted(turn_starts, starts, side="right") - 1
                safe = np.maximum(turn_of, 0)
                keep &= (turn_of >= 0) & (ends <= turn_ends[safe]) & (starts >= turn_starts[safe])
                if scope.speakers is not None:
                    keep &= np.array([t[2] in scope.speakers for t in turns], dtype=bool)[safe]
            elif scope.speakers is not None:
                keep[:] = False
            if scope.code_ids is not None:
                keep &= scope._inside_codings(document_id, starts, ends)
            for i, start, end in zip(np.flatnonzero(keep).tolist(), starts[keep].tolist(), ends[keep].tolist()):
                t = int(turn_of[i])
                if t >= 0:
                    turn = turns[t]
                    hits.append(search_module.Hit(scope.names[document_id], document_id, start, end,
                                                  scope.speaker_names.get(turn[2]), turn[3], (turn[0], turn[1]),
                                                  text, 60))
                else:
                    hits.append(search_module.Hit(scope.names[document_id], document_id, start, end, None, None,
                                                  None, text, 60))
    return hits


def test_search_agrees_with_the_plain_way(random_project, tmp_path):
    import shutil

    from app import services
    from app.analysis.search import Filters, search
    from app.analysis.text_index import index_documents

    path = tmp_path / "search.fcproj"
    shutil.copyfile(random_project, path)
    with services.open_project(path) as project:
        # Turns without a speaker or a time, and a document without turns, as real transcripts have.
        with project.transaction() as session:
            session.connection().exec_driver_sql("UPDATE turn SET speaker_id = NULL WHERE id % 7 = 0")
            session.connection().exec_driver_sql("UPDATE turn SET start_ms = NULL WHERE id % 5 = 0")
            session.connection().exec_driver_sql(
                "DELETE FROM turn WHERE document_id = (SELECT max(id) FROM document)"
            )
        index_documents(project)
        cases = [
            ("Sprachkurs", "lemma", None),
            ("Betrieb", "word", None),
            ("sehr gut", "phrase", None),
            ("Ausbild*", "wildcard", None),
            (r"Kita\w*|Bus", "regex", None),
            ("Sprachkurs", "lemma", Filters(speakers=("Herr Okafor (IHK)", "Moderatorin"))),
            ("Sprachkurs", "lemma", Filters(attribute=("Institution", "Jobcenter"))),
            ("Abschluss", "lemma", Filters(codes=("Sprache",), documents=("Fokusgruppe 002", "Fokusgruppe 005"))),
            ("der", "word", Filters(documents=("Fokusgruppe 005",))),
        ]
        for query, mode, filters in cases:
            fast = search(project, query, mode=mode, filters=filters)
            plain = _plain_search(project, query, mode=mode, filters=filters)
            assert fast or mode == "phrase", (query, mode)  # a random text may lack the phrase
            assert fast == plain, (query, mode, filters)
            assert [hit.line() for hit in fast] == [hit.line() for hit in plain]

        # Kept turns follow every change: committed by another connection, and through this project.
        def changed_by_hand(sql):
            with sqlite3.connect(path) as db:
                db.execute(sql)

        def changed_here(sql):
            with project.transaction() as session:
                session.connection().exec_driver_sql(sql)

        before = search(project, "Sprachkurs", mode="lemma")
        for change, sql in (
            (changed_by_hand, "UPDATE turn SET speaker_id = NULL WHERE id % 3 = 0"),
            (changed_here, "UPDATE turn SET start_ms = start_ms + 1000 WHERE id % 4 = 0"),
            (changed_here, "UPDATE turn SET speaker_id = (SELECT min(id) FROM speaker) WHERE id % 5 = 1"),
            (changed_by_hand, 'UPDATE turn SET "end" = start WHERE id % 2 = 0'),
        ):
            change(sql)
            fast = search(project, "Sprachkurs", mode="lemma")
            assert fast == _plain_search(project, "Sprachkurs", mode="lemma", filters=None), sql
            assert fast != before, sql
            before = fast


# --- quotes: chosen over the arrays, made only for the codings quoted ---------------------------------------------


def _plain_quotes(data, code=None, *, per_code=None, with_subcodes=False, with_context=False):
    """Quotes as they were made: every coding as a tuple, sorted by a Python key, each turn a named tuple, the line
    starts of each document by a regex."""
    import re
    from bisect import bisect_right

    from app.analysis.quotes import Quote, _sentence_around, format_time

    rows = data.codings
    wanted = None
    if code is not None:
        chosen = next(c for c in data.codes.values() if c.path == code)
        wanted = set(data.subtree(chosen.id)) if with_subcodes else {chosen.id}
    indexes = [i for i in range(len(rows)) if wanted is None or rows[i][2] in wanted]
    code_rank = {code_id: i for i, code_id in enumerate(data.codes)}
    doc_rank = {doc_id: i for i, doc_id in enumerate(data.documents)}
    ordered = sorted(indexes, key=lambda i: (code_rank[rows[i][2]], doc_rank[rows[i][1]], rows[i][4], rows[i][5],
                                             rows[i][0]))
    if per_code is not None:
        taken: dict[int, int] = {}
        kept = []
        for i in ordered:
            if taken.get(rows[i][2], 0) < per_code:
                taken[rows[i][2]] = taken.get(rows[i][2], 0) + 1
                kept.append(i)
        ordered = kept
    found = []
    parts_ = data.parts()
    bounds = np.searchsorted(parts_.coding, np.arange(len(rows) + 1))
    for i in ordered:
        coding_id, doc_id, code_id, coder_id, start, end, weight = rows[i]
        document = data.documents[doc_id]
        low, high = int(bounds[i]), int(bounds[i + 1])
        speakers = dict.fromkeys(s for s in parts_.speaker[low:high].tolist() if s != parts.NONE)
        first_turn = int(parts_.turn[low]) if high > low else parts.NONE
        start_ms = data.turns[first_turn].start_ms if first_turn != parts.NONE else None
        line_starts = [0] + [m.end() for m in re.finditer("\n", document.text)]
        before = after = ""
        if with_context:
            lower = data.turns[first_turn].start if first_turn != parts.NONE else 0
            last_turn = int(parts_.turn[high - 1]) if high > low else parts.NONE
            upper = data.turns[last_turn].end if last_turn != parts.NONE else len(document.text)
            before, after = _sentence_around(document.text, start, end, min(lower, start), max(upper, end))
        found.append(Quote(
            code=data.codes[code_id].path, document=document.name,
            speaker=", ".join(data.speakers[data.speaker_ids[s]] for s in speakers) or None,
            start=start, end=end, text=document.text[start:end], time=format_time(start_ms),
            paragraph=bisect_right(line_starts, start), coder=data.coders.get(coder_id, ""), weight=weight,
            memo=data.coding_memos.get(coding_id), before=before, after=after,
        ))
    return found


def test_quotes_agree_with_the_plain_way(random_project):
    from app.analysis.quotes import coded_segments

    with open_project(random_project, read_only=True) as project:
        data = dataset.load(project)
        parent = next(c.path for c in data.codes.values() if data.children.get(c.id))
        leaf = next(c.path for c in data.codes.values() if "/" in c.path)
        assert coded_segments(data) == _plain_quotes(data)
        for per_code in (None, 0, 1, 3, 40):
            assert quotes(data, per_code=per_code) == _plain_quotes(data, per_code=per_code)
            assert quotes(data, per_code=per_code, with_context=True) == _plain_quotes(
                data, per_code=per_code, with_context=True)
        for code, sub in ((parent, True), (parent, False), (leaf, False)):
            plain = _plain_quotes(data, code, with_subcodes=sub, with_context=True)
            assert quotes(data, code, with_subcodes=sub, with_context=True) == plain
            assert quotes(data, code, with_subcodes=sub, limit=7) == _plain_quotes(data, code, with_subcodes=sub)[:7]
        assert len({q.paragraph for q in coded_segments(data)}) > 10
