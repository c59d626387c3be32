"""The content part of a REFI-QDA project: text sources with their selections and codings, cases, variables,
notes and sets, read into ``ProjectData``.

Cases become speakers: a case's selections (``SelectionRef``) are that speaker's turns, which is how FocusCoder
writes them and how other tools can read them. Positions are converted to code points of the canonical text by
the file's ``origin`` (NVivo counts UTF-16 units) and checked against the text.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from xml.etree.ElementTree import Element

from app.importers.base import ReaderError
from app.importers.canonical import decode_bytes
from app.importers.refi_positions import PositionMap
from app.importers.refi_xml import (
    child,
    child_text,
    children,
    grouped,
    guid,
    integer,
    local,
    timestamp,
)
from app.models.exchange import (
    AttributeData,
    AttributeValueData,
    CodingData,
    DocumentData,
    MemoData,
    ProjectData,
    SpeakerData,
    TurnData,
)

_TYPES = {"text": "text", "boolean": "boolean", "integer": "number", "float": "number", "date": "date",
          "datetime": "date"}


def derived_guid(base: str, purpose: str) -> str:
    """A second, stable GUID for something the file gives one GUID for (a note on two targets ...)."""
    return str(uuid.uuid5(uuid.UUID(base) if len(base) == 36 else uuid.NAMESPACE_URL, purpose))


def _within(length: int):
    """``integer`` and ``PositionMap.from_code_point`` for a text whose positions do not move."""

    def position(value: str | None) -> int | None:
        try:
            number = int(value)  # int() itself ignores surrounding blanks
        except (TypeError, ValueError):
            return None
        return number if 0 <= number <= length else None

    return position


def _code_ref_and_notes(coding: Element) -> tuple[Element | None, list[Element]]:
    """A coding's (first) CodeRef and its NoteRefs. Most codings hold just their CodeRef, which is then taken
    without grouping the children."""
    if len(coding) == 1 and local(coding[0].tag) == "CodeRef":
        return coding[0], []
    parts = grouped(coding)
    return (parts["CodeRef"][0] if "CodeRef" in parts else None), parts.get("NoteRef", [])


def _first_text(elements: list[Element] | None) -> str:
    return (elements[0].text or "") if elements else ""


class SourceReader:
    def __init__(self, root: Element, data: ProjectData, member, path: Path) -> None:
        self.root, self.data, self.member, self.path = root, data, member, path
        self.utf16 = "nvivo" in data.origin.lower()
        # Our own files keep turns without a recognised speaker as selections without code or case.
        self.own_file = data.origin.startswith("FocusCoder")
        self.documents: list[DocumentData] = []
        self.selections: dict[str, tuple[str, int, int, str | None]] = {}  # guid -> document, start, end, coding
        self.uncoded: dict[str, str] = {}  # selection guid -> document name
        self.turns: dict[str, list[TurnData]] = defaultdict(list)
        self.note_targets: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        self.variables: dict[str, tuple[str, str]] = {}
        self.attributes: dict[tuple[str, str], str] = {}
        self.coding_guids: set[str] = set()
        self.variables_read = False
        self.read_early: set[Element] = set()  # text sources read as they were parsed (then cleared)
        self.waiting = False  # a source had to wait for the end of the file: so do all after it

    def takes_now(self, source: Element) -> bool:
        """Whether this source, whose end the parser has just read, can be read now with the same outcome as at
        the end: it is a text source of the project's (first) Sources, no source before it waited, and the
        variables its values name are known, as they are when the Variables come before the Sources (as the
        schema orders them). Elements after the source may already be there, half parsed: only what comes
        before it is looked at."""
        sources = source.getparent()
        if (self.waiting or local(source.tag) != "TextSource" or sources is None
                or sources.getparent() is not self.root or child(self.root, "Sources") is not sources):
            return False
        if not (self.variables_read or self._variables_before(sources)
                or child(source, "VariableValue") is None):
            self.waiting = True
            return False
        return True

    def read_source_now(self, source: Element) -> None:
        if self._variables_before(source.getparent()):  # else any later Variables are read at the end
            self._read_variables_once()
        self._read_text_source(source)
        source.clear(keep_tail=True)  # its selections are read: the parser may reuse their memory
        self.read_early.add(source)

    def _variables_before(self, sources: Element) -> bool:
        """Whether the project's Variables come before its Sources (and so are complete)."""
        for element in self.root:
            if element is sources:
                return False
            if local(element.tag) == "Variables":
                return True
        return False

    def _read_variables_once(self) -> None:
        if not self.variables_read:
            self._read_variables()
            self.variables_read = True

    def read(self) -> None:
        self._read_variables_once()
        sources = child(self.root, "Sources")
        skipped: Counter[str] = Counter()
        for source in sources if sources is not None else ():
            if source in self.read_early:
                continue
            if local(source.tag) == "TextSource":
                self._read_text_source(source)
            else:
                skipped[local(source.tag)] += 1
        for kind, count in sorted(skipped.items()):
            self.data.problems.append(f"{count} {kind} source(s): only text sources can be imported")
        self._read_cases()
        for note_ref in children(self.root, "NoteRef"):
            self.note_targets[guid(note_ref.get("targetGUID"))].append(("project", None))
        codebook = child(self.root, "CodeBook")
        for code in codebook.iter() if codebook is not None else ():
            if local(code.tag) == "Code":
                self._attach_notes(code, ("code", guid(code.get("guid"))))
        self._read_notes()
        groups = self._read_sets()
        if self.own_file:
            for selection in list(self.uncoded):
                doc_guid, start, end, _coding = self.selections[selection]
                self.turns[doc_guid].append(TurnData(start, end))
                del self.uncoded[selection]
        self.data.documents = [
            dataclasses.replace(doc, group=groups.get(doc.guid), turns=tuple(self.turns.get(doc.guid, ())))
            for doc in self.documents
        ]
        declared = {variable: index for index, variable in enumerate(self.variables)}
        order = {attribute: declared[variable] for (variable, _scope), attribute in self.attributes.items()}
        self.data.attributes.sort(key=lambda attribute: order[attribute.guid])  # as the file declares them
        uncoded = Counter(self.uncoded.values())
        for name, count in uncoded.items():
            self.data.problems.append(f"'{name}': {count} selection(s) without a code were left out")

    # --- sources ------------------------------------------------------------------------------------------

    def _text_of(self, source: Element, name: str) -> str | None:
        inline = child(source, "PlainTextContent")
        if inline is not None:
            return inline.text or ""
        where = source.get("plainTextPath") or ""
        data = self.member(where.split("://", 1)[-1]) if where else None
        if data is None:
            self.data.problems.append(f"'{name}': its text is not in the file ({where or 'no plainTextPath'}), "
                                      "so it and its codings were left out")
            return None
        try:
            return decode_bytes(data, None)
        except ReaderError as exc:
            self.data.problems.append(f"'{name}': its text cannot be read ({exc.problem})")
            return None

    def _read_text_source(self, source: Element) -> None:
        doc_guid = guid(source.get("guid"))
        name = (source.get("name") or "").strip() or doc_guid
        raw = self._text_of(source, name)
        if raw is None:
            return
        positions = PositionMap(raw)
        text = positions.text
        self.documents.append(DocumentData(doc_guid, name, text, source_name=name, source_format="qdpx"))
        selections = list(children(source, "PlainTextSelection"))
        outside = self._read_selections(selections, self._position_reader(positions, selections), doc_guid, name)
        if outside:
            self.data.problems.append(f"'{name}': {outside} selection(s) outside the text ({len(text)} characters) "
                                      "were left out")
        self._read_codings(list(children(source, "Coding")), doc_guid, 0, len(text), source.get("creatingUser"))
        self._attach_notes(source, ("document", doc_guid))
        description = child_text(source, "Description").strip()
        if description:
            self.data.memos.append(MemoData(derived_guid(doc_guid, "description"), description, "", "document",
                                            doc_guid))
        self._read_values(source, "document", doc_guid)

    def _read_selections(self, selections: list[Element], position, doc_guid: str, name: str) -> int:  # noqa: ANN001
        """Each selection's span, codings and notes; returns how many lie outside the text. This runs once per
        selection in the file (hundreds of thousands): a selection with no children (a speaker turn) or just its
        coding is not grouped, and names are looked up once."""
        selected, uncoded, read_codings = self.selections, self.uncoded, self._read_codings
        outside = 0
        for selection in selections:
            start = position(selection.get("startPosition"))
            end = position(selection.get("endPosition"))
            if start is None or end is None or not start < end:
                outside += 1
                continue
            sel_guid = guid(selection.get("guid"))
            first = None
            count = len(selection)
            if count == 1 and local(selection[0].tag) == "Coding":  # the usual coded selection: nothing to group
                first = read_codings((selection[0],), doc_guid, start, end, selection.get("creatingUser"))
            elif count:
                parts = grouped(selection)
                if "Coding" in parts:
                    first = read_codings(parts["Coding"], doc_guid, start, end, selection.get("creatingUser"))
                if "NoteRef" in parts or "Description" in parts:  # rare: most selections hold just their coding
                    self._read_selection_notes(parts, sel_guid,
                                               ("coding", first) if first else ("document", doc_guid))
            selected[sel_guid] = (doc_guid, start, end, first)
            if first is None:
                uncoded[sel_guid] = name
        return outside

    def _read_selection_notes(self, parts: dict[str, list[Element]], sel_guid: str,
                              target: tuple[str, str | None]) -> None:
        self._attach_note_refs(parts.get("NoteRef", ()), target)
        comment = _first_text(parts.get("Description")).strip()
        if comment:  # an ATLAS.ti quotation comment: a memo about the coding (or the document)
            self.data.memos.append(MemoData(derived_guid(sel_guid, "description"), comment, "", *target))

    def _position_reader(self, positions: PositionMap, selections: list[Element]):
        """A selection's position attribute as a position in the canonical text; None when it is no whole number
        or outside the text. Where nothing moves (no astral characters, canonical text as it was) that is one
        comparison, in one call per position (a large file has half a million)."""
        convert = self._converter(positions, selections)
        if positions.unchanged and convert == positions.from_code_point:
            return _within(len(positions.raw))

        def position(value: str | None) -> int | None:
            number = integer(value)
            return None if number is None else convert(number)

        return position

    def _converter(self, positions: PositionMap, selections: list[Element]):
        """Code points or UTF-16 units, by origin; where they differ, the one under which selections named after
        their text (as ATLAS.ti and MAXQDA name them) fall on that text wins."""
        by_origin = positions.from_utf16 if self.utf16 else positions.from_code_point
        if not positions.has_astral:
            return positions.from_code_point
        other = positions.from_code_point if self.utf16 else positions.from_utf16

        def hits(convert) -> int:
            count = 0
            for selection in selections:
                quoted = " ".join((selection.get("name") or "").split())[:30]
                start = convert(integer(selection.get("startPosition")) or 0)
                if quoted and start is not None and " ".join(positions.text[start:].split()).startswith(quoted):
                    count += 1
            return count

        return other if hits(other) > hits(by_origin) else by_origin

    def _read_codings(self, codings: list[Element], doc_guid: str, start: int, end: int, user: str | None
                      ) -> str | None:
        first = None
        seen, add = self.coding_guids, self.data.codings.append
        for coding in codings:
            code_ref, note_refs = _code_ref_and_notes(coding)
            if code_ref is None:
                continue
            coding_guid = guid(coding.get("guid"))
            if coding_guid in seen:  # a tool that reuses GUIDs must not cost a coding
                coding_guid = derived_guid(coding_guid, f"{doc_guid}:{start}:{end}:{len(seen)}")
            seen.add(coding_guid)
            coder = coding.get("creatingUser") or user
            add(CodingData(coding_guid, doc_guid, guid(code_ref.get("targetGUID")), guid(coder) if coder else None,
                           start, end, 0, timestamp(coding.get("creationDateTime"))))
            if note_refs:
                self._attach_note_refs(note_refs, ("coding", coding_guid))
            first = first or coding_guid
        return first

    def _attach_notes(self, element: Element, target: tuple[str, str | None]) -> None:
        self._attach_note_refs(children(element, "NoteRef"), target)

    def _attach_note_refs(self, note_refs: Iterable[Element], target: tuple[str, str | None]) -> None:
        for note_ref in note_refs:
            self.note_targets[guid(note_ref.get("targetGUID"))].append(target)

    # --- variables, cases, notes, sets -----------------------------------------------------------------------

    def _read_variables(self) -> None:
        variables = child(self.root, "Variables")
        for variable in children(variables, "Variable") if variables is not None else ():
            kind = _TYPES.get((variable.get("typeOfVariable") or "").lower(), "text")
            self.variables[guid(variable.get("guid"))] = ((variable.get("name") or "").strip() or "variable", kind)

    def _read_values(self, owner: Element, scope: str, owner_guid: str) -> None:
        for value in children(owner, "VariableValue"):
            ref = child(value, "VariableRef")
            found = next((c for c in value if local(c.tag).endswith("Value")), None)
            if ref is None or found is None or found.text is None:
                continue
            variable = guid(ref.get("targetGUID"))
            if variable not in self.variables:
                self.data.problems.append("a value of an undeclared variable was left out")
                continue
            key = (variable, scope)
            if key not in self.attributes:
                name, kind = self.variables[variable]
                # Variables are project-wide in REFI-QDA; ours belong to speakers or to documents.
                self.attributes[key] = variable if variable not in {k[0] for k in self.attributes} else (
                    derived_guid(variable, scope))
                self.data.attributes.append(AttributeData(self.attributes[key], name, kind, scope))
            text = found.text.strip()
            if local(found.tag) == "DateTimeValue":
                text = text[:10]
            self.data.values.append(AttributeValueData(self.attributes[key], owner_guid, text))

    def _read_cases(self) -> None:
        cases = child(self.root, "Cases")
        for number, case in enumerate(children(cases, "Case") if cases is not None else (), start=1):
            speaker = guid(case.get("guid"))
            self.data.speakers.append(SpeakerData(speaker, (case.get("name") or "").strip() or f"Case {number}"))
            description = child_text(case, "Description").strip()
            if description:  # cases cannot hold a NoteRef: a speaker's memo travels as the description
                self.data.memos.append(MemoData(derived_guid(speaker, "description"), description, "", "speaker",
                                                speaker))
            self._read_values(case, "speaker", speaker)
            for ref in children(case, "SelectionRef"):
                sel_guid = guid(ref.get("targetGUID"))  # None: a new GUID each time, as before (found nowhere)
                selection = self.selections.get(sel_guid)
                if selection is not None:
                    doc_guid, start, end, _coding = selection
                    self.turns[doc_guid].append(TurnData(start, end, speaker))
                    self.uncoded.pop(sel_guid, None)

    def _read_notes(self) -> None:
        notes = child(self.root, "Notes")
        for note in children(notes, "Note") if notes is not None else ():
            note_guid = guid(note.get("guid"))
            if child(note, "PlainTextContent") is None and not note.get("plainTextPath"):
                text = child_text(note, "Description")
            else:
                text = self._text_of(note, note.get("name") or "a note")
            if text is None:
                continue
            text = text or child_text(note, "Description")
            author = note.get("creatingUser")
            title = note.get("name") or ""
            if " ".join(text.split()).startswith(title.rstrip("…")):
                title = ""  # the name is only the start of the text (as we and ATLAS.ti name notes)
            for index, (kind, target) in enumerate(self.note_targets.get(note_guid) or [("project", None)]):
                memo_guid = note_guid if index == 0 else derived_guid(note_guid, f"{kind}:{target}")
                self.data.memos.append(MemoData(memo_guid, text, title, kind, target,
                                                guid(author) if author else None))

    def _read_sets(self) -> dict[str, str]:
        groups: dict[str, str] = {}
        sets = child(self.root, "Sets")
        for member_set in children(sets, "Set") if sets is not None else ():
            for member in children(member_set, "MemberSource"):
                groups.setdefault(guid(member.get("targetGUID")), (member_set.get("name") or "").strip() or "Set")
        return groups
