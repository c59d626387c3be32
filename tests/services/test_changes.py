"""ChangeSet, the value every service returns, and the lookups services share."""

from __future__ import annotations

import pytest

from app.services import ChangeSet, Ref, ServiceError, add_code
from app.services.lookup import code_paths, split_code_path


def test_a_change_set_lists_ids_by_kind_and_merges():
    changes = ChangeSet(created=[Ref("document", 1), Ref("speaker", 4), Ref("speaker", 5)])
    assert changes and not ChangeSet()
    assert changes.ids("speaker") == [4, 5] and changes.ids("code") == []
    merged = changes.merge(ChangeSet(updated=[Ref("code", 2)], deleted=[Ref("coding", 9)]))
    assert merged is changes
    assert (changes.ids("code", of="updated"), changes.ids("coding", of="deleted")) == ([2], [9])
    assert Ref("code", 2) == Ref("code", 2) and hash(Ref("code", 2)) == hash(Ref("code", 2))


def test_code_paths_names_every_code(project):
    add_code(project, "Faktoren/Sprache/Kurs")
    add_code(project, "Barrieren/Sprache")
    with project.reading() as session:
        assert sorted(code_paths(session).values()) == [
            "Barrieren", "Barrieren/Sprache", "Faktoren", "Faktoren/Sprache", "Faktoren/Sprache/Kurs"]


def test_split_code_path():
    assert split_code_path(" Faktoren / Sprache ") == ["Faktoren", "Sprache"]
    with pytest.raises(ServiceError):
        split_code_path("Faktoren//Sprache")
