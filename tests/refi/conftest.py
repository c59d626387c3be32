"""Fixtures for REFI-QDA tests: the 2019 schemas (read from ../shared/data/refi, never copied), a project coded by
two coders with emoji, right-to-left text and overlapping codings, and a helper that writes a .qdpx by hand."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from app import services
from app.importers.base import ParsedDocument, ParsedTurn
from app.models import AttributeType, Project
from tests.shared_data import REFI, shared_file


# Emoji (two UTF-16 units each), Arabic and Hebrew (right to left), a combining sequence stored as NFC.
TEXT = (
    "Gruppendiskussion am 12. März\n"
    "Moderatorin: Was hilft beim Einstieg? 🙂\n"
    "Amal: الدورة اللغوية مهمة جدا 👍🏽 und der Sprachkurs auch.\n"
    "Noa: שפה זה המפתח, sagt Noa, und Praktika.\n"
)


def turns_of(text: str) -> tuple[ParsedTurn, ...]:
    turns, offset = [], 0
    for line in text.splitlines(keepends=True):
        label, sep, words = line.partition(": ")
        body = words.rstrip("\n") if sep else line.rstrip("\n")
        start = offset + (len(label) + 2 if sep else 0)
        turns.append(ParsedTurn(label if sep else None, start, start + len(body)))
        offset += len(line)
    return tuple(turns)


def quote(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


@pytest.fixture(scope="session")
def project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(shared_file(REFI / "Project-mrt2019.xsd"))))


@pytest.fixture(scope="session")
def codebook_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(shared_file(REFI / "Codebook-mrt2019.xsd"))))


@pytest.fixture
def coded(project: Project) -> Project:
    """One transcript coded by Anna and Ben, overlapping, with memos, attributes and a group."""
    services.import_documents(project, [ParsedDocument("Workshop 1", TEXT, "w1.txt", "txt", turns_of(TEXT))],
                              group="Jobcenter")
    services.add_code(project, "Barrieren/Sprache", color="#112233", definition="Sprache als Hürde",
                      anchor_example="„Ohne Deutsch geht nichts“", coding_rule="Nur explizite Nennungen")
    services.add_code(project, "Maßnahmen/Sprachkurs")
    services.add_code(project, "Maßnahmen/Praktikum")
    for coder, code, passage in (
        ("Anna", "Barrieren/Sprache", "الدورة اللغوية مهمة جدا 👍🏽"),
        ("Anna", "Maßnahmen/Sprachkurs", "👍🏽 und der Sprachkurs"),  # overlaps the one before
        ("Ben", "Barrieren/Sprache", "الدورة اللغوية مهمة"),
        ("Ben", "Maßnahmen/Praktikum", "שפה זה המפתח, sagt Noa, und Praktika"),
        ("Anna", "Barrieren", "Was hilft beim Einstieg? 🙂"),
    ):
        start, end = quote(TEXT, passage)
        services.apply_code(project, document="Workshop 1", code=code, start=start, end=end, coder=coder)
    services.set_memo(project, "Projektmemo: zweite Runde im Mai", author="Anna", title="Plan")
    services.set_memo(project, "Kategorie schärfen", code="Barrieren/Sprache", author="Ben")
    services.set_memo(project, "Transkript geprüft", document="Workshop 1")
    services.set_memo(project, "Spricht Arabisch und Deutsch", speaker="Amal")
    services.set_memo(project, "Warum zusammen?", coding_id=2, author="Anna")
    services.set_attribute(project, name="Institution", value="IHK", speaker="Amal")
    services.set_attribute(project, name="Alter", value="34", speaker="Noa", kind=AttributeType.NUMBER)
    services.set_attribute(project, name="Anteil", value="0.25", speaker="Noa", kind=AttributeType.NUMBER)
    services.set_attribute(project, name="Dabei", value="ja", speaker="Amal", kind=AttributeType.BOOLEAN)
    services.set_attribute(project, name="Datum", value="2024-03-12", document="Workshop 1", kind=AttributeType.DATE)
    return project


@pytest.fixture
def write_qdpx(tmp_path: Path) -> Callable[..., Path]:
    """``write_qdpx(qde, {"sources/X.txt": b"..."}, name=...)``: a .qdpx as another tool might write it."""

    def write(qde: str | bytes, files: dict[str, bytes] | None = None, name: str = "other.qdpx",
              qde_name: str = "project.qde") -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(qde_name, qde)
            for member, content in (files or {}).items():
                archive.writestr(member, content)
        return path

    return write
