"""Read REFI-QDA exchange files (``.qdpx`` projects, ``.qdc`` codebooks) from any tool, leniently and safely.

The result is plain ``ProjectData``; ``app.services.merge.bring_in`` writes it into a project in one transaction.
Whatever cannot be imported (picture or PDF sources, a source whose text is missing, a selection outside its
text, a selection without a code) is listed in ``ProjectData.problems`` instead of failing the import. Hostile
files (zip path traversal, zip bombs, XML entities) are refused by ``safezip`` with a ReaderError.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from app.importers.base import ReaderError, gc_paused
from app.importers.canonical import read_file_bytes
from app.importers.refi_sources import SourceReader
from app.importers.refi_xml import child, child_text, children, color, guid, local
from app.importers.safezip import iter_large_xml, open_zip, parse_xml
from app.models.exchange import CodeData, CoderData, ProjectData, split_description

PROJECT_KIND = "REFI-QDA project (.qdpx)"
# A study of 200,000 codings writes a project.qde of several hundred MB (XML is verbose); the ratio check still
# stops zip bombs, so a REFI-QDA project may unpack to more than a Word document may.
MAX_PROJECT_BYTES = 2 * 1024 * 1024 * 1024
MAX_CODEBOOK_BYTES = 20 * 1024 * 1024


def read_qdpx(path: str | Path) -> ProjectData:
    """Read a ``.qdpx`` project: its ``*.qde`` and the source texts beside it in ``sources/`` (or ``Sources/``)."""
    path = Path(path)
    with gc_paused(), open_zip(path, PROJECT_KIND, max_unpacked=MAX_PROJECT_BYTES) as archive:
        qde = _find_qde(path, archive.names())
        return _read_project_xml(
            archive.read(qde, limit=MAX_PROJECT_BYTES), lambda name: _member(archive, name), path, qde,
            lambda tag: f"is not a REFI-QDA project: {qde} holds a <{tag}>, not a <Project>",
        )


def read_qde(path: str | Path) -> ProjectData:
    """Read a bare ``project.qde`` (sources only where they are inline)."""
    path = Path(path)
    return _read_project_xml(read_file_bytes(path, MAX_CODEBOOK_BYTES * 5), lambda name: None, path, path.name,
                             lambda tag: f"is not a REFI-QDA project (it holds a <{tag}>)")


def _read_project_xml(xml: bytes, member, path: Path, part: str, not_a_project) -> ProjectData:  # noqa: ANN001
    """A project.qde read as it is parsed: each text source with its selections as soon as its end is read (then
    cleared), the rest once the whole file is parsed and checked. What comes out is what reading the whole tree
    gave; ``SourceReader.takes_now`` says when a source must wait for the end instead."""
    reader: SourceReader | None = None
    root = None
    for event, element in iter_large_xml(xml, path, part, ("{*}Project", "{*}TextSource")):
        if event == "end":
            if reader is not None and reader.takes_now(element):
                reader.read_source_now(element)
        elif event == "start":
            if reader is None and element.getparent() is None and local(element.tag) == "Project":
                reader = SourceReader(element, _project_data(element, path), member, path)
        else:
            root = element
    if local(root.tag) != "Project":
        raise ReaderError(path, not_a_project(local(root.tag)))
    return read_project_element(root, member, path, reader)


def read_qdc(path: str | Path) -> ProjectData:
    """Read a ``.qdc`` codebook: the code tree only."""
    path = Path(path)
    root = parse_xml(read_file_bytes(path, MAX_CODEBOOK_BYTES), path, path.name)
    if local(root.tag) == "Project":  # a .qde handed in as a codebook: its code tree is just as good
        root = child(root, "CodeBook") or root
    if local(root.tag) != "CodeBook":
        raise ReaderError(path, f"is not a REFI-QDA codebook (it holds a <{local(root.tag)}>, not a <CodeBook>)")
    data = ProjectData(name=path.stem, origin=root.get("origin", ""))
    codes = child(root, "Codes")
    if codes is not None:
        _read_codes(codes, None, data)
    if not data.codes:
        data.problems.append("the codebook holds no codes")
    return data


def read_exchange_file(path: str | Path) -> ProjectData:
    """Any REFI-QDA file by its suffix: .qdpx, .qdc or .qde."""
    suffix = Path(path).suffix.lower()
    if suffix == ".qdc":
        return read_qdc(path)
    if suffix == ".qde":
        return read_qde(path)
    return read_qdpx(path)


def read_project_element(root: Element, member, path: Path,  # noqa: ANN001 - name -> bytes|None
                         reader: SourceReader | None = None) -> ProjectData:
    """A parsed project: with ``reader``, the one that has read some of its sources as they were parsed."""
    reader = reader or SourceReader(root, _project_data(root, path), member, path)
    data = reader.data
    users = child(root, "Users")
    for user in children(users, "User") if users is not None else ():
        data.coders.append(CoderData(guid(user.get("guid")), (user.get("name") or user.get("id") or "").strip()
                                     or "unnamed coder"))
    codebook = child(root, "CodeBook")
    codes = child(codebook, "Codes") if codebook is not None else None
    if codes is not None:
        _read_codes(codes, None, data)
    reader.read()
    return data


def _project_data(root: Element, path: Path) -> ProjectData:
    return ProjectData(name=root.get("name", "") or path.stem, origin=root.get("origin", ""))


def _read_codes(parent: Element, parent_guid: str | None, data: ProjectData) -> None:
    for code in children(parent, "Code"):
        code_guid = guid(code.get("guid"))
        definition, anchor, rule = split_description(child_text(code, "Description"))
        data.codes.append(CodeData(code_guid, code.get("name") or "", parent_guid, color(code.get("color")),
                                   definition, anchor, rule))
        _read_codes(code, code_guid, data)


def _find_qde(path: Path, names: list[str]) -> str:
    candidates = [name for name in names if name.lower().endswith(".qde") and "/" not in name.strip("/")]
    candidates = candidates or [name for name in names if name.lower().endswith(".qde")]
    if not candidates:
        raise ReaderError(path, "is not a REFI-QDA project: the archive holds no project.qde")
    for name in candidates:
        if name.lower() == "project.qde":
            return name
    return sorted(candidates)[0]


def _member(archive, name: str) -> bytes | None:  # noqa: ANN001 - SafeZip
    """A source file by its path in the project, found whatever the folder's case (``Sources/`` or ``sources/``)."""
    wanted = name.replace("\\", "/").lstrip("/").lower()
    names = {entry.lower(): entry for entry in archive.names()}
    for key in (wanted, f"sources/{wanted}", f"sources/{wanted.rsplit('/', 1)[-1]}"):
        if key in names:
            return archive.read(names[key])
    return None
