"""Fast paths of the REFI-QDA import give what the plain ways gave: codings inserted together (not one ORM
flush each), positions carried over without walking every character when nothing moves."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from app.importers import refi_positions
from app.models import Code, Coder, Coding, Document
from app.services import merge
from app.services.changes import Ref


def _one_by_one(session, data, maps, summary):  # the old merge._add_codings: a flush per coding
    found: dict[str, int] = {}
    known_documents = {doc.guid for doc in data.documents}
    # SQL length() counts code points, as Python does.
    lengths = dict(session.execute(select(Document.id, func.length(Document.text))).all())
    existing = {
        (row.document_id, row.code_id, row.coder_id, row.start, row.end): row.id
        for row in session.execute(select(Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id,
                                          Coding.start, Coding.end))
    }
    by_guid = dict(session.execute(select(Coding.guid, Coding.id)).all())
    fallback_coder: int | None = None
    for coding in data.codings:
        document_id = maps.document.get(coding.document_guid)
        code_id = maps.code.get(coding.code_guid)
        if document_id is None:
            if coding.document_guid not in known_documents:
                summary.leave_out("coding", f"{coding.start}–{coding.end}: its document is not in the file")
            continue  # a left-out document was reported with its number of codings
        if code_id is None:
            summary.leave_out("coding", f"{coding.start}–{coding.end}: its code is not in the file")
            continue
        if coding.guid in by_guid:
            found[coding.guid] = by_guid[coding.guid]
            summary.matched["coding"] += 1
            continue
        coder_id = maps.coder.get(coding.coder_guid or "")
        if coder_id is None:
            if fallback_coder is None:
                fallback_coder = merge._default_coder(session, summary)
            coder_id = fallback_coder
        if not 0 <= coding.start < coding.end <= lengths[document_id]:
            summary.leave_out("coding", f"{coding.start}–{coding.end} lies outside its document "
                                        f"({lengths[document_id]} characters)")
            continue
        key = (document_id, code_id, coder_id, coding.start, coding.end)
        if key in existing:
            found[coding.guid] = existing[key]
            summary.matched["coding"] += 1
            continue
        row = Coding(guid=coding.guid, document_id=document_id, code_id=code_id, coder_id=coder_id,
                     start=coding.start, end=coding.end, weight=max(0, min(100, coding.weight)))
        if coding.created_at is not None:
            row.created_at = coding.created_at
        session.add(row)
        session.flush()
        existing[key] = found[coding.guid] = by_guid[coding.guid] = row.id
        summary.added["coding"] += 1
        summary.changes.created.append(Ref("coding", row.id))
    return found


def _state(path):
    with sqlite3.connect(path) as db:
        codings = db.execute('SELECT id, guid, document_id, code_id, coder_id, start, "end", weight, created_at '
                             "FROM coding ORDER BY id").fetchall()
        coders = db.execute("SELECT id, name FROM coder ORDER BY id").fetchall()
    return codings, coders


@pytest.mark.parametrize("twice", [False, True])
def test_codings_inserted_together_match_one_by_one(tmp_path, monkeypatch, twice):
    from app.export.refi_qda import export_qdpx
    from app.importers.refi_qda import read_exchange_file
    from app.models import create_project, open_project
    from benchmarks.corpus import make_study
    from benchmarks.fixtures import _build_project

    study = make_study(6_000, 600, document_words=2_000, seed=5)
    source = tmp_path / "study.fcproj"
    _build_project(study, study.write_transcripts(tmp_path / "transcripts"), source)
    exported = tmp_path / "study.qdpx"
    with open_project(source, read_only=True) as project:
        export_qdpx(project, exported)
    data = read_exchange_file(exported)
    rng = random.Random(2)
    # Duplicates of guids and of spans, codings without a coder, outside the text or of an unknown code.
    extra = []
    for coding in rng.sample(data.codings, 40):
        extra.append(coding)
        extra.append(replace(coding, guid=f"{coding.guid[:-4]}beef"))
        extra.append(replace(coding, guid=f"{coding.guid[:-4]}cafe", coder_guid=None))
        extra.append(replace(coding, guid=f"{coding.guid[:-4]}dead", end=10**9))
        extra.append(replace(coding, guid=f"{coding.guid[:-4]}f00d", code_guid="nope"))
    data.codings.extend(extra)
    results = {}
    for way in ("together", "one by one"):
        if way == "one by one":
            monkeypatch.setattr(merge, "_add_codings", _one_by_one)
        target = tmp_path / f"{way}.fcproj"
        with create_project(target, name="x") as project:
            summaries = [merge.bring_in(project, data) for _ in range(2 if twice else 1)]
        results[way] = (_state(target), [(s.added, s.matched, s.left_out, s.notes, s.changes.created)
                                         for s in summaries])
    assert results["together"] == results["one by one"]


def _walk(raw):
    """The character walk _canonical_with_map keeps for texts with BOMs or other line breaks (the reference)."""
    pieces, first, i, j = [], [0] * (len(raw) + 1), 0, 0
    while i < len(raw) and raw[i] == "\ufeff":
        i += 1
    while i < len(raw):
        ch = raw[i]
        first[i] = j
        if ch == "\r" and i + 1 < len(raw) and raw[i + 1] == "\n":
            first[i + 1] = j + 1
            pieces.append("\n")
            i += 2
        else:
            pieces.append(refi_positions._LINE_BREAKS.get(ch, ch))
            i += 1
        j += 1
    first[len(raw)] = j
    stepped = "".join(pieces)
    import unicodedata

    if unicodedata.is_normalized("NFC", stepped):
        return stepped, first
    text, second = refi_positions._nfc_with_map(stepped)
    return text, [second[k] for k in first]


def test_position_map_fast_path_matches_the_walk():
    rng = random.Random(8)
    alphabet = list("abc äöü\n") + ["e\u0301", "\U0001f600", "\r", "\r\n", "\ufeff", "\u2028", "\u0301"]
    for _ in range(500):
        raw = "".join(rng.choices(alphabet, [20, 20, 20, 10, 5, 5, 5, 5, 3, 3, 2, 2, 2, 1, 2], k=rng.randint(0, 40)))
        assert refi_positions._canonical_with_map(raw) == _walk(raw), repr(raw)
        assert refi_positions.PositionMap(raw).has_astral == any(ord(ch) > 0xFFFF for ch in raw)


def test_derived_guids_match_uuid5():
    import uuid

    from app.export.refi_qda import _derived, _uuid5

    rng = random.Random(1)
    for _ in range(300):
        namespace = uuid.UUID(int=rng.getrandbits(128))
        name = "".join(rng.choices("abcxyz:0123456789äß😀", k=rng.randint(0, 20)))
        assert _uuid5(namespace.bytes, name) == str(uuid.uuid5(namespace, name))
    assert _derived("not a guid", "selection") == str(
        uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "not a guid"), "selection")
    )


def test_project_data_rows_match_the_orm_objects(tmp_path):
    from app.models import Coding, Speaker, Turn, open_project
    from app.models.exchange import CodingData, TurnData
    from app.services.project_data import read_project_data
    from benchmarks.corpus import make_study
    from benchmarks.fixtures import _build_project

    study = make_study(4_000, 300, document_words=2_000, seed=9)
    path = tmp_path / "study.fcproj"
    _build_project(study, study.write_transcripts(tmp_path / "transcripts"), path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE turn SET speaker_id = NULL, start_ms = NULL WHERE id % 6 = 0")
    with open_project(path, read_only=True) as project:
        data = read_project_data(project)
        with project.reading() as session:
            speakers = {s.id: s.guid for s in session.scalars(select(Speaker))}
            documents = {d.id: d.guid for d in session.scalars(select(Document))}
            turns = {}
            for turn in session.scalars(select(Turn).order_by(Turn.document_id, Turn.position)):
                turns.setdefault(documents[turn.document_id], []).append(TurnData(
                    turn.start, turn.end, speakers.get(turn.speaker_id), turn.start_ms, turn.end_ms, turn.votes,
                    turn.priority))
            codes = {c.id: c.guid for c in session.scalars(select(Code))}
            coders = {c.id: c.guid for c in session.scalars(select(Coder))}
            codings = [
                CodingData(c.guid, documents[c.document_id], codes[c.code_id], coders.get(c.coder_id), c.start, c.end,
                           c.weight, c.created_at)
                for c in session.scalars(select(Coding).order_by(Coding.document_id, Coding.start, Coding.end,
                                                                 Coding.id))
            ]
    assert data.codings == codings
    assert {doc.guid: list(doc.turns) for doc in data.documents} == turns
    assert any(turn.speaker_guid is None for turns_ in turns.values() for turn in turns_)


def _codes_one_by_one(session, data, summary):  # the old merge_parts.add_codes: queries and a flush per code
    from app.models import Code
    from app.services.codes import COLOR_PATTERN, PALETTE
    from app.services.merge_parts import _parents_first, clean_code_name

    found: dict[str, int] = {}
    for code in _parents_first(data.codes):
        parent_id = found.get(code.parent_guid) if code.parent_guid else None
        name = clean_code_name(code.name)
        ours = session.scalars(select(Code).where(Code.guid == code.guid)).one_or_none()
        if ours is None:
            same_parent = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
            ours = session.scalars(select(Code).where(same_parent, Code.name == name)).one_or_none()
        if ours is not None:
            found[code.guid] = ours.id
            summary.matched["code"] += 1
            continue
        same_parent = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
        position = session.scalar(select(func.coalesce(func.max(Code.position), -1)).where(same_parent)) + 1
        color = code.color.upper() if code.color and COLOR_PATTERN.match(code.color) else None
        row = Code(
            guid=code.guid, parent_id=parent_id, name=name, position=position,
            color=color or PALETTE[session.scalar(select(func.count(Code.id))) % len(PALETTE)],
            definition=code.definition, anchor_example=code.anchor_example, coding_rule=code.coding_rule,
        )
        session.add(row)
        session.flush()
        found[code.guid] = row.id
        summary.added["code"] += 1
        summary.changes.created.append(Ref("code", row.id))
        if name != code.name:
            summary.notes.append(f"The code '{code.name}' is called '{name}' here.")
    return found


def _codebook_cases():
    """Codebooks that match ours by GUID, by path or not at all, with duplicates, slashes, long names, odd colours,
    missing and circular parents."""
    from app.models.exchange import CodeData

    rng = random.Random(4)
    names = ["Sprache", "Arbeit", "Sprachkurse", "Pro/Contra", "  viel   Raum ", "x" * 230, "", "Arbeit"]
    colors = [None, "#a1b2c3", "#ABC", "red", "#0000FF", "123456"]
    cases = []
    for case in range(12):
        codes, guids = [], []
        for index in range(rng.randint(1, 40)):
            guid = f"00000000-0000-4000-8000-{case:04d}{index:08d}"
            parent = rng.choice([None, None, *guids[-5:], "ffffffff-0000-4000-8000-000000000000"]) if guids else None
            codes.append(CodeData(rng.choice([guid, guid, *guids[-2:]]) if guids else guid, rng.choice(names),
                                  parent, rng.choice(colors), rng.choice(["", "Def"]), "", rng.choice(["", "R"])))
            guids.append(guid)
        if case % 3 == 0 and len(codes) > 2:  # a cycle: the first two are each other's parent
            codes[0] = replace(codes[0], parent_guid=codes[1].guid)
            codes[1] = replace(codes[1], parent_guid=codes[0].guid)
        cases.append(codes)
    return cases


@pytest.mark.parametrize("into", ["new", "coded"])
def test_codes_added_from_memory_match_one_by_one(tmp_path, monkeypatch, into, coded):
    import shutil

    from app.models import open_project
    from app.models.exchange import CodeData, ProjectData

    for number, codes in enumerate(_codebook_cases()):
        ours = [CodeData(f"00000000-0000-4000-8000-0000{number:08d}", "Sprache")]  # one of our codes by GUID
        results = {}
        for way in ("from memory", "one by one"):
            if way == "one by one":
                monkeypatch.setattr(merge, "add_codes", _codes_one_by_one)
            target = tmp_path / f"{number}-{way}.fcproj"
            shutil.copyfile(coded.path, target)
            with open_project(target) as project:
                if into == "new":
                    with project.transaction() as session:
                        session.execute(Coding.__table__.delete())
                        session.execute(Code.__table__.delete())
                merge.bring_in(project, ProjectData(codes=ours))
                summaries = [merge.bring_in(project, ProjectData(codes=codes)) for _ in range(2)]
            with sqlite3.connect(target) as db:
                rows = db.execute("SELECT id, guid, parent_id, name, color, definition, anchor_example, "
                                  "coding_rule, position, version FROM code ORDER BY id").fetchall()
            results[way] = rows, [(s.added, s.matched, s.notes, s.changes.created) for s in summaries]
            monkeypatch.undo()
        assert results["from memory"] == results["one by one"], number


# The old merge parts for coders, speakers and documents: ORM queries and a flush per thing.


def _coders_one_by_one(session, data, summary):
    found = {}
    for coder in data.coders:
        ours = session.scalars(select(Coder).where(Coder.guid == coder.guid)
                               ).one_or_none()
        if ours is None:
            ours = session.scalars(select(Coder).where(
                Coder.name == coder.name.strip())).one_or_none()
            if ours is not None:
                summary.notes.append(f"The coder '{coder.name}' is taken to be our '{ours.name}' (same name).")
        if ours is None:
            ours = Coder(guid=coder.guid, name=coder.name.strip() or "unnamed coder")
            session.add(ours)
            session.flush()
            summary.added["coder"] += 1
            summary.changes.created.append(Ref("coder", ours.id))
        else:
            summary.matched["coder"] += 1
        found[coder.guid] = ours.id
    return found


def _speakers_one_by_one(session, data, summary):
    from app.models import Speaker, SpeakerAlias, speaker_key
    from app.services.lookup import find_speaker

    found = {}
    for speaker in data.speakers:
        ours = session.scalars(select(Speaker).where(Speaker.guid == speaker.guid)).one_or_none()
        name = " ".join(speaker.name.split())[:200] or "unnamed speaker"
        if ours is None:
            ours = find_speaker(session, name)
        if ours is not None:
            found[speaker.guid] = ours.id
            summary.matched["speaker"] += 1
            continue
        row = Speaker(guid=speaker.guid, name=name, key=speaker_key(name))
        session.add(row)
        session.flush()
        for alias in speaker.aliases:
            if find_speaker(session, alias) is None:
                session.add(SpeakerAlias(speaker_id=row.id, name=alias, key=speaker_key(alias)))
                session.flush()
        found[speaker.guid] = row.id
        summary.added["speaker"] += 1
        summary.changes.created.append(Ref("speaker", row.id))
    return found


def _documents_one_by_one(session, data, maps, summary):
    from collections import Counter

    from app.services.documents import text_sha256

    found = {}
    codings_per_document = Counter(coding.document_guid for coding in data.codings)
    unclaimed = set(session.scalars(select(Document.id)))
    position = session.scalar(select(func.coalesce(func.max(Document.position), -1))) + 1
    for doc in data.documents:
        digest = text_sha256(doc.text)
        ours = session.scalars(select(Document).where(Document.guid == doc.guid)).one_or_none()
        same_guid_differs = ours is not None and ours.sha256 != digest
        if same_guid_differs:
            ours = None
        if ours is None:
            ours = next((d for d in session.scalars(
                select(Document).where(Document.sha256 == digest).order_by(Document.position, Document.id)
            ) if d.id in unclaimed), None)
        if ours is not None:
            unclaimed.discard(ours.id)
            summary.matched["document"] += 1
            found[doc.guid] = ours.id
            continue
        if same_guid_differs:
            summary.leave_out("document", f"'{doc.name}': its text differs from ours (same document, edited?), "
                                          f"so it and its {codings_per_document[doc.guid]} coding(s) were left out")
            continue
        wanted = doc.name.strip() or "Document"
        taken = set(session.scalars(select(Document.name).where(Document.name.startswith(wanted))))
        name, number = wanted, 2
        while name in taken:
            name, number = f"{wanted} ({number})", number + 1
        document = Document(guid=doc.guid, name=name, text=doc.text, sha256=digest, source_name=doc.source_name,
                            source_format=doc.source_format, group_name=doc.group, position=position)
        position += 1
        session.add(document)
        session.flush()
        found[doc.guid] = document.id
        summary.added["document"] += 1
        summary.changes.created.append(Ref("document", document.id))
        if document.name != doc.name.strip():
            summary.notes.append(f"The document '{doc.name}' is called '{document.name}' (the name was taken).")
        rows = [
            (document.id, index, maps.speaker.get(turn.speaker_guid) if turn.speaker_guid else None, turn.start,
             turn.end, turn.start_ms, turn.end_ms, turn.votes, turn.priority)
            for index, turn in enumerate(sorted(doc.turns, key=lambda t: (t.start, t.end)))
            if 0 <= turn.start <= turn.end <= len(doc.text)
        ]
        if len(rows) < len(doc.turns):
            summary.leave_out("turn", f"'{doc.name}': {len(doc.turns) - len(rows)} speaker turn(s) outside the text")
        if rows:
            merge.insert_many(session, 'INSERT INTO turn (document_id, position, speaker_id, start, "end", '
                                       "start_ms, end_ms, votes, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return found



def _people_and_documents(seed):
    """Coders, speakers (with aliases) and documents that match ours by GUID, by name or text, or not at all."""
    from app.models.exchange import CoderData, DocumentData, ProjectData, SpeakerData, TurnData

    from .conftest import TEXT

    rng = random.Random(seed)
    names = ["Anna", "anna", " Ben ", "", "Cem", "Amal", "Noa:", "AMAL", "Moderatorin", "x" * 300, "Dana  Roe"]
    texts = [TEXT, "Nur bei Ben.\n", "", "Nur bei Ben.\n", TEXT + "mehr\n"]
    doc_names = ["Workshop 1", "Workshop 1 (2)", " ", "Work%_1", "workshop 1", "Neu"]
    data = ProjectData()
    for index in range(rng.randint(1, 8)):
        guid = f"10000000-0000-4000-8000-{seed:04d}{index:08d}"
        data.coders.append(CoderData(rng.choice([guid, guid, data.coders[-1].guid if data.coders else guid]),
                                     rng.choice(names)))
        data.speakers.append(SpeakerData(rng.choice([guid, guid, data.speakers[-1].guid if data.speakers else guid]),
                                         rng.choice(names), tuple(rng.sample(names, rng.randint(0, 3)))))
        text = rng.choice(texts)
        turns = tuple(TurnData(s, s + rng.randint(0, 9), rng.choice([None, data.speakers[-1].guid]))
                      for s in sorted(rng.sample(range(max(1, len(text) + 3)), min(4, len(text) + 1))))
        data.documents.append(DocumentData(rng.choice([guid, guid, data.documents[-1].guid if data.documents
                                                       else guid]), rng.choice(doc_names), text, "w.txt", "txt",
                                           rng.choice([None, "G"]), turns))
    return data


@pytest.mark.parametrize("seed", range(10))
def test_coders_speakers_documents_from_memory_match_one_by_one(tmp_path, monkeypatch, coded, seed):
    import shutil

    from app.models import open_project

    data = _people_and_documents(seed)
    results = {}
    for way in ("from memory", "one by one"):
        if way == "one by one":
            monkeypatch.setattr(merge, "_add_coders", _coders_one_by_one)
            monkeypatch.setattr(merge, "add_speakers", _speakers_one_by_one)
            monkeypatch.setattr(merge, "_add_documents", _documents_one_by_one)
        target = tmp_path / f"{way}.fcproj"
        shutil.copyfile(coded.path, target)
        with open_project(target) as project:
            summaries = [merge.bring_in(project, data) for _ in range(2)]
        with sqlite3.connect(target) as db:
            rows = {table: db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                    for table in ("coder", "speaker", "speaker_alias", "document", "turn")}
        rows["coder"] = [row[:3] for row in rows["coder"]]  # not the creation times
        rows["speaker"] = [row[:4] + row[5:] for row in rows["speaker"]]
        rows["document"] = [row[:-1] for row in rows["document"]]
        results[way] = rows, [(s.added, s.matched, s.left_out, s.notes, s.changes.created) for s in summaries]
        monkeypatch.undo()
    assert results["from memory"] == results["one by one"]


def test_driver_errors_are_raised_as_sqlalchemy_raises_them(project, db):
    from sqlalchemy.exc import IntegrityError

    from app.models.exchange import CoderData, ProjectData

    merge.bring_in(project, ProjectData(coders=[CoderData("10000000-0000-4000-8000-000000000001", "")]))
    # A second coder without a name gets a name of its own (it made the unique name collide before).
    merge.bring_in(project, ProjectData(coders=[CoderData("10000000-0000-4000-8000-000000000002", " ")]))
    assert db.rows("SELECT name FROM coder ORDER BY id")[-2:] == [("unnamed coder",), ("unnamed coder 2",)]
    # A driver error (a coder's name twice) is SQLAlchemy's, and the failed change leaves nothing behind.
    from app.services.bulk import driver_sql

    before = db.dump()
    with pytest.raises(IntegrityError), project.transaction() as session:
        for guid in ("30000000-0000-4000-8000-000000000001", "30000000-0000-4000-8000-000000000002"):
            driver_sql(session, "INSERT INTO coder (guid, name, created_at) VALUES (?, 'Ben', '2026-01-01')", (guid,))
    assert db.dump() == before


def test_new_coding_ids_when_sqlite_numbers_them_at_random(coded):
    """At the end of the id range SQLite picks free ids at random: the new codings are then found by GUID (the
    earlier way, GUIDs above the largest id, found none and failed)."""
    from app.models.exchange import CodeData, CodingData, DocumentData, ProjectData

    from .conftest import TEXT

    with sqlite3.connect(coded.path) as raw:
        raw.execute(f"UPDATE coding SET id = {2**63 - 1} WHERE id = (SELECT max(id) FROM coding)")
        document_guid, length = raw.execute("SELECT guid, length(text) FROM document").fetchone()
        code_guid = raw.execute("SELECT guid FROM code LIMIT 1").fetchone()[0]
    codings = [CodingData(f"20000000-0000-4000-8000-{k:012d}", document_guid, code_guid, None, k, k + 3)
               for k in range(length - 3)]
    summary = merge.bring_in(coded, ProjectData(documents=[DocumentData(document_guid, "Workshop 1", TEXT)],
                                                codes=[CodeData(code_guid, "Sprache")], codings=codings))
    with sqlite3.connect(coded.path) as raw:
        by_guid = dict(raw.execute("SELECT guid, id FROM coding"))
    assert summary.changes.ids("coding") == [by_guid[coding.guid] for coding in codings]
    assert summary.changes.ids("coding") != sorted(summary.changes.ids("coding"))  # numbered at random indeed


def test_times_stored_once_each_as_each_would_be(project):
    from datetime import UTC, datetime, timedelta, timezone

    from app.services.bulk import time_storer

    plus_two = timezone(timedelta(hours=2))
    instant = datetime(2024, 3, 12, 9, 30, tzinfo=UTC)
    moments = [instant, instant.astimezone(plus_two), instant.replace(tzinfo=None), instant.replace(microsecond=7),
               datetime(2024, 3, 12, 11, 30, tzinfo=plus_two), datetime(2024, 3, 12, 11, 30),
               datetime(2024, 10, 27, 2, 30, fold=1), datetime(2024, 10, 27, 2, 30)]
    with project.transaction() as session:
        store = time_storer(session)
        remembered = merge._remembered(store)
        for moment in moments + moments[::-1] + moments:
            assert remembered(moment) == store(moment), moment
