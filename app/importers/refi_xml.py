"""Small, forgiving helpers for reading REFI-QDA XML written by many tools.

Elements are found by local name, so every namespace variant (``urn:QDA-XML:codebook:1:0``, a missing namespace)
reads the same. GUIDs are normalised (case, braces); colours are accepted in the forms tools write.
"""

from __future__ import annotations

import functools
import hashlib
import re
import uuid
from collections.abc import Iterator
from datetime import datetime
from xml.etree.ElementTree import Element

from lxml import etree

from app.models.exchange import normal_guid

_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX = re.compile(r"^#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$")
_URL_NAMESPACE = uuid.NAMESPACE_URL.bytes
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}  # RFC 4122 variant, high nibble
_RGB = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})")


@functools.lru_cache(maxsize=256)  # a file has few distinct tags, and millions of elements
def local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def grouped(element: Element) -> dict[str, list[Element]]:
    """The element's children by local name, in one pass (a selection's and a coding's children were walked once
    for each kind looked for, millions of walks in a large file)."""
    groups: dict[str, list[Element]] = {}
    for child in element:
        groups.setdefault(local(child.tag), []).append(child)
    return groups


def children(element: Element, name: str) -> Iterator[Element]:
    if isinstance(element, etree._Element):  # lxml (a project.qde) finds them in C: a large file has millions
        return element.iterchildren(f"{{*}}{name}")
    return (child for child in element if local(child.tag) == name)


def child(element: Element, name: str) -> Element | None:
    return next(children(element, name), None)


def child_text(element: Element, name: str) -> str:
    found = child(element, name)
    return "" if found is None or found.text is None else found.text


def guid(value: str | None) -> str:
    """A GUID as we store it. A malformed one still gets a stable GUID, so references to it keep working."""
    if value is not None and _GUID.fullmatch(value):  # already as we store it, as most are
        return value
    stable = _stable_guid(value) if value is not None else None
    return stable or str(uuid.uuid4())  # none at all: a new one each time


@functools.lru_cache(maxsize=4096)  # a file names the same coder and code with every coding
def _stable_guid(value: str) -> str | None:
    cleaned = normal_guid(value)
    if cleaned is None:
        return None
    return cleaned if _GUID.match(cleaned) else uuid5_url(cleaned)


def uuid5_url(name: str) -> str:
    """``str(uuid.uuid5(uuid.NAMESPACE_URL, name))`` from the SHA-1 digest directly, without UUID objects (a file
    with 200,000 GUIDs of another form spent seconds making them)."""
    h = hashlib.sha1(_URL_NAMESPACE + name.encode("utf-8")).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def color(value: str | None) -> str | None:
    """``#RRGGBB`` from ``#RGB``, ``RRGGBB``, ``#AARRGGBB``, ``rgb(r, g, b)`` or a decimal RGB number."""
    if not value:
        return None
    value = value.strip()
    match = _HEX.match(value)
    if match:
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return f"#{digits[-6:].upper()}"
    match = _RGB.match(value)
    if match:
        parts = [int(p) for p in match.groups()]
        if all(p <= 255 for p in parts):
            return "#{:02X}{:02X}{:02X}".format(*parts)
    if value.isdigit() and int(value) <= 0xFFFFFF:
        return f"#{int(value):06X}"
    return None


def integer(value: str | None) -> int | None:
    try:
        return int(value)  # int() itself ignores surrounding blanks
    except (TypeError, ValueError):
        return None


@functools.lru_cache(maxsize=4096)  # the codings of an auto-coding or an import share their time
def timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
