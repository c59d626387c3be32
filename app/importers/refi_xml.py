"""Small, forgiving helpers for reading REFI-QDA XML written by many tools.

Elements are found by local name, so every namespace variant (``urn:QDA-XML:codebook:1:0``, a missing namespace)
reads the same. GUIDs are normalised (case, braces); colours are accepted in the forms tools write.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import datetime
from xml.etree.ElementTree import Element

from app.models.exchange import normal_guid

_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX = re.compile(r"^#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$")
_RGB = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})")


def local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if local(child.tag) == name)


def child(element: Element, name: str) -> Element | None:
    return next(children(element, name), None)


def child_text(element: Element, name: str) -> str:
    found = child(element, name)
    return "" if found is None or found.text is None else found.text


def guid(value: str | None) -> str:
    """A GUID as we store it. A malformed one still gets a stable GUID, so references to it keep working."""
    cleaned = normal_guid(value)
    if cleaned is None:
        return str(uuid.uuid4())
    return cleaned if _GUID.match(cleaned) else str(uuid.uuid5(uuid.NAMESPACE_URL, cleaned))


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
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
