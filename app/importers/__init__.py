"""Readers: from a transcript file to a ``ParsedDocument`` (canonical text and speaker turns).

``read_document`` picks the reader by the file's suffix. Word-processor, plain-text, Markdown, PDF and HTML files
are read as paragraphs and their speaker labels recognised by ``parse_turns``; subtitle, Whisper JSON, noScribe
HTML and spreadsheet files carry their speakers and times in their structure, so the ``speakers`` option (auto,
none, a convention's name or a regular expression) applies only to the first kind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from app.importers.base import Block, ParsedDocument, ParsedTurn, ReaderError
from app.importers.turns import compile_speaker_pattern, parse_paragraphs, parse_turns

__all__ = ["SUPPORTED_SUFFIXES", "Block", "ParsedDocument", "ParsedTurn", "ReaderError", "parse_turns",
           "read_document"]

_TEXT_SUFFIXES = (".txt", ".text")
_PARAGRAPH_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".odt": "odt",
                      ".rtf": "rtf", ".pdf": "pdf"}
_STRUCTURED_FORMATS = (".srt", ".vtt", ".json", ".html", ".htm", ".csv", ".tsv", ".xlsx")
SUPPORTED_SUFFIXES: tuple[str, ...] = (*_PARAGRAPH_FORMATS, *_STRUCTURED_FORMATS)


def _read_plain_text(path: Path, speakers: str) -> ParsedDocument:
    # The lines of one canonical text are canonical: the turn parser need not check them one by one.
    from app.importers.plaintext import read_paragraphs

    lines, text, utf8 = read_paragraphs(path)
    document = parse_paragraphs(
        lines, name=path.stem, source_name=path.name, source_format="txt", speakers=speakers, canonical=True,
        joined=text,
    )
    return document.with_utf8(utf8 if document.text is text else None)


def _paragraph_reader(suffix: str) -> Callable[[Path], list[Block]]:
    # Imported on use: the CLI starts fast and a reader's dependencies load only for its files.
    if suffix == ".docx":
        from app.importers.docx_reader import read_docx

        return read_docx
    if suffix == ".odt":
        from app.importers.odt_reader import read_odt

        return read_odt
    if suffix in (".md", ".markdown"):
        from app.importers.markdown_reader import read_markdown

        return read_markdown
    if suffix == ".pdf":
        from app.importers.pdf_reader import read_pdf

        return read_pdf
    from app.importers.rtf_reader import read_rtf

    return read_rtf


def _structured_reader(suffix: str) -> Callable[[Path], ParsedDocument]:
    if suffix in (".srt", ".vtt"):
        from app.importers.subtitles import read_srt, read_vtt

        return read_srt if suffix == ".srt" else read_vtt
    if suffix == ".json":
        from app.importers.whisper_json import read_whisper_json

        return read_whisper_json
    from app.importers.spreadsheet import read_csv, read_xlsx

    if suffix == ".tsv":
        return lambda path: read_csv(path, delimiter="\t")
    return read_csv if suffix == ".csv" else read_xlsx


def read_document(path: str | Path, *, speakers: str = "auto", name: str | None = None) -> ParsedDocument:
    """Read one transcript file. ``name`` defaults to the file name without its suffix.

    Raises ReaderError (with a message for the researcher) for a missing, unreadable or unsupported file, an
    invalid ``speakers`` pattern, or content the reader cannot make sense of.
    """
    path = Path(path)
    compile_speaker_pattern(speakers)  # a bad pattern is reported before any file is touched
    suffix = path.suffix.lower()
    if not path.exists():
        raise ReaderError(path, "the file was not found")
    if path.is_dir():
        raise ReaderError(path, "is a folder, not a file")
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise ReaderError(path, f"the file type {suffix or '(no suffix)'!r} is not supported (supported: {supported})")
    if not os.access(path, os.R_OK):
        raise ReaderError(path, "cannot be opened: permission denied")
    try:
        if suffix in _TEXT_SUFFIXES:
            document = _read_plain_text(path, speakers)
        elif suffix in _PARAGRAPH_FORMATS:
            blocks = _paragraph_reader(suffix)(path)
            document = parse_turns(
                blocks, name=path.stem, source_name=path.name, source_format=_PARAGRAPH_FORMATS[suffix],
                speakers=speakers,
            )
        elif suffix in (".html", ".htm"):  # HTML in general is paragraphs: the speakers option applies
            from app.importers.html_reader import read_html

            document = read_html(path, speakers=speakers)
        else:
            document = _structured_reader(suffix)(path)
    except ReaderError:
        raise
    except OSError as exc:
        raise ReaderError(path, f"cannot be read ({exc.strerror or exc})") from exc
    except Exception as exc:  # noqa: BLE001 - bad input never crashes the application (DESIGN.md)
        raise ReaderError(path, f"could not be read: unexpected {type(exc).__name__}: {exc}") from exc
    if name is not None or document.name != path.stem:
        document = ParsedDocument(name if name is not None else path.stem, document.text, document.source_name,
                                  document.source_format, document.turns, document.warnings,
                                  clusters=document.clusters).with_utf8(document.utf8)
    return document
