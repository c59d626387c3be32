"""The code tree: add, update, rename, move, merge, delete."""

from __future__ import annotations

import pytest

from app.services import (
    ServiceError,
    add_code,
    apply_code,
    delete_code,
    merge_codes,
    move_code,
    rename_code,
    set_memo,
    update_code,
)
from app.services import codes as codes_service
from app.services.codes import PALETTE


def tree(db) -> list[tuple[str, int]]:
    """Every code as (path, position), depth first in the order the tree shows."""
    rows = db.rows("SELECT id, parent_id, name, position FROM code ORDER BY position, id")
    children: dict[int | None, list[tuple]] = {}
    for row in rows:
        children.setdefault(row[1], []).append(row)
    result: list[tuple[str, int]] = []

    def walk(parent_id, prefix):
        for code_id, _, name, position in children.get(parent_id, []):
            result.append((prefix + name, position))
            walk(code_id, prefix + name + "/")

    walk(None, "")
    return result


def code_id(db, path: str) -> int:
    parent = None
    for name in path.split("/"):
        if parent is None:
            parent = db.value("SELECT id FROM code WHERE parent_id IS NULL AND name = ?", name)
        else:
            parent = db.value("SELECT id FROM code WHERE parent_id = ? AND name = ?", parent, name)
        assert parent is not None, path
    return parent


def codings_of(db, path: str) -> list[tuple[int, int, int]]:
    return db.rows('SELECT document_id, start, "end" FROM coding WHERE code_id = ? ORDER BY start, "end"',
                   code_id(db, path))


# --- add ---------------------------------------------------------------------------------------------------------


def test_add_creates_missing_parents_and_names_every_new_code(project, db):
    changes = add_code(project, "Barrieren/Sprache/Fachsprache", color="#12ab34", definition="Fachbegriffe",
                       anchor_example="„Die Prüfung ist zu schwer.“", coding_rule="Nur Ausbildung")
    assert [ref.kind for ref in changes.created] == ["code"] * 3
    assert tree(db) == [("Barrieren", 0), ("Barrieren/Sprache", 0), ("Barrieren/Sprache/Fachsprache", 0)]
    leaf = db.one("SELECT color, definition, anchor_example, coding_rule FROM code WHERE id = ?",
                  changes.created[-1].id)
    assert leaf == ("#12AB34", "Fachbegriffe", "„Die Prüfung ist zu schwer.“", "Nur Ausbildung")
    parent = db.one("SELECT color, definition FROM code WHERE name = 'Barrieren'")
    assert parent[0] in PALETTE and parent[1] == ""  # the colour and columns were meant for the leaf only
    assert add_code(project, "Barrieren/Zeit").ids("code") == [4]  # an existing parent is reused


def test_add_appends_siblings_in_order(project, db):
    for name in ("Faktoren", "Barrieren", "Maßnahmen"):
        add_code(project, name)
    add_code(project, "Faktoren/Sprache")
    add_code(project, "Faktoren/Netzwerk")
    assert tree(db) == [("Faktoren", 0), ("Faktoren/Sprache", 0), ("Faktoren/Netzwerk", 1), ("Barrieren", 1),
                        ("Maßnahmen", 2)]


def test_codes_without_a_colour_take_the_palette_in_turn(project, db):
    for number in range(len(PALETTE) + 2):
        add_code(project, f"Code {number}")
    colours = [row[0] for row in db.rows("SELECT color FROM code ORDER BY id")]
    assert colours == [*PALETTE, PALETTE[0], PALETTE[1]]


@pytest.mark.parametrize("color", ["red", "#12345", "#1234567", "#GG0000", "123456", "#12 456"])
def test_add_refuses_a_malformed_colour_and_writes_nothing(project, db, color):
    with pytest.raises(ServiceError, match="#RRGGBB"):
        add_code(project, "Neu/Kind", color=color)
    assert db.count("code") == 0


@pytest.mark.parametrize(
    ("path", "message"),
    [("", "not a code path"), ("  ", "not a code path"), ("A//B", "not a code path"), ("/A", "not a code path"),
     ("A/", "not a code path")],
)
def test_add_refuses_a_malformed_path(project, db, path, message):
    with pytest.raises(ServiceError, match=message):
        add_code(project, path)
    assert db.count("code") == 0


def test_add_refuses_a_code_that_exists_and_leaves_the_file_unchanged(project, db):
    add_code(project, "Faktoren/Sprache")
    before = db.dump()
    for path in ("Faktoren", "Faktoren/Sprache", " Faktoren / Sprache "):
        with pytest.raises(ServiceError, match="exists already"):
            add_code(project, path)
    assert db.dump() == before


def test_names_are_trimmed(project, db):
    add_code(project, "  Faktoren /  Sprache ")
    assert tree(db) == [("Faktoren", 0), ("Faktoren/Sprache", 0)]


# --- update, rename ---------------------------------------------------------------------------------------------


def test_update_changes_only_what_is_given(project, db):
    add_code(project, "Sprache", color="#111111", definition="alt", anchor_example="Beispiel")
    changes = update_code(project, "Sprache", color="#abcdef", definition="neu")
    assert changes.updated[0].kind == "code"
    assert db.one("SELECT color, definition, anchor_example, coding_rule FROM code") == (
        "#ABCDEF", "neu", "Beispiel", "")
    with pytest.raises(ServiceError, match="#RRGGBB"):
        update_code(project, "Sprache", color="blue", definition="verloren?")
    assert db.value("SELECT definition FROM code") == "neu"
    with pytest.raises(ServiceError, match="no code 'Zeit'"):
        update_code(project, "Zeit", definition="x")


def test_rename(project, db):
    add_code(project, "Barrieren/Sprache")
    changes = rename_code(project, "Barrieren/Sprache", " Sprachniveau ")
    assert changes.updated[0].id == code_id(db, "Barrieren/Sprachniveau")
    assert tree(db) == [("Barrieren", 0), ("Barrieren/Sprachniveau", 0)]
    assert rename_code(project, "Barrieren/Sprachniveau", "Sprachniveau")  # to its own name


def test_rename_refusals(project, db):
    add_code(project, "Barrieren/Sprache")
    add_code(project, "Barrieren/Zeit")
    add_code(project, "Faktoren/Zeit")
    before = db.dump()
    for path, new_name, message in [
        ("Barrieren/Sprache", "Zeit", "exists already"),  # sibling clash
        ("Faktoren", "Barrieren", "exists already"),  # top-level clash
        ("Barrieren/Sprache", "Sprache/Kurs", "cannot contain '/'"),
        ("Barrieren/Sprache", "  ", "needs a name"),
        ("Barrieren/Kultur", "Kultur", "no code"),
    ]:
        with pytest.raises(ServiceError, match=message):
            rename_code(project, path, new_name)
    assert db.dump() == before
    rename_code(project, "Faktoren/Zeit", "Sprache")  # same name under another parent is fine


# --- move ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def categories(project):
    for path in ("Faktoren/Sprache", "Faktoren/Netzwerk", "Faktoren/Betrieb", "Barrieren/Recht", "Maßnahmen"):
        add_code(project, path)


def test_move_reparents_at_the_end_by_default(project, db, categories):
    changes = move_code(project, "Faktoren/Netzwerk", "Barrieren")
    assert [path for path, _ in tree(db)] == [
        "Faktoren", "Faktoren/Sprache", "Faktoren/Betrieb",  # the old siblings keep their order (gaps allowed)
        "Barrieren", "Barrieren/Recht", "Barrieren/Netzwerk",
        "Maßnahmen",
    ]
    assert ("Barrieren/Netzwerk", 1) in tree(db)
    assert changes.updated[0].id == code_id(db, "Barrieren/Netzwerk")


def test_move_to_a_position_renumbers_the_new_siblings(project, db, categories):
    changes = move_code(project, "Maßnahmen", "Faktoren", position=1)
    assert [row for row in tree(db) if row[0].startswith("Faktoren/")] == [
        ("Faktoren/Sprache", 0), ("Faktoren/Maßnahmen", 1), ("Faktoren/Netzwerk", 2), ("Faktoren/Betrieb", 3),
    ]
    moved = {code_id(db, "Faktoren/Maßnahmen"), code_id(db, "Faktoren/Netzwerk"), code_id(db, "Faktoren/Betrieb")}
    assert {ref.id for ref in changes.updated} == moved  # the unmoved first sibling is not named


def test_move_reorders_within_the_same_parent(project, db, categories):
    move_code(project, "Faktoren/Betrieb", "Faktoren", position=0)
    assert [path for path, _ in tree(db) if path.startswith("Faktoren/")] == [
        "Faktoren/Betrieb", "Faktoren/Sprache", "Faktoren/Netzwerk"]
    move_code(project, "Faktoren/Betrieb", "Faktoren", position=99)  # clamped to the end
    assert [path for path, _ in tree(db) if path.startswith("Faktoren/")] == [
        "Faktoren/Sprache", "Faktoren/Netzwerk", "Faktoren/Betrieb"]
    move_code(project, "Maßnahmen", None, position=0)
    assert [path for path, _ in tree(db) if "/" not in path] == ["Maßnahmen", "Faktoren", "Barrieren"]


def test_move_to_the_top_level(project, db, categories):
    move_code(project, "Faktoren/Sprache", "")
    assert ("Sprache", 3) in tree(db)


def test_move_refusals_leave_the_file_unchanged(project, db, categories):
    add_code(project, "Faktoren/Sprache/Kurs")
    add_code(project, "Barrieren/Sprache")
    before = db.dump()
    for path, parent, message in [
        ("Faktoren", "Faktoren", "into itself"),
        ("Faktoren", "Faktoren/Sprache/Kurs", "into itself or one of its sub-codes"),
        ("Faktoren/Sprache", "Barrieren", "already a code 'Sprache' there"),
        ("Faktoren/Kultur", "Barrieren", "no code"),
        ("Faktoren/Sprache", "Nirgends", "no code"),
    ]:
        with pytest.raises(ServiceError, match=message):
            move_code(project, path, parent)
    assert db.dump() == before


# --- merge ----------------------------------------------------------------------------------------------------------


def test_merge_moves_codings_children_and_memo(project, workshop, db):
    add_code(project, "Sprache/Kurs")
    add_code(project, "Sprachkurs/Integrationskurs")
    add_code(project, "Sprachkurs/Berufssprache")
    apply_code(project, document="Workshop 1", code="Sprache", start=0, end=5)
    apply_code(project, document="Workshop 1", code="Sprache", start=10, end=20, coder="ben")
    same = apply_code(project, document="Workshop 1", code="Sprachkurs", start=0, end=5)  # duplicate of the first
    other_coder = apply_code(project, document="Workshop 1", code="Sprachkurs", start=10, end=20, coder="anna")
    moved = apply_code(project, document="Workshop 1", code="Sprachkurs", start=30, end=40, weight=70)
    child_coding = apply_code(project, document="Workshop 1", code="Sprachkurs/Berufssprache", start=1, end=2)
    set_memo(project, "Zusammenlegen?", code="Sprache")
    set_memo(project, "Kurse aller Art.", code="Sprachkurs")
    source_id = code_id(db, "Sprachkurs")

    changes = merge_codes(project, "Sprachkurs", "Sprache")

    assert tree(db) == [("Sprache", 0), ("Sprache/Kurs", 0), ("Sprache/Integrationskurs", 1),
                        ("Sprache/Berufssprache", 2)]
    assert codings_of(db, "Sprache") == [(1, 0, 5), (1, 10, 20), (1, 10, 20), (1, 30, 40)]
    assert db.rows('SELECT c.name FROM coding JOIN coder c ON c.id = coder_id WHERE start = 10 ORDER BY c.name') == [
        ("anna",), ("ben",)]
    assert db.value('SELECT weight FROM coding WHERE start = 30') == 70
    assert codings_of(db, "Sprache/Berufssprache") == [(1, 1, 2)]
    assert db.rows("SELECT text FROM memo") == [("Zusammenlegen?\n\nKurse aller Art.",)]

    assert changes.ids("coding", of="deleted") == same.ids("coding")
    assert set(changes.ids("coding", of="updated")) == set(other_coder.ids("coding") + moved.ids("coding"))
    assert changes.ids("code", of="deleted") == [source_id]
    assert code_id(db, "Sprache") in changes.ids("code", of="updated")
    assert set(changes.ids("code", of="updated")) >= {code_id(db, "Sprache/Integrationskurs"),
                                                      code_id(db, "Sprache/Berufssprache")}
    assert child_coding.ids("coding")[0] not in changes.ids("coding", of="deleted")


def test_merge_moves_the_memo_when_the_target_has_none(project, db):
    add_code(project, "A")
    add_code(project, "B")
    set_memo(project, "Notiz zu B", code="B")
    merge_codes(project, "B", "A")
    assert db.rows("SELECT code_id, text FROM memo") == [(code_id(db, "A"), "Notiz zu B")]


def test_merge_into_the_parent(project, workshop, db):
    add_code(project, "Sprache/Kurs/Abend")
    apply_code(project, document="Workshop 1", code="Sprache/Kurs", start=3, end=4)
    merge_codes(project, "Sprache/Kurs", "Sprache")
    assert tree(db) == [("Sprache", 0), ("Sprache/Abend", 1)]
    assert codings_of(db, "Sprache") == [(1, 3, 4)]


def test_merge_refusals_leave_the_file_unchanged(project, db):
    add_code(project, "Sprache/Kurs/Abend")
    add_code(project, "Zeit/Kurs")
    before = db.dump()
    for source, target, message in [
        ("Sprache", "Sprache", "with itself"),
        ("Sprache", "Sprache/Kurs", "into its own sub-code"),
        ("Sprache", "Sprache/Kurs/Abend", "into its own sub-code"),
        ("Sprache", "Zeit", "Both codes have a sub-code 'Kurs'"),
        ("Sprache", "Nirgends", "no code"),
    ]:
        with pytest.raises(ServiceError, match=message):
            merge_codes(project, source, target)
    assert db.dump() == before


def test_a_merge_that_fails_halfway_leaves_the_file_as_it_was(project, workshop, db, monkeypatch):
    add_code(project, "A/Kind")
    add_code(project, "B")
    apply_code(project, document="Workshop 1", code="A", start=0, end=5)
    set_memo(project, "memo", code="A")
    before = db.dump()

    def crash(*_args):
        raise RuntimeError("crash while merging memos")

    monkeypatch.setattr(codes_service, "_merge_memo", crash)  # after codings and children were moved
    with pytest.raises(RuntimeError):
        merge_codes(project, "A", "B")
    assert db.dump() == before


# --- delete ---------------------------------------------------------------------------------------------------------


def test_delete_takes_sub_codes_and_their_codings(project, workshop, db):
    add_code(project, "Sprache/Kurs/Abend")
    add_code(project, "Zeit")
    kept = apply_code(project, document="Workshop 1", code="Zeit", start=0, end=5)
    gone = [apply_code(project, document="Workshop 1", code=path, start=1, end=3).ids("coding")[0]
            for path in ("Sprache", "Sprache/Kurs", "Sprache/Kurs/Abend")]
    set_memo(project, "memo", code="Sprache/Kurs")
    doomed = {code_id(db, path) for path in ("Sprache", "Sprache/Kurs", "Sprache/Kurs/Abend")}

    changes = delete_code(project, "Sprache")

    assert set(changes.ids("code", of="deleted")) == doomed
    assert sorted(changes.ids("coding", of="deleted")) == sorted(gone)
    assert tree(db) == [("Zeit", 1)]
    assert db.rows("SELECT id FROM coding") == [(kept.ids("coding")[0],)]
    assert db.count("memo") == 0
    with pytest.raises(ServiceError, match="no code 'Sprache'"):
        delete_code(project, "Sprache")
