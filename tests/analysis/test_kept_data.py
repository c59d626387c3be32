"""Loaded data is kept while the project file is unchanged, and read anew after any committed change: by this
project's services, by another connection, by another process."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from app import services
from app.analysis import dataset
from app.analysis.frequencies import code_frequencies
from app.models import open_project


def _codings(data) -> int:
    return len(data.coding_table)


def test_the_same_data_while_nothing_changes(small_workshop):
    project, _ = small_workshop
    first = dataset.load(project)
    assert dataset.load(project) is first
    assert dataset.load(project, dataset.Selection(coders=("Lena",))) is not first  # each selection its own
    assert dataset.load(project) is first  # several selections are kept side by side
    selected = dataset.load(project, dataset.Selection(coders=("Lena",)))
    assert dataset.load(project, dataset.Selection(coders=("Lena",))) is selected and _codings(selected) == 1


def test_a_change_through_the_services_is_seen(small_workshop):
    project, _ = small_workshop
    before = dataset.load(project)
    services.apply_code_to_quote(project, document="Workshop", code="Leer", quote="Begleitung")
    after = dataset.load(project)
    assert after is not before and _codings(after) == _codings(before) + 1
    services.rename_code(project, "Leer", "Begleitung")
    renamed = dataset.load(project)
    assert "Begleitung" in [code.path for code in renamed.codes.values()]
    rows = {row.code: row.codings for row in code_frequencies(project)}
    assert rows["Begleitung"] == 1 and "Leer" not in rows
    services.set_attribute(project, speaker="Anna", name="Institution", value="Kammer")
    assert dataset.load(project).speaker_attributes[next(
        sid for sid, name in renamed.speakers.items() if name == "Anna")]["Institution"] == "Kammer"


def test_a_change_by_another_connection_or_process_is_seen(small_workshop):
    project, _ = small_workshop
    before = dataset.load(project)
    with sqlite3.connect(project.path) as db:
        db.execute("DELETE FROM coding WHERE id = (SELECT max(id) FROM coding)")
    after = dataset.load(project)
    assert _codings(after) == _codings(before) - 1
    assert dataset.load(project) is after
    script = (
        "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
        "db.execute('UPDATE memo SET text = text'); "  # a change that changes nothing still counts
        "db.execute(\"INSERT INTO memo (guid, title, text, code_id, created_at, modified_at) SELECT 'g', '', "
        "'Notiz', min(id), '2026-01-01', '2026-01-01' FROM code\"); db.commit()"
    )
    subprocess.run([sys.executable, "-c", script, str(project.path)], check=True)
    fresh = dataset.load(project)
    assert fresh is not after and "Notiz" in fresh.code_memos.values()


def test_a_read_only_project_follows_the_writer(small_workshop):
    project, _ = small_workshop
    with open_project(project.path, read_only=True) as reader:
        before = dataset.load(reader)
        assert dataset.load(reader) is before
        services.apply_code_to_quote(project, document="Workshop", code="Leer", quote="Begleitung")
        assert _codings(dataset.load(reader)) == _codings(before) + 1


def test_nothing_is_kept_when_cleared(small_workshop):
    project, _ = small_workshop
    first = dataset.load(project)
    dataset.clear_kept()
    assert dataset.load(project) is not first
