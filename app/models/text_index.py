"""The language index of the documents: words with their positions, lemmas and sentences, the vocabulary, the
project's stop lists and the search terms ("keywords") of codes.

A document's index is kept as packed arrays (one row per document) rather than one row per word: a million rows
take longer to write than spaCy takes to read the words, and every search and count reads whole documents anyway.
Word forms and lemmas are numbers into ``term``, so a lemma search compares integers and a wildcard or regular
expression runs over the vocabulary, not over the text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.schema import Base, utc_now


class Term(Base):
    """One word of the project's vocabulary in one language: a word form or a lemma."""

    __tablename__ = "term"
    __table_args__ = (UniqueConstraint("language", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(String(8))
    # casefold() of the word: "Straße", "STRASSE" and "strasse" are one term, as a search would want.
    key: Mapped[str] = mapped_column(String(200))
    # The spelling shown in word lists (the lemma's own, or the form as it first appeared).
    text: Mapped[str] = mapped_column(String(200))
    # On spaCy's stop list for the language; a project's own stop list (StopList) takes precedence.
    stop: Mapped[bool] = mapped_column(Boolean, default=False)


class TextIndex(Base):
    """One document's words and sentences, as little-endian int32 arrays (see app/analysis/text_index.py)."""

    __tablename__ = "text_index"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    # Raised whenever the way an index is built changes: an older index is rebuilt on next use.
    version: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8))
    pipeline: Mapped[str] = mapped_column(String(80))
    words: Mapped[int] = mapped_column(Integer)
    built_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Per word: start and end (code points, end exclusive), form and lemma (term ids).
    word_starts: Mapped[bytes] = mapped_column(LargeBinary)
    word_ends: Mapped[bytes] = mapped_column(LargeBinary)
    forms: Mapped[bytes] = mapped_column(LargeBinary)
    lemmas: Mapped[bytes] = mapped_column(LargeBinary)
    # Per sentence: start and end (code points). Sentences never cross a speaker turn.
    sentence_starts: Mapped[bytes] = mapped_column(LargeBinary)
    sentence_ends: Mapped[bytes] = mapped_column(LargeBinary)


class StopList(Base):
    """The project's own stop words for one language (one word per line), replacing spaCy's list."""

    __tablename__ = "stop_list"

    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    words: Mapped[str] = mapped_column(Text, default="")


class CodeKeyword(Base):
    """A search term of a code: passages matching it are suggested for that code."""

    __tablename__ = "code_keyword"
    __table_args__ = (UniqueConstraint("code_id", "query", "mode"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"), index=True)
    query: Mapped[str] = mapped_column(String(400))
    # word, phrase, lemma, wildcard or regex (app/analysis/search.py)
    mode: Mapped[str] = mapped_column(String(16), default="lemma")
    position: Mapped[int] = mapped_column(default=0)
