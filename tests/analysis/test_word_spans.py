"""The numpy word finder gives exactly the words of the regular expression it replaces, on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.analysis.word_index import word_spans
from app.analysis.words import WORD
from app.importers import read_document
from app.importers.base import ReaderError
from tests.shared_data import TRANSCRIPTS as SHARED, needs_shared_data

# Word characters, the three separators, what is neither, and what lies beyond the Basic Multilingual Plane.
PIECES = st.sampled_from(["a", "Z", "ß", "_", "1", "²", "½", "-", "'", "’", " ", "\n", ".", "q\u0307", "—", "🙂",
                          "👍🏽", "زبان", "\u200d", "𝔘", "𐍈", "--", "''"])


def _regex(text: str) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in WORD.finditer(text)]


def _numpy(text: str) -> list[tuple[int, int]]:
    starts, ends = word_spans(text)
    return list(zip(starts.tolist(), ends.tolist()))


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_the_same_words_as_the_regular_expression_on_made_up_texts(text):
    assert _numpy(text) == _regex(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_the_same_words_on_any_unicode_text(text):
    assert _numpy(text) == _regex(text)


@needs_shared_data
def test_the_same_words_in_every_shared_transcript():
    checked = 0
    for path in sorted(SHARED.iterdir()):
        try:
            text = read_document(path).text  # as imported: docx, odt, rtf and txt alike
        except ReaderError:
            continue
        assert _numpy(text) == _regex(text), path.name
        checked += 1
    assert checked >= 6


def test_every_character_of_the_basic_plane_is_a_word_character_exactly_when_the_expression_says_so():
    """The table of word characters (found by one pass of ``\\w`` over the plane) against each character asked
    one by one, surrogates included."""
    from app.analysis.word_index import _word_character_table

    table = _word_character_table().tolist()
    assert table == [chr(code).isalnum() or chr(code) == "_" for code in range(0x10000)]
    assert table == [WORD.fullmatch(chr(code)) is not None for code in range(0x10000)]
