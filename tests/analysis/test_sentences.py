"""Sentence boundaries around emoji and line breaks: the language index, the punctuation rule of "code the
sentence" and auto-coding by sentence all cut a turn at the same places."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.analysis.autocoding import preview_autocode
from app.analysis.sentence_rules import sentences_by_rule
from app.analysis.text_index import load_indexes
from app.models import Document
from app.services import add_code, import_documents

# Each turn and the sentences it is cut into.
CASES = [
    ("Das war gut 👍 Dann kam der Kurs.", ["Das war gut 👍", "Dann kam der Kurs."]),
    ("Der Kurs war super 👍", ["Der Kurs war super 👍"]),
    ("Der Sprachkurs ist das A und O. 😀 Wirklich.", ["Der Sprachkurs ist das A und O. 😀", "Wirklich."]),
    ("Toll!👍👍 Dann ging es los.", ["Toll!👍👍", "Dann ging es los."]),
    ("Danke. 👍🏽 👍🏽 Und jetzt?", ["Danke. 👍🏽 👍🏽", "Und jetzt?"]),
    ("Die Familie 👨‍👩‍👧 ist angekommen. Gut so.", ["Die Familie 👨‍👩‍👧 ist angekommen.", "Gut so."]),
    ("Ja ❤️ Danke an alle.", ["Ja ❤️", "Danke an alle."]),
    ("Der Kurs 👍 war gut.", ["Der Kurs 👍 war gut."]),  # a small letter follows: inside the sentence
    ("👍🏽 Die Sprachkurse helfen.", ["👍🏽 Die Sprachkurse helfen."]),  # opens the turn: with what follows
    ("Das war gut. 👍", ["Das war gut. 👍"]),
    ("Erst der Kurs.\n\nDann die Arbeit.", ["Erst der Kurs.", "Dann die Arbeit."]),  # a paragraph in a turn
    ("Gut!\n👍\nDann weiter.", ["Gut!\n👍", "Dann weiter."]),
]


def _sentences(project, document_id: int) -> list[str]:
    index = load_indexes(project, [document_id])[document_id]
    with project.reading() as session:
        text = session.get(Document, document_id).text
    return [text[s:e] for s, e in zip(index.sentence_starts.tolist(), index.sentence_ends.tolist(), strict=True)]


@pytest.mark.parametrize(("turn", "expected"), CASES)
def test_the_punctuation_rule_cuts_emoji_turns(turn, expected):
    text = f"Anna: {turn}\n"
    assert [text[s:e] for s, e in sentences_by_rule(text, 6, 6 + len(turn))] == expected


def test_the_index_cuts_the_same_sentences(project, make_document):
    changes = import_documents(project, [make_document("Chat", [("Anna", turn) for turn, _ in CASES])])
    (document_id,) = changes.ids("document")
    assert _sentences(project, document_id) == [sentence for _, expected in CASES for sentence in expected]


def test_sentence_units_for_autocoding_cover_exactly_the_sentence(project, make_document):
    import_documents(project, [make_document("Chat", [
        ("Anna", "Das war gut 👍 Dann kam der Kurs."),
        ("Ben", "Der Kurs ist das A und O. 😀 Wirklich."),
        ("Anna", "Kurse gibt es genug 😀"),
        ("Ben", "👍 Wirklich? Kurse!"),
    ])])
    add_code(project, "Kurs")
    passages = preview_autocode(project, "Kurs", mode="lemma", unit="sentence", code="Kurs")
    assert [(p.text, p.speaker) for p in passages] == [
        ("Dann kam der Kurs.", "Anna"),
        ("Der Kurs ist das A und O. 😀", "Ben"),
        ("Kurse gibt es genug 😀", "Anna"),
        ("Kurse!", "Ben"),
    ]
    with project.reading() as session:
        text = session.scalars(select(Document.text)).one()
    for passage in passages:  # positions are code points: the stored text says the same
        assert text[passage.start:passage.end] == passage.text
