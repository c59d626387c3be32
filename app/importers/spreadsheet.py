"""Spreadsheets of workshop contributions (cards, dot votes, rankings): one row, one contribution.

Columns are found by their header, in German or English (``Sprecher``/``Speaker``/``Name``/``Institution``,
``Beitrag``/``Text``/``Karte``/``Kommentar``, ``Stimmen``/``Punkte``/``Votes``, ``Priorität``/``Rang``/``Rank``,
``Zeit``/``Start``, ``Cluster``/``Kategorie``/``Category``). Without a recognisable header the first column is
the speaker and the second the text.
The document text is one line per row, ``Speaker: text`` (a cell's own line breaks are kept); each row's turn
spans its text and carries the votes and the priority; a cluster column gives each card's cluster
(``ParsedDocument.clusters``), which ``services.cards`` turns into codes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.importers.base import ParsedDocument, ParsedTurn, ReaderError
from app.importers.canonical import canonical_text, read_canonical_text
from app.importers.speaker_labels import tidy_name
from app.importers.timecodes import clock_to_ms
from app.models.speaker_names import speaker_key

MAX_ROWS = 100_000
"""Rows read from a workbook; a workshop has hundreds. More means a data export, not contributions."""
MAX_COLUMNS = 50

# Header words per column role, best first: with both "Name" and "Institution", "Name" is the speaker.
_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "speaker": ("speaker", "sprecher", "sprecherin", "name", "person", "teilnehmer", "teilnehmerin",
                "teilnehmende", "participant", "author", "autor", "autorin", "wer", "who", "institution",
                "organisation", "organization", "einrichtung"),
    "text": ("text", "beitrag", "aussage", "karte", "kartentext", "kommentar", "comment", "content", "inhalt",
             "statement", "card", "idee", "idea", "notiz", "note", "antwort", "answer", "response", "äußerung",
             "utterance", "maßnahme", "massnahme", "measure", "vorschlag", "suggestion"),
    "votes": ("votes", "vote", "stimmen", "stimme", "punkte", "klebepunkte", "points", "dots", "anzahl"),
    "priority": ("priority", "priorität", "prioritaet", "prio", "rang", "rank", "ranking", "platz",
                 "reihenfolge"),
    "time": ("time", "zeit", "start", "beginn", "begin", "timestamp", "zeitstempel", "startzeit", "uhrzeit"),
    "cluster": ("cluster", "kategorie", "category", "clusterüberschrift", "überschrift", "heading", "oberbegriff",
                "themenfeld", "themencluster", "topic", "thema"),
}
_ROLE_OF_WORD = {word: (role, rank) for role, words in _HEADER_WORDS.items() for rank, word in enumerate(words)}
_TOKEN = re.compile(r"\w+")
_INTEGER = re.compile(r"-?\d+")
_DELIMITERS = (";", "\t", ",", "|")  # ties go to ";", which German Excel writes


def read_csv(path: str | Path, *, delimiter: str | None = None) -> ParsedDocument:
    """A CSV (or, with ``delimiter="\\t"``, TSV) file; the delimiter is guessed when not given."""
    path = Path(path)
    text = read_canonical_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or _guess_delimiter(text))
    rows: list[tuple[int, Sequence[object]]] = []
    try:
        for number, row in enumerate(reader, start=1):
            rows.append((number, row[:MAX_COLUMNS]))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):  # the csv module's own cap, 131072 characters
            raise ReaderError(path, f"line {reader.line_num}: a cell holds more than {csv.field_size_limit():,} "
                                    "characters, which is no transcript contribution") from None
        raise ReaderError(path, f"line {reader.line_num}: cannot be read as CSV ({exc})") from None
    return _document(path, rows, "tsv" if delimiter == "\t" else "csv", [])


def read_xlsx(path: str | Path) -> ParsedDocument:
    """The first (active) sheet of an Excel workbook."""
    path = Path(path)
    import openpyxl

    from app.importers.safezip import open_zip

    with open_zip(path, "Excel workbook (.xlsx)"):
        pass  # the archive's directory is checked (zip bombs, hostile names) before openpyxl unpacks it
    warnings: list[str] = []
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for damaged files
        raise ReaderError(path, f"is not an Excel workbook (.xlsx) or it is damaged ({exc})") from None
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise ReaderError(path, "contains no worksheet")
        sheet = workbook.active if workbook.active in sheets else sheets[0]
        if len(sheets) > 1:
            warnings.append(f"only the sheet {sheet.title!r} was read; the workbook has {len(sheets)} sheets")
        sheet.reset_dimensions()  # do not trust the stored size: it could claim a million empty rows
        rows: list[tuple[int, Sequence[object]]] = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                warnings.append(f"only the first {MAX_ROWS} rows were read")
                break
            rows.append((number, row[:MAX_COLUMNS]))
    except ReaderError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise ReaderError(path, f"is damaged: its cells cannot be read ({exc})") from None
    finally:
        workbook.close()
    return _document(path, rows, "xlsx", warnings)


def _guess_delimiter(text: str) -> str:
    """The delimiter used most in the first record (outside quotes); ";" on a tie, "," when there is none."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in text[:65536]:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            if ch == "\n":
                if any(counts.values()):
                    break
                continue
            if ch in counts:
                counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals: the order is the preference
    return best if counts[best] else ","


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return canonical_text(str(value)).strip()


def _columns(header: Sequence[object]) -> dict[str, int] | None:
    """Column index per role if ``header`` is a header row (it names a text or a speaker column), else None."""
    best: dict[str, tuple[int, int]] = {}  # role -> (rank, column)
    for column, cell in enumerate(header):
        label = _cell_text(cell).casefold().strip(" :?*")
        found = _ROLE_OF_WORD.get(label)
        tokens = _TOKEN.findall(label)
        if found is None and len(tokens) <= 3:  # "Anzahl Punkte", "Text der Karte"; not a sentence in a data row
            found = next((_ROLE_OF_WORD[t] for t in tokens if t in _ROLE_OF_WORD), None)
        if found is not None:
            role, rank = found
            if role not in best or rank < best[role][0]:
                best[role] = (rank, column)
    roles = {role: column for role, (_, column) in best.items()}
    if "text" not in roles and "speaker" not in roles:
        return None
    if "text" not in roles:  # a header without a text column: the first column with no other role
        taken = set(roles.values())
        roles["text"] = next((c for c in range(len(header)) if c not in taken), -1)
    return roles


def _number(value: object, what: str, row: int, warnings: list[str]) -> int | None:
    """A count or rank: 3, 3.0, "3", "3 Punkte", "Platz 2". Anything else: None, and a warning."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    numbers = _INTEGER.findall(value) if isinstance(value, str) else []
    if len(numbers) == 1:
        return int(numbers[0])
    warnings.append(f"row {row}: {what} {_cell_text(value)!r} is not a whole number; left empty")
    return None


def _milliseconds(value: object, row: int, warnings: list[str]) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.time()
    if isinstance(value, dt.time):
        return ((value.hour * 60 + value.minute) * 60 + value.second) * 1000 + value.microsecond // 1000
    if isinstance(value, dt.timedelta):
        return int(value.total_seconds() * 1000)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value * 1000)  # plain seconds
    ms = clock_to_ms(str(value))
    if ms is None:
        warnings.append(f"row {row}: time {_cell_text(value)!r} is not a time like 00:01:22; left empty")
    return ms


def _document(
    path: Path, rows: Iterable[tuple[int, Sequence[object]]], source_format: str, warnings: list[str]
) -> ParsedDocument:
    rows = [(number, row) for number, row in rows if any(_cell_text(cell) for cell in row)]
    if not rows:
        raise ReaderError(path, "contains no rows with text")
    roles = _columns(rows[0][1])
    if roles is None:
        widest = max(len(row) for _, row in rows)
        roles = {"speaker": 0, "text": 1} if widest >= 2 else {"text": 0}
    else:
        rows = rows[1:]

    def cell(row: Sequence[object], role: str) -> object:
        column = roles.get(role, -1)
        return row[column] if 0 <= column < len(row) else None

    shown: dict[str, str] = {}
    lines: list[str] = []
    turns: list[ParsedTurn] = []
    clusters: list[str | None] = []
    offset = 0
    for number, row in rows:
        words = _cell_text(cell(row, "text"))
        if not words:
            continue
        speaker = tidy_name(_cell_text(cell(row, "speaker"))) or None
        if speaker is not None:
            speaker = shown.setdefault(speaker_key(speaker), speaker) if speaker_key(speaker) else None
        prefix = f"{speaker}: " if speaker else ""
        start = offset + len(prefix)
        turns.append(ParsedTurn(
            speaker, start, start + len(words),
            start_ms=_milliseconds(cell(row, "time"), number, warnings),
            votes=_number(cell(row, "votes"), "votes", number, warnings),
            priority=_number(cell(row, "priority"), "priority", number, warnings),
        ))
        # A code name holds no "/" (it separates a path): "Führerschein/Jobticket" becomes "Führerschein – Jobticket".
        clusters.append(" ".join(_cell_text(cell(row, "cluster")).replace("/", " – ").split()) or None)
        lines.append(prefix + words)
        offset += len(prefix) + len(words) + 1
    if not turns:
        raise ReaderError(path, "contains no rows with text")
    return ParsedDocument(path.stem, "\n".join(lines), path.name, source_format, tuple(turns), tuple(warnings),
                          clusters=tuple(clusters) if "cluster" in roles else ())
