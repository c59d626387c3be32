"""A project's content as plain data, detached from any database: what travels between projects and tools.

REFI-QDA import reads a ``.qdpx`` into a ``ProjectData``, export writes one out, and merging a colleague's
project reads theirs into one; ``app.services.merge`` brings a ``ProjectData`` into an open project. Everything
is referred to by GUID (lower-case, no braces), never by name, so a renamed code or coder is still the same one.
Positions are code points into ``DocumentData.text`` (canonical text), end exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class CoderData:
    guid: str
    name: str


@dataclass(frozen=True, slots=True)
class CodeData:
    guid: str
    name: str
    parent_guid: str | None = None
    color: str | None = None  # "#RRGGBB"; None when the file had none (NVivo writes none)
    definition: str = ""
    anchor_example: str = ""
    coding_rule: str = ""


@dataclass(frozen=True, slots=True)
class SpeakerData:
    guid: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TurnData:
    start: int
    end: int
    speaker_guid: str | None = None
    start_ms: int | None = None
    end_ms: int | None = None
    votes: int | None = None
    priority: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentData:
    guid: str
    name: str
    text: str
    source_name: str = ""
    source_format: str = ""
    group: str | None = None
    turns: tuple[TurnData, ...] = ()


@dataclass(frozen=True, slots=True)
class CodingData:
    guid: str
    document_guid: str
    code_guid: str
    coder_guid: str | None
    start: int
    end: int
    weight: int = 0
    created_at: datetime | None = None


# What a memo is about; "project" memos have no target.
MEMO_TARGETS = ("project", "document", "code", "speaker", "coding")


@dataclass(frozen=True, slots=True)
class MemoData:
    guid: str
    text: str
    title: str = ""
    target_kind: str = "project"
    target_guid: str | None = None
    author_guid: str | None = None


@dataclass(frozen=True, slots=True)
class AttributeData:
    guid: str
    name: str
    type: str  # AttributeType value: text, number, date, boolean
    scope: str  # AttributeScope value: speaker, document


@dataclass(frozen=True, slots=True)
class AttributeValueData:
    attribute_guid: str
    owner_guid: str  # a speaker's or a document's GUID, as the attribute's scope says
    value: str


@dataclass(frozen=True, slots=True)
class VoteData:
    """A measure's points from the dot vote (``institution`` empty: not counted by institution)."""

    code_guid: str
    points: int
    institution: str = ""


@dataclass(slots=True)
class ProjectData:
    """Everything one project (or one exchange file) holds; ``problems`` lists what a reader had to leave out."""

    name: str = ""
    origin: str = ""
    coders: list[CoderData] = field(default_factory=list)
    codes: list[CodeData] = field(default_factory=list)  # parents before their children
    speakers: list[SpeakerData] = field(default_factory=list)
    documents: list[DocumentData] = field(default_factory=list)
    codings: list[CodingData] = field(default_factory=list)
    memos: list[MemoData] = field(default_factory=list)
    attributes: list[AttributeData] = field(default_factory=list)
    values: list[AttributeValueData] = field(default_factory=list)
    votes: list[VoteData] = field(default_factory=list)
    participants: dict[str, bool] = field(default_factory=dict)  # speaker GUID -> marked a participant or not
    measures_code_guid: str | None = None  # the code whose sub-codes are the measures, if one was chosen
    problems: list[str] = field(default_factory=list)


def normal_guid(value: str | None) -> str | None:
    """A GUID as we store it: lower case, no braces or blanks ("{ABC-...}" from other tools)."""
    if value is None:
        return None
    cleaned = value.strip().strip("{}").strip().lower()
    return cleaned or None


# A code's category-system columns travel in its one REFI-QDA description, the definition first and the others
# under these labels (German labels are read too, for descriptions typed by hand in other tools).
ANCHOR_LABEL = "Anchor example"
RULE_LABEL = "Coding rule"
_SECTION = re.compile(r"(?:^|\n\n)(Anchor example|Ankerbeispiel|Coding rule|Kodierregel)\s*:[ \t]*", re.IGNORECASE)


def join_description(definition: str, anchor: str, rule: str) -> str:
    parts = [definition.strip()] if definition.strip() else []
    if anchor.strip():
        parts.append(f"{ANCHOR_LABEL}: {anchor.strip()}")
    if rule.strip():
        parts.append(f"{RULE_LABEL}: {rule.strip()}")
    return "\n\n".join(parts)


def split_description(description: str) -> tuple[str, str, str]:
    """(definition, anchor example, coding rule) from a code's description."""
    parts = _SECTION.split(description)
    definition, anchor, rule = parts[0], "", ""
    for label, body in zip(parts[1::2], parts[2::2]):
        if label.lower() in ("anchor example", "ankerbeispiel"):
            anchor = body.strip()
        else:
            rule = body.strip()
    return definition.strip(), anchor, rule
