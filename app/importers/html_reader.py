"""HTML transcripts (.html, .htm): noScribe's, and HTML in general.

Read with lxml's HTML parser, which neither loads anything from the network nor expands entities declared in the
file (no XXE); scripts, styles, comments and the head are not text.

**HTML in general**: each block (paragraph, heading, list item, ``<div>`` holding text) is a paragraph for the turn
parser, ``<br>`` a line break inside it, table rows go through the table rule of the other readers ("speaker |
text" tables). White space is collapsed as a browser does, except in ``<pre>``.

**noScribe** writes one ``<p>`` per speaker's turn, its text made of one ``<a name="ts_START_END_SPEAKER">`` per
recognised segment (times in milliseconds): ``S00 [00:01:22]: text``, the time shown in grey. Before the turns: the
title (the audio file's name) and a grey paragraph of metadata (noScribe's version, the audio file, the options),
which are no turns. The segments' times become the turn's times. Overlapping speech is written inline, in the turn
it interrupts: ``... text //S01: interjection// text goes on``, its segments named ``ts_..._//S01``. It stays in
the text where it was spoken and becomes a turn of its own speaker (so it counts in that speaker's share); the
interrupted turn goes on after it as a turn of its own. A file transcribed without speaker detection has all
segments in one paragraph, without speaker: each segment is then a timed paragraph-less turn of its own, as with
Whisper's JSON, so the recording's times stay usable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from app.importers.base import Block, ParsedDocument, ParsedTurn, ReaderError
from app.importers.canonical import canonical_text, decode_bytes, read_file_bytes
from app.importers.docx_reader import table_blocks
from app.importers.speaker_labels import match_label, tidy_name
from app.models.speaker_names import speaker_key

_SEGMENT_ANCHOR = re.compile(r"ts_(?P<start>\d{1,12})_(?P<end>\d{1,12})(?:_(?P<speaker>.*))?", re.DOTALL)
_BLOCK_TAGS = frozenset("p div h1 h2 h3 h4 h5 h6 li dt dd blockquote pre address figcaption caption td th "
                        "section article header footer main aside nav body".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SKIPPED = frozenset("script style head template noscript title meta link object embed iframe svg math".split())
_OVERLAP_LABEL = re.compile(r"\s*//\s*(?P<name>[^:/\n]{1,40}?)\s*:")
_MARKS = " \t\n\u00a0/"  # what a turn's span does not start or end with: spaces, the "//" of overlapping speech
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
# A document type with an internal subset ("<!DOCTYPE html [<!ENTITY ...>]>"): the HTML parser reads no entities
# from it, but would leave its "]>" as text.
_DOCTYPE = re.compile(r"\A\s*<!DOCTYPE[^\[>]*(?:\[[^\]]*\])?\s*>", re.IGNORECASE)


def read_html(path: str | Path, *, speakers: str = "auto") -> ParsedDocument:
    """An HTML file as a document: noScribe's with its speakers and times, any other's paragraphs through the turn
    parser (``speakers`` as for ``parse_turns``; noScribe's structure names its speakers itself)."""
    path = Path(path)
    root = _parse(path)
    body = root.find("body")
    if body is None:
        body = root
    if any(_segment(anchor) is not None for anchor in body.iter("a")):
        return _noscribe_document(path, body)
    from app.importers.turns import parse_turns

    return parse_turns(list(_blocks(body)), name=path.stem, source_name=path.name, source_format="html",
                       speakers=speakers)


def read_html_blocks(path: str | Path) -> list[Block]:
    """The paragraphs of an HTML file as blocks (for the fuzz tests: every HTML file has them)."""
    root = _parse(Path(path))
    body = root.find("body")
    return list(_blocks(root if body is None else body))


def _parse(path: Path) -> object:
    from lxml import etree, html

    text = _DOCTYPE.sub("", decode_bytes(read_file_bytes(path), path), count=1)
    if not text.strip():
        raise ReaderError(path, "is empty")
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, remove_blank_text=False)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReaderError(path, f"cannot be read as HTML ({exc})") from exc
    return root


# --- HTML in general ---------------------------------------------------------------------------------------------


def _blocks(body: object) -> Iterator[Block]:
    lines: list[str] = []  # the open block's text, cut at <br>
    heading = False

    def close() -> Iterator[Block]:
        # White space collapsed as a browser does: a no-break space is kept.
        text = canonical_text("\n".join(_HTML_SPACE.sub(" ", line).strip(" ") for line in lines)).strip("\n")
        lines.clear()
        text = "\n".join(line for line in text.split("\n") if line.strip())
        if text:
            yield Block(text, None, heading)

    def walk(element: object, depth: int) -> Iterator[Block]:
        nonlocal heading
        tag = element.tag if isinstance(element.tag, str) else ""  # type: ignore[attr-defined]
        tag = tag.lower()
        if tag in _SKIPPED or depth > 200:
            return
        if tag == "table":
            yield from close()
            yield from table_blocks(_rows(element))
            return
        if tag == "pre":
            yield from close()
            for line in element.text_content().split("\n"):  # type: ignore[attr-defined]
                if line.strip():
                    yield Block(canonical_text(line.rstrip()))
            return
        opens_block = tag in _BLOCK_TAGS
        if opens_block:
            yield from close()
            heading = tag in _HEADINGS
        if tag == "br":
            lines.append("")
        elif element.text:  # type: ignore[attr-defined]
            _add(lines, element.text)  # type: ignore[attr-defined]
        for child in element:  # type: ignore[attr-defined]
            yield from walk(child, depth + 1)
            if child.tail:
                _add(lines, child.tail)
        if opens_block:
            yield from close()
            heading = False

    yield from walk(body, 0)
    yield from close()


def _add(lines: list[str], text: str) -> None:
    if not lines:
        lines.append("")
    lines[-1] += text


def _rows(table: object) -> list[list[str]]:
    rows = []
    for row in table.iter("tr"):  # type: ignore[attr-defined]
        cells = [" ".join(cell.text_content().split()) for cell in row if isinstance(cell.tag, str)
                 and cell.tag.lower() in ("td", "th")]
        rows.append(cells)
    return rows


# --- noScribe ----------------------------------------------------------------------------------------------------


class _Piece(NamedTuple):
    text: str
    start_ms: int | None
    end_ms: int | None
    speaker: str | None  # the segment's speaker: "S00", "//S01" for overlapping speech, None outside a segment


def _segment(anchor: object) -> tuple[int, int, str] | None:
    match = _SEGMENT_ANCHOR.fullmatch(anchor.get("name") or "")  # type: ignore[attr-defined]
    if match is None:
        return None
    return int(match["start"]), int(match["end"]), (match["speaker"] or "").strip()


def _pieces(paragraph: object) -> list[_Piece]:
    """The paragraph's text in pieces, each with the segment it belongs to."""
    pieces: list[_Piece] = []

    def walk(element: object, segment: tuple[int, int, str] | None, depth: int) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""  # type: ignore[attr-defined]
        if tag in _SKIPPED or depth > 200:
            return
        if tag == "a":
            segment = _segment(element) or segment
        if tag == "br":
            pieces.append(_Piece("\n", None, None, None))
        elif element.text:  # type: ignore[attr-defined]
            pieces.append(_piece(element.text, segment))  # type: ignore[attr-defined]
        for child in element:  # type: ignore[attr-defined]
            walk(child, segment, depth + 1)
            if child.tail:
                pieces.append(_piece(child.tail, segment))

    walk(paragraph, None, 0)
    return pieces


def _piece(text: str, segment: tuple[int, int, str] | None) -> _Piece:
    if segment is None:
        return _Piece(text, None, None, None)
    return _Piece(text, segment[0], segment[1], segment[2])


def _noscribe_paragraphs(body: object) -> Iterator[list[_Piece]]:
    for paragraph in body.iter("p"):  # type: ignore[attr-defined]
        pieces = _pieces(paragraph)
        if "".join(piece.text for piece in pieces).strip():
            yield pieces


def _noscribe_document(path: Path, body: object) -> ParsedDocument:
    lines: list[str] = []
    turns: list[ParsedTurn] = []
    shown: dict[str, str] = {}  # speaker key -> the first spelling met
    offset = 0
    for pieces in _noscribe_paragraphs(body):
        line, runs = _laid_out(pieces)
        if not line:
            continue
        if not any(speaker is not None for speaker, *_ in runs):
            if turns and turns[-1].speaker is not None:  # text typed between turns goes on with the turn before
                last = turns[-1]
                turns[-1] = last._replace(end=offset + len(line))
            lines.append(line)
            offset += len(line) + 1
            continue
        turns.extend(_paragraph_turns(line, runs, offset, shown))
        lines.append(line)
        offset += len(line) + 1
    text = "\n".join(lines)
    if not turns:
        raise ReaderError(path, "has noScribe's time marks but no transcript text")
    return ParsedDocument(path.stem, text, path.name, "html", turns=tuple(turns))


# A run: consecutive text of one segment's speaker in a paragraph, (speaker, start, end, start_ms, end_ms).
_Run = tuple["str | None", int, int, "int | None", "int | None"]


def _laid_out(pieces: list[_Piece]) -> tuple[str, list[_Run]]:
    """The paragraph's text (white space collapsed, canonical) and its runs of one speaker."""
    text = ""
    runs: list[list[object]] = []
    for piece in pieces:
        chunk = canonical_text(_HTML_SPACE.sub(" ", piece.text)) if piece.text != "\n" else "\n"
        if text.endswith((" ", "\n")) or not text:
            chunk = chunk.lstrip(" ")
        if not chunk:
            continue
        start = len(text)
        text += chunk
        if piece.speaker is None and piece.start_ms is None:
            continue
        # One speaker's segments make one run; without speakers (no speaker detection) each segment is one.
        if runs and runs[-1][0] == piece.speaker and (piece.speaker or runs[-1][3] == piece.start_ms):
            runs[-1][2] = len(text)
            runs[-1][4] = piece.end_ms
        else:
            runs.append([piece.speaker, start, len(text), piece.start_ms, piece.end_ms])
    stripped = text.rstrip()
    return stripped, [(speaker, start, min(end, len(stripped)), s, e) for speaker, start, end, s, e in runs]


def _paragraph_turns(line: str, runs: list[_Run], offset: int, shown: dict[str, str]) -> Iterator[ParsedTurn]:
    host_label = match_label(line)
    for index, (speaker, start, end, start_ms, end_ms) in enumerate(runs):
        overlap = bool(speaker) and speaker.startswith("//")
        name = speaker.lstrip("/").strip() if speaker else ""
        words_from = start
        if index == 0 and name and not overlap and host_label is not None and not host_label.stop \
                and host_label.content_start <= end:
            words_from = host_label.content_start
            name = host_label.name  # the label as shown (renamed in noScribe's editor, perhaps)
        elif overlap:
            shown_label = _OVERLAP_LABEL.match(line, start)
            if shown_label is not None and shown_label.end() <= end:
                words_from = shown_label.end()
                name = tidy_name(shown_label["name"]) or name
        while words_from < end and line[words_from] in _MARKS:
            words_from += 1
        words_to = end
        while words_to > words_from and line[words_to - 1] in _MARKS:
            words_to -= 1
        if words_to <= words_from:
            continue
        key = speaker_key(name) if name else ""
        speaker_name = shown.setdefault(key, name) if key else None
        yield ParsedTurn(speaker_name, offset + words_from, offset + words_to, start_ms, end_ms)
