"""What every reader produces, and the one error every reader raises.

A reader turns a file into a ``ParsedDocument``: the canonical text (see ``canonical.py``) and the speaker turns
found in it, as spans of code points into that text. Nothing here touches the project file: the services layer
writes a ``ParsedDocument`` into the project in one transaction.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple


class ReaderError(Exception):
    """A file could not be read. The message names the file and says what is wrong, for a researcher."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = None if path is None else Path(path)
        self.problem = problem
        where = f"{self.path.name}: " if self.path is not None else ""
        super().__init__(f"{where}{problem}")


class Block(NamedTuple):  # one per paragraph, tens of thousands per study: a named tuple is made 3 times as fast
    """One paragraph as a format reader found it, before speaker turns are recognised.

    ``text`` may hold ``"\n"`` for a soft line break inside the paragraph. ``speaker`` is set only when the
    layout itself names the speaker (a row of a two-column "speaker | text" table); otherwise the turn parser
    looks for a label at the start of ``text``, except in a ``heading`` (a title, "# Teil 2: Maßnahmen"), which
    never opens a turn.
    """

    text: str
    speaker: str | None = None
    heading: bool = False


class ParsedTurn(NamedTuple):  # one per turn, tens of thousands per study: made 3 times as fast as a dataclass
    """One contribution: who spoke, and where the spoken words are in the document text.

    ``start``/``end`` delimit the contribution's words only (end exclusive, code points): the speaker label and
    a leading time mark stay outside the span, though they remain part of the text the researcher reads.
    ``speaker`` is the name as the researcher should see it (the first spelling met in the file), or None.
    """

    speaker: str | None
    start: int
    end: int
    start_ms: int | None = None
    end_ms: int | None = None
    votes: int | None = None
    priority: int | None = None


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A document read from a file, ready to be written into a project."""

    name: str
    text: str
    source_name: str
    source_format: str
    turns: tuple[ParsedTurn, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # Per turn, the cluster (category) a workshop card was sorted into, when a card sheet says so; else empty.
    # ``services.cards.code_cards_by_cluster`` makes a code of each cluster and codes the cards with it.
    clusters: tuple[str | None, ...] = ()
    # The text's UTF-8 bytes, when the reader has them (a UTF-8 file read as it is), so the import need not encode
    # the text again. Never passed in, only given by ``with_utf8`` to a document just made: a copy made by
    # dataclasses.replace (perhaps of another text) has none.
    utf8: bytes | None = field(default=None, init=False, repr=False, compare=False)

    def with_utf8(self, utf8: bytes | None) -> ParsedDocument:
        """This document, its text's UTF-8 bytes noted (``utf8`` must be ``text.encode("utf-8")``)."""
        object.__setattr__(self, "utf8", utf8)
        return self

    def turn_text(self, turn: ParsedTurn) -> str:
        return self.text[turn.start : turn.end]

    @property
    def speakers(self) -> list[str]:
        """Speaker names in order of first appearance."""
        seen = dict.fromkeys(map(itemgetter(0), self.turns))  # each turn's speaker, in C (thousands of turns)
        seen.pop(None, None)
        return list(seen)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while many objects are made that hold no cycles (a transcript's labels,
    events and turns; a .qdpx file's elements and rows): reference counting frees what is dropped, and each full
    collection set off by so many new objects walked every object the process holds again (100 transcripts of
    20,000 words: 640 -> 545 ms to read and import; seconds for a large .qdpx import)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
