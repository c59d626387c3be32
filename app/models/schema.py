"""The domain model as SQLAlchemy 2.0 typed tables: what a FocusCoder project file holds.

Positions (``start``/``end``) are Unicode code points into ``Document.text``, end exclusive. Everything a
colleague's project or a REFI-QDA file can refer to carries a GUID, which is what merging and exchange match on.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date as date_type
from datetime import datetime, timezone

from sqlalchemy import (
    CheckConstraint,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so Alembic's batch migrations on SQLite can find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


_ONE = text("1")  # a server default (Memo has a column called "text", hiding the function inside its class)


def new_guid() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _guid_column() -> Mapped[str]:
    return mapped_column(String(36), unique=True, default=new_guid)


class ProjectInfo(Base):
    """The one row of project metadata."""

    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = _guid_column()
    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8), default="de")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_with: Mapped[str] = mapped_column(String(40), default="")


class Coder(Base):
    __tablename__ = "coder"

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = _guid_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class Document(Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = _guid_column()
    name: Mapped[str] = mapped_column(String(400), unique=True)
    # Canonical text (NFC, "\n" line ends, no BOM); never changed after import.
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    source_name: Mapped[str] = mapped_column(String(400), default="")
    source_format: Mapped[str] = mapped_column(String(16), default="")
    language: Mapped[str | None] = mapped_column(String(8))
    group_name: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    imported_at: Mapped[datetime] = mapped_column(default=utc_now)

    turns: Mapped[list[Turn]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True, order_by="Turn.position"
    )


class Speaker(Base):
    """A participant, project-wide: the same person in several focus groups is one speaker."""

    __tablename__ = "speaker"

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = _guid_column()
    name: Mapped[str] = mapped_column(String(200))
    # speaker_key(name): the spelling-insensitive identity used to match labels to speakers.
    key: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Row version, checked by every UPDATE and DELETE: in a team project a change made from a stale copy of the
    # row (a colleague changed it meanwhile) is refused instead of silently overwriting (see ``team.py``).
    version: Mapped[int] = mapped_column(default=1, server_default=_ONE)
    # Whether the speaker's contributions count as support in the priority ranking: None decides by the speaker's
    # role (moderation and research team do not count, see ``analysis.participants``); True or False as the user
    # marked it (revision 0006).
    participant: Mapped[bool | None] = mapped_column()
    __mapper_args__ = {"version_id_col": version}

    aliases: Mapped[list[SpeakerAlias]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan", passive_deletes=True
    )


class SpeakerAlias(Base):
    """Another spelling of a speaker's name (kept when speakers are renamed or merged)."""

    __tablename__ = "speaker_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speaker.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200), unique=True)

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")


class Turn(Base):
    """One contribution: a span of a document's text spoken by one speaker (or by nobody recognised)."""

    __tablename__ = "turn"
    __table_args__ = (
        Index("ix_turn_document_start", "document_id", "start"),
        CheckConstraint("start >= 0 AND \"end\" >= start", name="span"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column()
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speaker.id", ondelete="SET NULL"), index=True)
    start: Mapped[int] = mapped_column()
    end: Mapped[int] = mapped_column()
    start_ms: Mapped[int | None] = mapped_column()
    end_ms: Mapped[int | None] = mapped_column()
    votes: Mapped[int | None] = mapped_column()
    priority: Mapped[int | None] = mapped_column()

    document: Mapped[Document] = relationship(back_populates="turns")
    speaker: Mapped[Speaker | None] = relationship()


class Code(Base):
    """A category of the code tree, with the columns of a category system (definition, anchor, rule)."""

    __tablename__ = "code"
    __table_args__ = (
        UniqueConstraint("parent_id", "name"),
        # SQLite treats NULLs as distinct, so top-level names need their own unique index.
        Index("uq_code_top_level_name", "name", unique=True, sqlite_where=text("parent_id IS NULL"),
              postgresql_where=text("parent_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = _guid_column()
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    color: Mapped[str] = mapped_column(String(7), default="#808080")
    definition: Mapped[str] = mapped_column(Text, default="")
    anchor_example: Mapped[str] = mapped_column(Text, default="")
    coding_rule: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Row version, checked by every UPDATE and DELETE: in a team project a change made from a stale copy of the
    # row (a colleague changed it meanwhile) is refused instead of silently overwriting (see ``team.py``).
    version: Mapped[int] = mapped_column(default=1, server_default=_ONE)
    __mapper_args__ = {"version_id_col": version}

    parent: Mapped[Code | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Code]] = relationship(
        back_populates="parent", cascade="all, delete-orphan", passive_deletes=True, order_by="Code.position"
    )


class Coding(Base):
    """A code applied to a span of a document by a coder."""

    __tablename__ = "coding"
    __table_args__ = (
        # Covering what the transcript view reads of a document's codings, in its order (revision 0005).
        Index("ix_coding_document_span", "document_id", "start", "end", "id", "code_id", "coder_id", "weight"),
        CheckConstraint("start >= 0 AND \"end\" > start", name="span"),
        CheckConstraint("weight BETWEEN 0 AND 100", name="weight"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = _guid_column()
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"), index=True)
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id", ondelete="RESTRICT"), index=True)
    start: Mapped[int] = mapped_column()
    end: Mapped[int] = mapped_column()
    weight: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Row version, checked by every UPDATE and DELETE: in a team project a change made from a stale copy of the
    # row (a colleague changed it meanwhile) is refused instead of silently overwriting (see ``team.py``).
    version: Mapped[int] = mapped_column(default=1, server_default=_ONE)
    __mapper_args__ = {"version_id_col": version}

    document: Mapped[Document] = relationship()
    code: Mapped[Code] = relationship()
    coder: Mapped[Coder] = relationship()


class Memo(Base):
    """Free text about the project (no target) or about one document, code, speaker or coding."""

    __tablename__ = "memo"
    __table_args__ = (
        CheckConstraint(
            "(document_id IS NOT NULL) + (code_id IS NOT NULL) + (speaker_id IS NOT NULL)"
            " + (coding_id IS NOT NULL) <= 1",
            name="one_target",
        ).ddl_if(dialect="sqlite"),
        # PostgreSQL cannot add booleans.
        CheckConstraint(
            "num_nonnulls(document_id, code_id, speaker_id, coding_id) <= 1", name="one_target"
        ).ddl_if(dialect="postgresql"),
        # One memo per thing; the project may have many.
        Index("uq_memo_document", "document_id", unique=True, sqlite_where=text("document_id IS NOT NULL"),
              postgresql_where=text("document_id IS NOT NULL")),
        Index("uq_memo_code", "code_id", unique=True, sqlite_where=text("code_id IS NOT NULL"),
              postgresql_where=text("code_id IS NOT NULL")),
        Index("uq_memo_speaker", "speaker_id", unique=True, sqlite_where=text("speaker_id IS NOT NULL"),
              postgresql_where=text("speaker_id IS NOT NULL")),
        Index("uq_memo_coding", "coding_id", unique=True, sqlite_where=text("coding_id IS NOT NULL"),
              postgresql_where=text("coding_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = _guid_column()
    title: Mapped[str] = mapped_column(String(400), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int | None] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speaker.id", ondelete="CASCADE"))
    coding_id: Mapped[int | None] = mapped_column(ForeignKey("coding.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("coder.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    modified_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    # Row version, checked by every UPDATE and DELETE: in a team project a change made from a stale copy of the
    # row (a colleague changed it meanwhile) is refused instead of silently overwriting (see ``team.py``).
    version: Mapped[int] = mapped_column(default=1, server_default=_ONE)
    __mapper_args__ = {"version_id_col": version}


class AttributeType(enum.Enum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    BOOLEAN = "boolean"


class AttributeScope(enum.Enum):
    SPEAKER = "speaker"
    DOCUMENT = "document"


class Attribute(Base):
    """A typed variable (role, institution, age, date of the session, ...) for speakers or documents."""

    __tablename__ = "attribute"
    __table_args__ = (UniqueConstraint("scope", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = _guid_column()
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[AttributeType] = mapped_column(
        Enum(AttributeType, values_callable=lambda e: [m.value for m in e], native_enum=False, length=16)
    )
    scope: Mapped[AttributeScope] = mapped_column(
        Enum(AttributeScope, values_callable=lambda e: [m.value for m in e], native_enum=False, length=16)
    )


class AttributeValue(Base):
    """One speaker's or document's value of an attribute, stored in a canonical text form per type."""

    __tablename__ = "attribute_value"
    __table_args__ = (
        UniqueConstraint("attribute_id", "speaker_id"),
        UniqueConstraint("attribute_id", "document_id"),
        CheckConstraint("(speaker_id IS NULL) <> (document_id IS NULL)", name="one_owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attribute.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speaker.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    value: Mapped[str] = mapped_column(Text)

    attribute: Mapped[Attribute] = relationship()


class Vote(Base):
    """A measure's points from the workshop's dot vote, as counted on the pinboard and entered (revision 0006).

    One row per measure code, or one per measure and institution when the dots were counted by institution
    (``institution`` empty: not by institution); the measure's points are the sum of its rows. Cards imported
    with a points column keep theirs on their turn (``Turn.votes``) instead; an entered count takes precedence.
    """

    __tablename__ = "vote"
    __table_args__ = (
        UniqueConstraint("code_id", "institution"),
        CheckConstraint("points >= 0", name="points"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = _guid_column()
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    institution: Mapped[str] = mapped_column(String(200), default="", server_default="")
    points: Mapped[int] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class Study(Base):
    """The one row describing the study for the report's methods section, and which code holds the measures the
    priority ranking ranks (revision 0006). Missing values are simply left out of the report."""

    __tablename__ = "study"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="", server_default="")
    date: Mapped[date_type | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(Text, default="", server_default="")
    duration_minutes: Mapped[int | None] = mapped_column()
    phases: Mapped[str] = mapped_column(Text, default="", server_default="")  # one phase a line
    transcription_rules: Mapped[str] = mapped_column(Text, default="", server_default="")
    coding_procedure: Mapped[str] = mapped_column(Text, default="", server_default="")
    points_per_person: Mapped[int | None] = mapped_column()
    max_points_per_measure: Mapped[int | None] = mapped_column()
    voters: Mapped[int | None] = mapped_column()
    # The parent code whose sub-codes are the measures; None: found by name (Maßnahmen, Measures, ...).
    measures_code_id: Mapped[int | None] = mapped_column(ForeignKey("code.id", ondelete="SET NULL"))
