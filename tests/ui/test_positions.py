"""Code points <-> UTF-16 units: round trips for every text, emoji and right-to-left scripts included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.ui.positions import TextPositions, utf16_length

texts = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from("😀👩‍👩‍👧𝄞ابپ\u200f\n"),
    ),
    max_size=60,
)


def utf16_of(text: str, position: int) -> int:
    return len(text[:position].encode("utf-16-le")) // 2


@given(texts)
def test_every_code_point_maps_to_its_utf16_offset_and_back(text):
    positions = TextPositions(text)
    assert positions.utf16_length == utf16_of(text, len(text)) == utf16_length(text)
    for position in range(len(text) + 1):
        offset = positions.to_utf16(position)
        assert offset == utf16_of(text, position)
        assert positions.to_code_point(offset) == position


@given(texts)
def test_an_offset_inside_a_surrogate_pair_rounds_down_to_its_character(text):
    positions = TextPositions(text)
    for position, char in enumerate(text):
        if ord(char) > 0xFFFF:
            assert positions.to_code_point(positions.to_utf16(position) + 1) == position


def test_plain_text_is_the_identity():
    positions = TextPositions("Moderatorin: Was hilft?")
    assert positions.is_identity
    assert positions.span_to_utf16(3, 9) == (3, 9)


def test_emoji_count_two_units():
    text = "a😀b👍c"
    positions = TextPositions(text)
    assert [positions.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert positions.span_to_code_points(1, 4) == (1, 3)


@given(texts)
def test_many_positions_at_once_map_as_one_by_one(text):
    import numpy as np

    positions = TextPositions(text)
    every = np.arange(len(text) + 1, dtype=np.int64)
    assert positions.many_to_utf16(every).tolist() == [positions.to_utf16(p) for p in range(len(text) + 1)]


def test_a_lone_surrogate_is_one_unit_and_no_error():
    text = "a\ud800b😀c"  # not from a reader (they refuse such text), but a str may hold it
    positions = TextPositions(text)
    assert [positions.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 2, 3, 5, 6]
