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
    return dataset._fetched_table(rows, len(columns))


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
    assert dataset._int_table(db, "t", ("a", "coalesce(b, -1)")).shape == (0, 2)
    rows = [(1, None), (-5, 7), (2**63 - 1, -(2**63)), (0, 2**40), (123456789, 42)]
    db.executemany("INSERT INTO t VALUES (?, ?)", rows)
    fast = dataset._int_table(db, "t", ("a", "coalesce(b, -1)"))
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
