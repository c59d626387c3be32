"""The language index: built at import, positions in code points, sentences within turns, rebuilt when needed."""

from __future__ import annotations

import numpy as np

from app.analysis.text_index import INDEX_VERSION, index_documents, load_indexes, vocabulary_terms

from app.models import open_project
from app.services import import_documents, set_document_language


# The workshops `german` and `bilingual` come from tests/fixtures/texts.py.


def _words(project, document_id=1):
    index = load_indexes(project, [document_id])[document_id]
    with project.reading() as session:
        from app.models import Document

        text = session.get(Document, document_id).text
    return index, text


def test_every_word_is_where_the_text_has_it(german):
    index, text = _words(german)
    terms = vocabulary_terms(german)
    for start, end, form in zip(index.word_starts.tolist(), index.word_ends.tolist(), index.forms.tolist()):
        assert text[start:end].casefold() == terms[form][0]
    assert "Sprachkursen" in [text[s:e] for s, e in zip(index.word_starts.tolist(), index.word_ends.tolist())]


def test_speaker_labels_and_punctuation_are_no_words(german):
    index, text = _words(german)
    words = {text[s:e] for s, e in zip(index.word_starts.tolist(), index.word_ends.tolist())}
    assert "Okafor" not in words and "Moderatorin" not in words
    assert "?" not in words and "." not in words


def test_sentences_stay_within_turns(german, db):
    index, text = _words(german)
    sentences = [text[s:e] for s, e in zip(index.sentence_starts.tolist(), index.sentence_ends.tolist())]
    assert sentences[:4] == [
        "Was hilft beim Einstieg in die Ausbildung?",
        "Der Sprachkurs ist das Wichtigste.",
        "Viele Sprachkurse sind voll.",
        "In den Sprachkursen lernen sie viel.",
    ]
    turns = db.rows('SELECT start, "end" FROM turn ORDER BY start')
    for start, end in zip(index.sentence_starts.tolist(), index.sentence_ends.tolist()):
        assert any(t_start <= start and end <= t_end for t_start, t_end in turns)


def test_positions_are_code_points(project, make_document):
    import_documents(project, [make_document("Emoji", [("Anna", "👍🏽 Die Sprachkurse helfen.")])])
    index, text = _words(project)
    first = int(index.word_starts[1]), int(index.word_ends[1])
    assert text[first[0]:first[1]] == "Sprachkurse"


def test_the_index_is_stored_with_its_version_and_language(german, db):
    assert db.rows("SELECT document_id, version, language, words FROM text_index") == [(1, INDEX_VERSION, "de", 39)]


def test_a_missing_index_is_rebuilt(german, db):
    with german.transaction() as session:
        session.execute(__import__("sqlalchemy").text("DELETE FROM text_index"))
    assert db.count("text_index") == 0
    assert 1 in load_indexes(german)
    assert db.count("text_index") == 1


def test_an_older_index_is_rebuilt(german, db):
    with german.transaction() as session:
        session.execute(__import__("sqlalchemy").text("UPDATE text_index SET version = 0, words = -1"))
    changes = index_documents(german)
    assert changes.ids("text_index", of="updated") == [1]
    assert db.rows("SELECT version, words FROM text_index") == [(INDEX_VERSION, 39)]
    assert index_documents(german).updated == []  # up to date now: nothing to do


def test_setting_the_language_by_hand_rebuilds_in_that_language(bilingual, db):
    load_indexes(bilingual)
    assert db.rows("SELECT language FROM text_index ORDER BY document_id") == [("de",), ("en",)]
    set_document_language(bilingual, "Group 2", "de")
    load_indexes(bilingual)
    assert db.rows("SELECT language FROM text_index ORDER BY document_id") == [("de",), ("de",)]


def test_back_to_detection_drops_the_index_and_rebuilds_it_in_the_detected_language(bilingual, db):
    set_document_language(bilingual, "Group 2", "de")
    load_indexes(bilingual)
    set_document_language(bilingual, "Group 2", None)
    # "de" stored and nothing set by hand would not look outdated: the index is gone instead
    assert db.rows("SELECT document_id FROM text_index") == [(1,)]
    load_indexes(bilingual)
    assert db.rows("SELECT language FROM text_index ORDER BY document_id") == [("de",), ("en",)]


def test_progress_and_cancel(project, make_document, db):
    import_documents(project, [make_document(f"D{i}", [("A", f"Satz {i}.")]) for i in range(3)])
    seen = []
    index_documents(project, progress=lambda fraction, name: seen.append((round(fraction, 2), name)),
                    cancel=lambda: len(seen) == 2)
    assert seen == [(0.33, "D0"), (0.67, "D1")]
    assert db.count("text_index") == 2  # what was finished is kept


def test_a_read_only_project_is_indexed_in_memory(project, make_document, db, opened):
    import_documents(project, [make_document("D", [("A", "Die Sprachkurse helfen.")])])
    project.close()
    read_only = opened(open_project(project.path, read_only=True))
    index = load_indexes(read_only)[1]
    assert index.words == 3 and db.count("text_index") == 0
    assert np.all(index.lemmas > 0)


def test_german_and_english_documents_indexed_in_one_run_get_distinct_term_ids(project, make_document, db):
    from tests.fixtures.texts import ENGLISH_TURNS, GERMAN_TURNS

    changes = import_documents(
        project, [make_document("Gruppe 1", GERMAN_TURNS), make_document("Group 2", ENGLISH_TURNS)]
    )
    index_documents(project, changes.ids("document"))
    languages = {row[0] for row in db.rows("SELECT language FROM text_index")}
    assert languages == {"de", "en"}
    terms = vocabulary_terms(project)
    assert {"sprachkurs", "course"} <= {key for key, _, _ in terms.values()}
