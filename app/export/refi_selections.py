"""The selections of a REFI-QDA text source (one per turn, one per coding) written as text, not as lxml elements.

A large study has hundreds of thousands of them, and building an element each, then serialising, took most of
an export. The lines written here are exactly what lxml's ``tostring(..., pretty_print=True)`` writes for the
same elements (same attribute order, escaping and indentation); the REFI tests and a byte comparison with the
lxml version check that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
_SPECIAL = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Depth 3 (Project/Sources/TextSource/PlainTextSelection), two spaces a level, as lxml indents.
_SELECTION = "      <PlainTextSelection"
_CODING = "        <Coding"
_CHILD = "          <"


def attribute(value: str) -> str:
    """``value`` escaped as lxml escapes an attribute value; what lxml refuses is refused the same way."""
    if _SPECIAL.search(value) is None:  # nearly always: a GUID, a passage's words
        return value
    if _NOT_XML.search(value):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return _SPECIAL.sub(lambda match: _ESCAPES[match.group()], value)


def turn_selection(guid: str, name: str, start: int, end: int) -> str:
    return f"{_selection_tag(guid, name, start, end)}/>\n"


def coding_selection(selection_guid: str, name: str, start: int, end: int, coding_guid: str, code_guid: str,
                     made: str, notes: Iterable[str]) -> str:
    """A coding's selection with its ``Coding`` inside; ``made`` is the pre-escaped ``creatingUser`` and
    ``creationDateTime`` attributes (with a leading space each), which both elements carry."""
    lines = [
        f"{_selection_tag(selection_guid, name, start, end)}{made}>\n",
        f'{_CODING} guid="{attribute(coding_guid)}"{made}>\n',
        f'{_CHILD}CodeRef targetGUID="{attribute(code_guid)}"/>\n',
    ]
    lines += [f'{_CHILD}NoteRef targetGUID="{attribute(note)}"/>\n' for note in notes]
    lines.append("        </Coding>\n      </PlainTextSelection>\n")
    return "".join(lines)


def _selection_tag(guid: str, name: str, start: int, end: int) -> str:
    """The opening tag of a selection, up to its end position."""
    return (f'{_SELECTION} guid="{attribute(guid)}" name="{attribute(name)}" startPosition="{start}" '
            f'endPosition="{end}"')


def made_by(coder_guid: str | None, when: str | None) -> str:
    """The ``creatingUser``/``creationDateTime`` attributes a coding and its selection share."""
    user = f' creatingUser="{attribute(coder_guid)}"' if coder_guid else ""
    return f'{user} creationDateTime="{attribute(when)}"' if when else user

