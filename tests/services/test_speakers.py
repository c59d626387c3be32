"""Renaming and merging speakers, and how later imports find them again."""

from __future__ import annotations

import pytest

from app.services import (
    ServiceError,
    import_documents,
    merge_speakers,
    merge_speakers_undoably,
    record_speaker_merge,
    rename_speaker,
    set_attribute,
    set_memo,
    unmerge_speakers,
)
from app.services import speakers as speakers_service
from tests.fixtures.dumps import unversioned


def speakers(db) -> list[tuple[str, list[str]]]:
    """Every speaker with their aliases, by id."""
    return [
        (name, [alias for (alias,) in db.rows("SELECT name FROM speaker_alias WHERE speaker_id = ? ORDER BY id", sid)])
        for sid, name in db.rows("SELECT id, name FROM speaker ORDER BY id")
    ]


def turns_of(db, name: str) -> int:
    return db.value("SELECT count(*) FROM turn JOIN speaker s ON s.id = turn.speaker_id WHERE s.name = ?", name)


# --- rename -----------------------------------------------------------------------------------------------------------


def test_rename_keeps_the_old_name_as_an_alias(project, workshop, db):
    changes = rename_speaker(project, "Herr Yilmaz", "  Mehmet Yilmaz ")
    assert changes.ids("speaker", of="updated") == [3] and not changes.created and not changes.deleted
    assert speakers(db)[2] == ("Mehmet Yilmaz", ["Herr Yilmaz"])
    assert db.one("SELECT key FROM speaker WHERE id = 3") == ("mehmetyilmaz",)
    assert db.one("SELECT key FROM speaker_alias") == ("herryilmaz",)
    assert turns_of(db, "Mehmet Yilmaz") == 1


def test_a_later_import_with_the_old_spelling_joins_the_renamed_speaker(project, workshop, db, make_document):
    rename_speaker(project, "Moderatorin", "Frau Schmidt (Moderation)")
    changes = import_documents(project, [make_document("Workshop 2", [("MODERATORIN", "Willkommen zurück."),
                                                                      ("Frau Schmidt (Moderation)", "Los geht's.")])])
    assert changes.ids("speaker") == []
    assert db.count("speaker") == 3
    assert turns_of(db, "Frau Schmidt (Moderation)") == 4


def test_rename_to_another_spelling_adds_no_alias(project, workshop, db):
    rename_speaker(project, "Dr. Anna Weber", "Dr.\u00a0anna weber")
    assert speakers(db)[1] == ("Dr.\u00a0anna weber", [])


def test_renaming_back_to_an_old_name_drops_that_alias(project, workshop, db):
    rename_speaker(project, "Herr Yilmaz", "Mehmet Yilmaz")
    rename_speaker(project, "Mehmet Yilmaz", "M. Yilmaz")
    assert speakers(db)[2] == ("M. Yilmaz", ["Herr Yilmaz", "Mehmet Yilmaz"])
    rename_speaker(project, "m. yilmaz", "Herr Yilmaz")  # found by key, renamed to an alias of its own
    assert speakers(db)[2] == ("Herr Yilmaz", ["Mehmet Yilmaz", "M. Yilmaz"])
    rename_speaker(project, "mehmet yilmaz", "Mehmet")  # found by an alias
    assert speakers(db)[2] == ("Mehmet", ["Mehmet Yilmaz", "M. Yilmaz", "Herr Yilmaz"])


def test_rename_refusals_leave_the_file_unchanged(project, workshop, db):
    rename_speaker(project, "Herr Yilmaz", "Mehmet Yilmaz")
    before = db.dump()
    for name, new_name, message in [
        ("Moderatorin", "Dr. Anna Weber", "another speaker; merge"),
        ("Moderatorin", "herr yilmaz", "another speaker; merge"),  # an alias of someone else
        ("Moderatorin", "   ", "needs a name"),
        ("Niemand", "Jemand", "no speaker 'Niemand'"),
    ]:
        with pytest.raises(ServiceError, match=message):
            rename_speaker(project, name, new_name)
    assert db.dump() == before


# --- merge ------------------------------------------------------------------------------------------------------------


@pytest.fixture
def doubled(project, workshop, make_document):
    """A second transcript where Anna Weber was transcribed as "A. Weber"."""
    import_documents(project, [make_document("Workshop 2", [("Moderatorin", "Noch Fragen?"),
                                                            ("A. Weber", "Ja, zur Anerkennung."),
                                                            ("A. Weber", "Und zu Praktika.")])])
    rename_speaker(project, "A. Weber", "Anna W.")  # "A. Weber" becomes an alias of the source
    set_attribute(project, name="Institution", value="IHK", speaker="Dr. Anna Weber")
    set_attribute(project, name="Institution", value="Kammer", speaker="Anna W.")  # the target's value wins
    set_attribute(project, name="Alter", value="52", speaker="Anna W.", kind=None)  # moves over


def test_merge_moves_turns_aliases_values_and_the_memo(project, doubled, db):
    set_memo(project, "Sehr erfahren.", speaker="Anna W.")
    source_id = db.value("SELECT id FROM speaker WHERE name = 'Anna W.'")

    changes = merge_speakers(project, "Anna W.", "Dr. Anna Weber")

    assert changes.ids("speaker", of="deleted") == [source_id]
    assert changes.ids("speaker", of="updated") == [2]
    assert speakers(db) == [("Moderatorin", []), ("Dr. Anna Weber", ["A. Weber", "Anna W."]), ("Herr Yilmaz", [])]
    assert turns_of(db, "Dr. Anna Weber") == 4
    assert db.count("turn", "speaker_id IS NULL") == 1  # the untouched preamble line only
    values = db.rows("SELECT a.name, v.value FROM attribute_value v JOIN attribute a ON a.id = v.attribute_id "
                     "WHERE v.speaker_id = 2 ORDER BY a.name")
    assert values == [("Alter", "52"), ("Institution", "IHK")]
    assert db.count("attribute_value", "speaker_id = ?", source_id) == 0
    assert db.rows("SELECT speaker_id, text FROM memo") == [(2, "Sehr erfahren.")]


def test_merged_memos_are_appended(project, doubled, db):
    set_memo(project, "Kammer.", speaker="Dr. Anna Weber")
    set_memo(project, "Praktika.", speaker="Anna W.")
    merge_speakers(project, "Anna W.", "Dr. Anna Weber")
    assert db.rows("SELECT speaker_id, text FROM memo") == [(2, "Kammer.\n\nPraktika.")]


def test_after_a_merge_every_old_name_finds_the_target(project, doubled, db, make_document):
    merge_speakers(project, "Anna W.", "Dr. Anna Weber")
    for spelling in ("Anna W.", "A. Weber", "anna w"):
        set_memo(project, f"über {spelling}", speaker=spelling)
        assert db.value("SELECT speaker_id FROM memo") == 2
    changes = import_documents(project, [make_document("Workshop 3", [("A. Weber", "Wieder dabei."),
                                                                      ("Anna W.:", "Genau.")])])
    assert changes.ids("speaker") == []
    assert turns_of(db, "Dr. Anna Weber") == 6


def test_merge_refusals_leave_the_file_unchanged(project, doubled, db):
    before = db.dump()
    for source, target, message in [
        ("Anna W.", "anna w", "with itself"),
        ("Anna W.", "A. Weber", "with itself"),  # an alias of the same speaker
        ("Niemand", "Moderatorin", "no speaker 'Niemand'"),
        ("Moderatorin", "Niemand", "no speaker 'Niemand'"),
    ]:
        with pytest.raises(ServiceError, match=message):
            merge_speakers(project, source, target)
    assert db.dump() == before


def test_a_merge_that_fails_at_the_end_leaves_the_file_as_it_was(project, doubled, db, monkeypatch):
    set_memo(project, "memo", speaker="Anna W.")
    before = db.dump()

    def alias_that_crashes(**_kwargs):
        raise RuntimeError("crash after the source was deleted")

    monkeypatch.setattr(speakers_service, "SpeakerAlias", alias_that_crashes)
    with pytest.raises(RuntimeError):
        merge_speakers(project, "Anna W.", "Dr. Anna Weber")
    assert db.dump() == before


# --- undoing a merge --------------------------------------------------------------------------------------------------


def memo_versions(db) -> dict[int, int]:
    return dict(db.rows("SELECT id, version FROM memo"))


@pytest.mark.parametrize("memos", [{}, {"Anna W.": "Praktika."}, {"Dr. Anna Weber": "Kammer.", "Anna W.": "Praktika."},
                                   {"Dr. Anna Weber": "Kammer."}])
def test_unmerge_leaves_the_file_as_before_the_merge(project, doubled, db, memos):
    for speaker, text in memos.items():
        set_memo(project, text, speaker=speaker, author="Anna")
    before, before_unversioned, versions = db.dump(), unversioned(project.path), memo_versions(db)

    changes, record = merge_speakers_undoably(project, "Anna W.", "Dr. Anna Weber")
    assert changes.ids("speaker", of="deleted") == [record.source["id"]]
    assert db.dump() != before

    changes = unmerge_speakers(project, record)

    # Same ids, GUID, aliases, turns, attribute values (also the one the target's replaced), memo texts and times.
    assert unversioned(project.path) == before_unversioned
    assert all(memo_versions(db)[memo_id] >= version for memo_id, version in versions.items())
    source_id = record.source["id"]
    assert changes.ids("speaker") == [source_id] and changes.ids("speaker", of="updated") == [2]
    # Merging again (redo) and taking it back again lands in the same place.
    _, record = merge_speakers_undoably(project, "Anna W.", "Dr. Anna Weber")
    unmerge_speakers(project, record)
    assert unversioned(project.path) == before_unversioned


def test_unmerge_refuses_to_overwrite_a_memo_changed_since_the_merge(project, doubled, db):
    set_memo(project, "Kammer.", speaker="Dr. Anna Weber")
    set_memo(project, "Praktika.", speaker="Anna W.")
    _, record = merge_speakers_undoably(project, "Anna W.", "Dr. Anna Weber")
    set_memo(project, "Kammer. Praktika. Neu: Mentoring.", speaker="Dr. Anna Weber")  # e.g. by a colleague
    after = db.dump()
    with pytest.raises(ServiceError, match="changed since the merge"):
        unmerge_speakers(project, record)
    assert db.dump() == after


def test_unmerge_refusals_leave_the_file_unchanged(project, doubled, db):
    _, record = merge_speakers_undoably(project, "Anna W.", "Dr. Anna Weber")
    unmerge_speakers(project, record)
    before = db.dump()
    with pytest.raises(ServiceError, match="of its own already"):
        unmerge_speakers(project, record)  # taken back twice
    assert db.dump() == before
    merge_speakers(project, "Anna W.", "Dr. Anna Weber")
    merge_speakers(project, "Dr. Anna Weber", "Moderatorin")
    with pytest.raises(ServiceError, match="no longer there"):
        unmerge_speakers(project, record)
    with pytest.raises(ServiceError, match="with itself"):
        record_speaker_merge(project, "Moderatorin", "anna w")
    assert db.count("speaker") == 2
