"""Write REFI-QDA exchange files: a ``.qdpx`` project and a ``.qdc`` codebook, valid against the 2019 schemas.

The project's ``project.qde`` lists users (coders), the code tree (definition, anchor example and coding rule in
the description), variables (attributes), cases (speakers, with their turns as selections and their values),
text sources (GUID-named UTF-8 files with LF line ends in ``sources/``) with one selection per coding, and notes
(memos, referred to with ``NoteRef``). Positions are code points, as the standard says.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

from app import __version__
from app.export.refi_selections import coding_selection, made_by, turn_selection
from app.models import Project
from app.models.exchange import CodeData, DocumentData, ProjectData, join_description
from app.services.changes import ServiceError
from app.services.project_data import read_project_data

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"FocusCoder {__version__}"
_VARIABLE_TYPES = {"text": "Text", "boolean": "Boolean", "date": "Date"}
# Stands in the lxml tree for a source's selections, which are written as text (refi_selections).
_PLACEHOLDER = "FocusCoderSelections"
_PLACEHOLDER_LINE = f"      <{_PLACEHOLDER}/>\n".encode()


def export_qdpx(project: Project, path: str | Path) -> Path:
    return write_qdpx(read_project_data(project), path)


def export_qdc(project: Project, path: str | Path) -> Path:
    return write_qdc(read_project_data(project), path)


def write_qdpx(data: ProjectData, path: str | Path) -> Path:
    """Write the project as a ``.qdpx``; the file appears whole or not at all."""
    return _write_atomically(Path(path), lambda partial: _zip(partial, project_chunks(data), _source_files(data)))


def write_qdc(data: ProjectData, path: str | Path) -> Path:
    return _write_atomically(Path(path), lambda partial: partial.write_bytes(codebook_xml(data)))


def codebook_xml(data: ProjectData) -> bytes:
    if not data.codes:
        raise ServiceError("The code tree is empty: there is no codebook to export.")
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin=ORIGIN)
    _codes(etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes"), data.codes, CODEBOOK_NS, {})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def project_xml(data: ProjectData) -> tuple[bytes, dict[str, bytes]]:
    """The ``project.qde`` bytes and the source files (archive name -> UTF-8 bytes)."""
    return b"".join(project_chunks(data)), dict(_source_files(data))


def project_chunks(data: ProjectData) -> Iterator[bytes]:
    """``project.qde`` in pieces, so that it need not be held whole: lxml serialises the frame (users, codes, cases,
    notes ...), and each source's selections, written as text, go where its placeholder stands."""
    root, selections = _project_tree(data)
    frame = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    pieces = frame.split(_PLACEHOLDER_LINE)
    if len(pieces) != len(selections) + 1:
        raise AssertionError("a placeholder for a source's selections went missing")
    yield pieces[0]
    for write, piece in zip(selections, pieces[1:]):
        yield write().encode("utf-8")
        yield piece


def _source_files(data: ProjectData) -> Iterator[tuple[str, bytes]]:
    for doc in data.documents:
        yield f"sources/{doc.guid}.txt", doc.text.encode("utf-8")


def _project_tree(data: ProjectData) -> tuple[etree._Element, list[Callable[[], str]]]:
    """The project as an lxml tree in which each source's selections are a placeholder element, and for each
    placeholder, in document order, what writes those selections."""
    e = _Maker(PROJECT_NS)
    root = e.root("Project", name=data.name or "FocusCoder project", origin=ORIGIN,
                  creationDateTime=_when(datetime.now(UTC)))
    notes = _memo_refs(data)
    if data.coders:
        users = e.sub(root, "Users")
        for coder in data.coders:
            e.sub(users, "User", guid=coder.guid, name=coder.name)
    if data.codes:
        _codes(e.sub(e.sub(root, "CodeBook"), "Codes"), data.codes, PROJECT_NS, notes)
    kinds = _variable_kinds(data)
    if data.attributes:
        variables = e.sub(root, "Variables")
        for attribute in data.attributes:
            e.sub(variables, "Variable", guid=attribute.guid, name=attribute.name, typeOfVariable=kinds[attribute.guid])
    speaker_names = {speaker.guid: speaker.name for speaker in data.speakers}
    turn_guids = {
        doc.guid: [_turn_guid(doc.guid, index) if turn.end > turn.start else None
                   for index, turn in enumerate(doc.turns)]
        for doc in data.documents
    }
    if data.speakers:
        cases = e.sub(root, "Cases")
        speaker_memos = {m.target_guid: m.text for m in data.memos if m.target_kind == "speaker"}
        for speaker in data.speakers:
            case = e.sub(cases, "Case", guid=speaker.guid, name=speaker.name)
            if speaker_memos.get(speaker.guid, "").strip():
                e.sub(case, "Description").text = speaker_memos[speaker.guid]
            _values(e, case, data, speaker.guid, kinds)
            for doc in data.documents:
                for turn, turn_guid in zip(doc.turns, turn_guids[doc.guid]):
                    if turn_guid and turn.speaker_guid == speaker.guid:
                        e.sub(case, "SelectionRef", targetGUID=turn_guid)
    selections: list[Callable[[], str]] = []
    if data.documents:
        sources = e.sub(root, "Sources")
        codings_of: dict[str, list] = {}  # by document, in one pass (a scan of every coding per document took seconds)
        for coding in data.codings:
            codings_of.setdefault(coding.document_guid, []).append(coding)
        for doc in data.documents:
            source = e.sub(sources, "TextSource", guid=doc.guid, name=doc.name,
                           plainTextPath=f"internal://{doc.guid}.txt")
            codings = codings_of.get(doc.guid, ())
            if codings or any(turn_guids[doc.guid]):
                e.sub(source, _PLACEHOLDER)
                selections.append(functools.partial(_selections, doc, turn_guids[doc.guid], speaker_names, codings,
                                                    notes))
            for note in notes.get(doc.guid, ()):
                e.sub(source, "NoteRef", targetGUID=note)
            _values(e, source, data, doc.guid, kinds)
    written = [m for m in data.memos if m.target_kind != "speaker" and m.text.strip()]
    if written:
        notes_element = e.sub(root, "Notes")
        for memo in written:
            attributes = {"guid": memo.guid, "name": memo.title or _label(memo.text, 0, len(memo.text))}
            if memo.author_guid:
                attributes["creatingUser"] = memo.author_guid
            e.sub(e.sub(notes_element, "Note", **attributes), "PlainTextContent").text = memo.text
    groups: dict[str, list[str]] = {}
    for doc in data.documents:
        if doc.group:
            groups.setdefault(doc.group, []).append(doc.guid)
    if groups:  # an empty <Sets/> is invalid (Taguette writes one)
        sets = e.sub(root, "Sets")
        for name, members in groups.items():
            member_set = e.sub(sets, "Set", guid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"focuscoder:set:{name}")),
                               name=name)
            for member in members:
                e.sub(member_set, "MemberSource", targetGUID=member)
    for note in notes.get(None, ()):
        e.sub(root, "NoteRef", targetGUID=note)
    return root, selections


def _selections(doc: DocumentData, turn_guids: list[str | None], speaker_names: dict[str, str], codings: list,
                notes: dict) -> str:
    """A source's selections as ``project.qde`` text: its turns', then its codings'."""
    text = doc.text
    lines = [
        turn_selection(turn_guid, _turn_label(speaker_names.get(turn.speaker_guid), text, turn.start, turn.end),
                       turn.start, turn.end)
        for turn, turn_guid in zip(doc.turns, turn_guids) if turn_guid
    ]
    for coding in codings:
        made = made_by(coding.coder_guid, _when(coding.created_at) if coding.created_at else None)
        lines.append(coding_selection(_selection_guid(coding.guid), _label(text, coding.start, coding.end),
                                      coding.start, coding.end, coding.guid, coding.code_guid, made,
                                      notes.get(coding.guid, ())))
    return "".join(lines)


class _Maker:
    def __init__(self, namespace: str) -> None:
        self.ns = namespace

    def root(self, tag: str, **attributes: str) -> etree._Element:
        return etree.Element(f"{{{self.ns}}}{tag}", nsmap={None: self.ns}, **attributes)

    def sub(self, parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{self.ns}}}{tag}", **attributes)


def _codes(parent: etree._Element, codes: list[CodeData], namespace: str, notes: dict) -> None:
    e = _Maker(namespace)
    elements: dict[str | None, etree._Element] = {None: parent}
    for code in codes:  # parents come first
        element = e.sub(elements.get(code.parent_guid, parent), "Code", guid=code.guid, name=code.name,
                        isCodable="true")
        if code.color:
            element.set("color", code.color)
        description = join_description(code.definition, code.anchor_example, code.coding_rule)
        if description:
            e.sub(element, "Description").text = description
        if namespace == PROJECT_NS:  # the codebook schema has no notes
            for note in notes.get(code.guid, ()):
                e.sub(element, "NoteRef", targetGUID=note)
        elements[code.guid] = element


def _values(e: _Maker, owner: etree._Element, data: ProjectData, owner_guid: str, kinds: dict[str, str]) -> None:
    for value in data.values:
        if value.owner_guid != owner_guid:
            continue
        element = e.sub(owner, "VariableValue")
        e.sub(element, "VariableRef", targetGUID=value.attribute_guid)
        kind = kinds[value.attribute_guid]
        e.sub(element, f"{kind}Value").text = _decimal(value.value) if kind == "Float" else value.value


def _variable_kinds(data: ProjectData) -> dict[str, str]:
    """REFI-QDA's type per attribute: a number attribute is Integer when all its values are whole."""
    kinds = {}
    for attribute in data.attributes:
        kind = _VARIABLE_TYPES.get(attribute.type)
        if kind is None:
            values = [v.value for v in data.values if v.attribute_guid == attribute.guid]
            kind = "Integer" if all(v.lstrip("+-").isdigit() for v in values) else "Float"
        kinds[attribute.guid] = kind
    return kinds


def _memo_refs(data: ProjectData) -> dict[str | None, list[str]]:
    """Memo GUIDs by the GUID of what they are about (None: the project). Speaker memos travel as descriptions."""
    refs: dict[str | None, list[str]] = {}
    for memo in data.memos:
        if memo.target_kind != "speaker" and memo.text.strip():
            refs.setdefault(memo.target_guid, []).append(memo.guid)
    return refs


def _decimal(value: str) -> str:
    try:  # xsd:decimal has no exponent ("1e-05")
        return format(Decimal(value), "f")
    except InvalidOperation:
        return value


def _label(text: str, start: int, end: int, limit: int = 60) -> str:
    # Only the label's worth of a long passage is looked at (whitespace runs collapse, so take some to spare).
    window = min(end, start + 4 * limit)
    passage = " ".join(text[start:window].split())
    if window < end and len(passage) <= limit:
        passage = " ".join(text[start:end].split())
    return passage if len(passage) <= limit else passage[: limit - 1] + "…"


def _turn_label(speaker: str | None, text: str, start: int, end: int) -> str:
    passage = _label(text, start, end)
    return f"{speaker}: {passage}" if speaker else passage


def _selection_guid(coding_guid: str) -> str:
    return _derived(coding_guid, "selection")


def _turn_guid(document_guid: str, index: int) -> str:
    return _derived(document_guid, f"turn:{index}")


def _derived(base: str, purpose: str) -> str:
    """A stable GUID for a selection FocusCoder has no row for, so exporting twice gives the same file."""
    try:
        namespace = _uuid_bytes(base)
    except ValueError:
        namespace = uuid.uuid5(uuid.NAMESPACE_URL, base).bytes
    return _uuid5(namespace, purpose)


def _uuid_bytes(guid: str) -> bytes:
    """``uuid.UUID(guid).bytes``; our own GUIDs (36 characters, lower case) without making a UUID object."""
    if len(guid) == 36 and guid[8] == guid[13] == guid[18] == guid[23] == "-":
        return bytes.fromhex(guid.replace("-", ""))
    if len(guid) == 32:
        return bytes.fromhex(guid)
    return uuid.UUID(guid).bytes


def _uuid5(namespace: bytes, name: str) -> str:
    """``str(uuid.uuid5(UUID(bytes=namespace), name))`` without the UUID objects, a third of the time per coding."""
    digest = bytearray(hashlib.sha1(namespace + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _when(moment: datetime) -> str:
    if moment.tzinfo is not None:  # SQLite gives naive times, which we store as UTC
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds") + "Z"  # isoformat: a fifth of strftime's time, per coding


def _zip(path: Path, qde: Iterable[bytes], sources: Iterable[tuple[str, bytes]]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("project.qde", "w") as member:  # streamed: the whole file was held twice in memory
            _write_behind(member.write, qde)
        for name, content in sources:
            archive.writestr(name, content)


def _write_behind(write: Callable[[bytes], object], chunks: Iterable[bytes], ahead: int = 4) -> None:
    """``write`` the chunks in order in a second thread while the next ones are made: zlib compresses without
    holding the GIL, so on two cores compressing (a third of an export) overlaps with writing the XML. At most
    ``ahead`` chunks wait (a source's selections are about a megabyte)."""
    with ThreadPoolExecutor(max_workers=1) as writer:
        pending: deque[Future] = deque()
        for chunk in chunks:
            pending.append(writer.submit(write, chunk))
            if len(pending) > ahead:
                pending.popleft().result()  # a failed write stops the export here
        for done in pending:
            done.result()


def _write_atomically(path: Path, write) -> Path:
    if not path.parent.is_dir():
        raise ServiceError(f"{path.name}: the folder {path.parent} does not exist.")
    partial = path.with_name(f".{path.name}.writing")
    try:
        write(partial)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path
