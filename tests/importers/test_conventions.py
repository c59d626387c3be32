"""Renaming the speakers found before an import (``--map OLD=NEW``)."""

from __future__ import annotations

import pytest

from app.importers.base import Block, ReaderError
from app.importers.conventions import CONVENTIONS, parse_mapping, rename_speakers, speaker_pattern
from app.importers.turns import parse_turns


def doc():
    return parse_turns([Block("SPEAKER_00: Willkommen."), Block("SPEAKER_01: Danke."), Block("SPEAKER_02: Ja."),
                        Block("SPEAKER_00: Gut.")], name="d", source_name="d.txt", source_format="txt")


def test_rename_merge_and_drop() -> None:
    renamed = rename_speakers(doc(), parse_mapping(["speaker_00 = Moderatorin", "SPEAKER_01=Frau Berger",
                                                    "SPEAKER_02=frau  berger", "Niemand=X"]))
    assert [t.speaker for t in renamed.turns] == ["Moderatorin", "Frau Berger", "frau berger", "Moderatorin"]
    assert renamed.text == doc().text and [t[1:] for t in renamed.turns] == [t[1:] for t in doc().turns]
    dropped = rename_speakers(doc(), {"SPEAKER_01": ""})
    assert [t.speaker for t in dropped.turns] == ["SPEAKER_00", None, "SPEAKER_02", "SPEAKER_00"]
    assert rename_speakers(doc(), {}) == doc()


@pytest.mark.parametrize("pair", ["Moderatorin", "=Anna", " = "])
def test_a_pair_without_an_old_name_is_refused(pair: str) -> None:
    with pytest.raises(ReaderError, match="is not OLD=NEW"):
        parse_mapping([pair])


def test_conventions_are_named_case_blind_and_anything_else_is_a_pattern() -> None:
    assert speaker_pattern("Code-Colon") == CONVENTIONS["code-colon"][1]
    assert speaker_pattern(r"(?P<speaker>\w+)>") == r"(?P<speaker>\w+)>"
