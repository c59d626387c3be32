"""Open zip-based documents (docx, odt) without trusting them.

A docx or odt is a zip archive of XML parts. A hostile or broken one may be no zip at all, name entries
``../../evil``, inflate a few kB into gigabytes (zip bomb), or carry XML entity tricks (XXE, billion laughs).
Everything here turns those cases into a ``ReaderError`` and reads members with hard size caps.
"""

from __future__ import annotations

import io
import lzma
import pyexpat
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET
from lxml import etree

from app.importers.base import ReaderError
from app.importers.canonical import format_size

MAX_ARCHIVE_BYTES = 200 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_RATIO = 100
"""Largest compression ratio accepted for entries bigger than ``RATIO_MIN_SIZE``; real XML stays well below."""
RATIO_MIN_SIZE = 1024 * 1024

_CHUNK = 64 * 1024
# Errors the zipfile module and its decompressors raise for damaged or unsupported archives.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError, NotImplementedError)
_DRIVE = re.compile(r"^[A-Za-z]:")
_PASSWORD_MESSAGE = "is password-protected; remove the password in the word processor first"


class SafeZip:
    """A zip archive whose directory was checked; read members with ``read``/``read_xml``.

    ``kind`` names the expected format for messages, e.g. ``"Word document (.docx)"``.
    """

    def __init__(self, path: str | Path, kind: str, max_unpacked: int | None = None) -> None:
        self.path = Path(path)
        self.kind = kind
        self._zip = _open_checked(self.path, kind, max_unpacked)
        self._infos = {info.filename: info for info in self._zip.infolist()}

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def names(self) -> list[str]:
        return list(self._infos)

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str, limit: int | None = None) -> bytes:
        """The member's bytes, decompressed in chunks and refused as soon as they exceed ``limit``
        (default ``MAX_MEMBER_BYTES``).

        The sizes in the zip directory are not trusted: the cap applies to what actually comes out.
        """
        limit = MAX_MEMBER_BYTES if limit is None else limit
        info = self._infos.get(name)
        if info is None:
            raise self.damaged(f"the part {name} is missing")
        if info.flag_bits & 0x1:
            raise ReaderError(self.path, _PASSWORD_MESSAGE)
        ratio_limit = max(RATIO_MIN_SIZE, info.compress_size * MAX_RATIO)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise ReaderError(
                            self.path, f"is too large: the part {name} unpacks to more than {format_size(limit)}"
                        )
                    if size > ratio_limit:
                        raise _bomb(self.path)
                    chunks.append(chunk)
        except ReaderError:
            raise
        except RuntimeError:  # zipfile's "encrypted, password required"
            raise ReaderError(self.path, _PASSWORD_MESSAGE) from None
        except _ZIP_ERRORS as exc:
            raise self.damaged(f"the part {name} cannot be unpacked: {exc}") from None
        return b"".join(chunks)

    def read_xml(self, name: str, limit: int | None = None) -> Element:
        """The member parsed as XML, with DTDs and entities refused (XXE, billion laughs)."""
        return parse_xml(self.read(name, limit), self.path, name)

    def damaged(self, detail: str) -> ReaderError:
        return ReaderError(self.path, f"is not a {self.kind} or it is damaged ({detail})")


def open_zip(path: str | Path, kind: str, *, max_unpacked: int | None = None) -> SafeZip:
    """Open ``path`` as a zip archive of the given kind, or raise ReaderError explaining what it is instead.

    ``max_unpacked`` caps the sum of the members' sizes (default ``MAX_TOTAL_UNCOMPRESSED``); the
    compression-ratio check applies whatever it is.
    """
    return SafeZip(path, kind, max_unpacked)


def parse_xml(data: bytes, path: str | Path, part: str) -> Element:
    """Parse one XML part; any DTD, entity declaration or malformed XML becomes a ReaderError."""
    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise _refused_declarations(path, part) from None
    except (ParseError, ValueError, LookupError) as exc:  # LookupError: unknown encoding in the XML declaration
        raise ReaderError(path, f"is damaged: the part {part} is not well-formed XML ({exc})") from None


# lxml's options for a large part: no entities resolved, nothing fetched, no DTD loaded; comments and processing
# instructions dropped, as ElementTree drops them.
_LARGE_XML = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": True,
              "remove_comments": True, "remove_pis": True}


def parse_large_xml(data: bytes, path: str | Path, part: str) -> etree._Element:
    """``parse_xml`` for a part of hundreds of MB (a REFI-QDA project.qde): lxml builds the tree in C, five times
    faster than ElementTree. Expat first reads the prolog only, and a DTD there (where any entity must be
    declared) is refused as ``parse_xml`` refuses it, before lxml sees the data."""
    _refuse_doctype(data, path, part)
    try:
        root = etree.fromstring(data, etree.XMLParser(**_LARGE_XML))
    except (etree.XMLSyntaxError, ValueError, LookupError) as exc:
        raise _not_well_formed(path, part, exc) from None
    _refuse_internal_dtd(root, path, part)
    return root


def iter_large_xml(data: bytes, path: str | Path, part: str, tags: tuple[str, ...]
                   ) -> Iterator[tuple[str, etree._Element]]:
    """``parse_large_xml`` as the parse goes: ("start", element) and ("end", element) for the elements named
    ``tags`` (lxml tag patterns), then ("root", root) once the whole part is parsed and checked. A reader can take
    an element as soon as its end is read and clear it, so the tree of a large part is never held whole: freeing
    hundreds of MB of small nodes at once (and glibc gathering them up again) cost a large project.qde 0.8 s."""
    _refuse_doctype(data, path, part)
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), tag=tags, **_LARGE_XML)
    try:
        yield from events
    except (etree.XMLSyntaxError, ValueError, LookupError) as exc:
        raise _not_well_formed(path, part, exc) from None
    _refuse_internal_dtd(events.root, path, part)
    yield "root", events.root


def _not_well_formed(path: str | Path, part: str, exc: Exception) -> ReaderError:
    return ReaderError(path, f"is damaged: the part {part} is not well-formed XML ({exc})")


def _refuse_internal_dtd(root: etree._Element, path: str | Path, part: str) -> None:
    if root.getroottree().docinfo.internalDTD is not None:  # cannot happen after the check; the check is cheap
        raise _refused_declarations(path, part)


class _RootReached(Exception):
    """The prolog has been read: what follows is the document's elements."""


def _refuse_doctype(data: bytes, path: str | Path, part: str) -> None:
    expat = pyexpat.ParserCreate()

    def doctype(*_args: object) -> None:
        raise _refused_declarations(path, part)

    def root(*_args: object) -> None:
        raise _RootReached

    expat.StartDoctypeDeclHandler = doctype
    expat.EntityDeclHandler = doctype
    expat.StartElementHandler = root
    try:
        for start in range(0, len(data), _CHUNK):  # the prolog is at the start: usually one chunk is read
            expat.Parse(data[start:start + _CHUNK], False)
        expat.Parse(b"", True)
    except _RootReached:
        return
    except pyexpat.ExpatError as exc:
        raise ReaderError(path, f"is damaged: the part {part} is not well-formed XML ({exc})") from None


def _refused_declarations(path: str | Path, part: str) -> ReaderError:
    return ReaderError(path, f"was refused: the part {part} contains XML declarations (DTD/entities) that documents "
                             "never need and attacks use")


def _open_checked(path: Path, kind: str, max_unpacked: int | None) -> zipfile.ZipFile:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReaderError(path, "the file was not found") from None
    except OSError as exc:
        raise ReaderError(path, f"cannot be read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise ReaderError(path, "is a folder, not a file")
    if size > MAX_ARCHIVE_BYTES:
        raise ReaderError(path, f"is too large to import (the limit is {format_size(MAX_ARCHIVE_BYTES)})")
    try:
        archive = zipfile.ZipFile(path)
    except PermissionError:
        raise ReaderError(path, "cannot be opened: permission denied") from None
    except _ZIP_ERRORS:
        raise ReaderError(path, _not_a_zip_message(path, kind)) from None
    try:
        _check_directory(path, archive.infolist(), max_unpacked)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_directory(path: Path, infos: list[zipfile.ZipInfo], max_unpacked: int | None) -> None:
    max_unpacked = MAX_TOTAL_UNCOMPRESSED if max_unpacked is None else max_unpacked
    if len(infos) > MAX_ENTRIES:
        raise ReaderError(path, f"was refused: the archive has {len(infos)} entries, more than a document has")
    total = 0
    for info in infos:
        if _unsafe_name(info.filename):
            raise ReaderError(path, f"was refused: the archive contains an unsafe entry name ({info.filename!r})")
        total += info.file_size
        if total > max_unpacked:
            raise ReaderError(path, f"was refused: it unpacks to more than {format_size(max_unpacked)} (zip bomb?)")
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _bomb(path)


def _unsafe_name(name: str) -> bool:
    """Absolute names, drive letters and ``..`` components: harmless to us, but only hostile files have them."""
    normal = name.replace("\\", "/")
    if normal.startswith("/") or _DRIVE.match(normal) or "\x00" in normal:
        return True
    return ".." in normal.split("/")


def _bomb(path: Path) -> ReaderError:
    return ReaderError(path, "was refused: it is compressed suspiciously well (zip bomb?)")


def _not_a_zip_message(path: Path, kind: str) -> str:
    """Say what the file is instead, when that is recognisable from its first bytes."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError:
        head = b""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return (f"is not a {kind}: it is an old-style Office file (.doc, Word 97-2003) or a password-protected "
                "document; open it in Word or LibreOffice and save it again without a password as .docx or .odt")
    if stripped.startswith(b"{\\rtf"):
        return f"is not a {kind}: it is an RTF file; rename it to .rtf"
    if head.startswith(b"%PDF"):
        return f"is not a {kind}: it is a PDF file; export the transcript as .docx or .txt"
    if stripped[:5].lower() in (b"<?xml", b"<html", b"<!doc"):
        return f"is not a {kind}: it is an XML/HTML text file; save it as .docx in the word processor"
    if not head:
        return f"is not a {kind}: the file is empty"
    return f"is not a {kind} or it is damaged (it is not a zip archive)"
