"""Speaker conventions a researcher can name instead of writing a pattern, and renaming the speakers found.

``--speakers`` takes ``auto`` (recognise the labels, see ``speaker_labels``), ``none``, one of the conventions
below by name, or a regular expression. A named convention is a pattern like any other: every paragraph starting
with it opens a turn, whether or not the label recurs, which is what a researcher asks for who says "these are the
labels". ``rename_speakers`` applies ``--map OLD=NEW``: speakers renamed, merged (two old names, one new), mapped
to a speaker already in the project (the import matches names project-wide), or dropped (``OLD=``: not a
speaker, its turns stay text without a speaker).
"""

from __future__ import annotations

from collections.abc import Mapping

from app.importers.base import ParsedDocument, ReaderError
from app.importers.timecodes import CLOCK
from app.models.speaker_names import speaker_key

_TIME = rf"(?:[\[(#]?{CLOCK}[\])#]?[ \t\u00a0]+)?"

# name -> (what it looks like, the pattern; its group "speaker" is the name)
CONVENTIONS: dict[str, tuple[str, str]] = {
    "name-colon": ("Name: at the start of a paragraph (also 'Dr. Anna Weber (IHK):')",
                   rf"[ \t]*{_TIME}(?P<speaker>[^\W\d_][^:\n]{{0,59}}?)[ \t]*:"),
    "code-colon": ("short codes: I:, B1:, IP2:, S00:, SPEAKER_00:",
                   rf"[ \t]*{_TIME}(?P<speaker>[A-ZÄÖÜ]{{1,4}}\d{{0,3}}|SPEAKER_(?:\d{{1,3}}|\?\?))[ \t]*:"),
    "upper-colon": ("upper-case names: LEHRER:, MODERATORIN:",
                    rf"[ \t]*{_TIME}(?P<speaker>[A-ZÄÖÜ][A-ZÄÖÜ0-9 .'\-]{{0,39}}?)[ \t]*:"),
    "bracket": ("a name in brackets: [id1] text, [Guest 1]: text",
                r"[ \t]*\[(?P<speaker>[^\]\n]{1,40})\]:?"),
    "timed-name": ("a time, then Name: ([00:01:22] Anna:, 00:12 I:)",
                   rf"[ \t]*[\[(#]?{CLOCK}[\])#]?[ \t\u00a0]+(?P<speaker>[^:\n]{{1,60}}?)[ \t]*:"),
}


def speaker_pattern(speakers: str) -> str:
    """The regular expression for ``speakers``: a convention's pattern for its name, else ``speakers`` itself."""
    convention = CONVENTIONS.get(speakers.strip().lower())
    return convention[1] if convention is not None else speakers


def rename_speakers(document: ParsedDocument, mapping: Mapping[str, str]) -> ParsedDocument:
    """The document with its speakers renamed by ``mapping`` (old name -> new name, matched as speakers are: case
    and spacing aside). An empty new name takes the speaker away from its turns."""
    by_key = {speaker_key(old): " ".join(new.split()) for old, new in mapping.items()}
    if not by_key:
        return document
    turns = tuple(
        turn._replace(speaker=by_key.get(speaker_key(turn.speaker), turn.speaker) or None)
        if turn.speaker is not None else turn
        for turn in document.turns
    )
    renamed = ParsedDocument(document.name, document.text, document.source_name, document.source_format, turns,
                             document.warnings)
    return renamed.with_utf8(document.utf8)


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """``["SPEAKER_00=Moderatorin", "B=Befragte"]`` as a mapping; ReaderError for a pair without "="."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        old, equals, new = pair.partition("=")
        if not equals or not old.strip():
            raise ReaderError(None, f"the speaker mapping {pair!r} is not OLD=NEW (e.g. SPEAKER_00=Moderatorin)")
        mapping[old.strip()] = new.strip()
    return mapping
