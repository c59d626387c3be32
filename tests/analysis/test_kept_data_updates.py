"""After this process codes, uncodes or re-codes passages, the kept project data is brought up to date from the
changed codings alone (``services.coding_journal``); it must then equal the project read afresh, to the last
number, and anything else in between (another process, another kind of change) must make it read afresh."""

from __future__ import annotations

import random
import shutil
import sqlite3

import numpy as np
import pytest

from app import services
from app.analysis import dataset, splicing
from app.analysis.cooccurrence import code_cooccurrence
from app.analysis.frequencies import code_frequencies, code_tree_frequencies
from app.analysis.quotes import quotes
from app.models import open_project
from benchmarks.corpus import PARENTS

SELECTIONS = (
    dataset.Selection(),
    dataset.Selection(coders=("Lena",)),
    dataset.Selection(codes=(PARENTS[0],), documents=("Fokusgruppe 002",)),
)


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    """Three transcripts, a two-level code tree, 600 random codings of two coders, every tenth with a memo."""
    from benchmarks.corpus import make_study
    from benchmarks.fixtures import _build_project

    folder = tmp_path_factory.mktemp("kept-updates")
    made = make_study(6_000, 600, document_words=2_000, seed=5)
    path = folder / "study.fcproj"
    _build_project(made, made.write_transcripts(folder / "transcripts"), path)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO memo (guid, title, text, coding_id, created_at, modified_at) "
                   "SELECT lower(hex(randomblob(16))), '', 'Memo ' || id, id, '2026-01-01', '2026-01-01' "
                   "FROM coding WHERE id % 10 = 0")
    db.close()
    return path


@pytest.fixture
def project(study, tmp_path):
    copy = tmp_path / "copy.fcproj"
    shutil.copyfile(study, copy)
    with open_project(copy) as opened:
        yield opened


@pytest.fixture
def reads(monkeypatch):
    """How often a project was read afresh."""
    counted = []
    read = dataset._read

    def counting(*args, **kwargs):
        counted.append(1)
        return read(*args, **kwargs)

    monkeypatch.setattr(dataset, "_read", counting)
    return counted


def _fresh(path, selection):
    """The project read afresh, by a project object of its own (which has no record of anyone's changes)."""
    with open_project(path, read_only=True) as reader:
        return dataset.load(reader, selection)


def _same(kept: dataset.ProjectData, fresh: dataset.ProjectData) -> None:
    assert kept.coding_table.tolist() == fresh.coding_table.tolist()
    assert kept.coders == fresh.coders
    assert kept.coding_memos == fresh.coding_memos and kept.code_memos == fresh.code_memos
    assert kept.coded_words.tolist() == fresh.coded_words.tolist()
    taken_over = kept._parts is not None  # the parts (codings cut at turns) of the data before, brought up to date
    for name in ("coding", "turn", "speaker", "starts", "ends", "words"):
        assert getattr(kept.parts(), name).tolist() == getattr(fresh.parts(), name).tolist(), (name, taken_over)
    for analysis in (code_tree_frequencies, lambda d: code_frequencies(d, by="speaker"), code_cooccurrence,
                     lambda d: quotes(d, per_code=3, with_context=True)):
        assert analysis(kept) == analysis(fresh)


def _random_change(project, rng: random.Random, data: dataset.ProjectData, made: list[int]) -> None:
    documents = list(data.documents.values())
    codes = [code.path for code in data.codes.values()]
    kind = rng.random()
    if kind < 0.4 or not made:
        document = rng.choice(documents)
        start = rng.randrange(0, len(document.text) - 120)
        end = start + rng.randint(1, 110)
        coder = rng.choice(("Lena", "Murat", "Zoë"))  # Zoë is new: the first coding adds her
        made += services.apply_code(project, document=document.name, code=rng.choice(codes), start=start, end=end,
                                    coder=coder, weight=rng.choice((0, 50))).ids("coding")
    elif kind < 0.55:
        made += services.apply_code_to_quote(project, document=documents[0].name, code=rng.choice(codes),
                                             quote=documents[0].text[40:70]).ids("coding")
    elif kind < 0.65:
        services.remove_coding(project, made.pop(rng.randrange(len(made))))
    elif kind < 0.75:  # auto-coding several passages, or taking such a step back
        if rng.random() < 0.5:
            passages = [(document.id, start, start + 30) for document in documents[:2] for start in (5, 300, 900)]
            made += services.code_passages(project, passages, code=rng.choice(codes), coder="Murat").ids("coding")
        else:
            taken = rng.sample(made, min(len(made), 3))
            services.remove_codings(project, taken)
            made[:] = [coding_id for coding_id in made if coding_id not in taken]
    elif kind < 0.85:  # an old coding, one with a memo among them
        old = int(rng.choice(data.coding_table[:, dataset.ID]))
        services.remove_coding(project, old)
        made[:] = [coding_id for coding_id in made if coding_id != old]
    else:
        coding_id = rng.choice(made)
        try:
            services.update_coding(project, coding_id, start=rng.randrange(0, 30), weight=rng.choice((0, 100)),
                                   code=rng.choice(codes))
        except services.ServiceError:  # the same coding exists already: nothing changed
            pass


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_coding_changes_bring_kept_data_up_to_date(project, reads, seed):
    rng = random.Random(seed)
    for selection in SELECTIONS:
        dataset.load(project, selection)
    reads.clear()
    made: list[int] = []
    for _ in range(12):
        for _ in range(rng.randint(1, 3)):  # one or several changes between two looks
            _random_change(project, rng, dataset.load(project), made)
        kept = [dataset.load(project, selection) for selection in SELECTIONS]
        assert reads == []  # each look at the writer's data was an update, none a fresh read
        for selection, data in zip(SELECTIONS, kept):
            _same(data, _fresh(project.path, selection))
        reads.clear()


def test_a_change_by_another_connection_in_between_is_not_missed(project, reads):
    data = dataset.load(project)
    document = next(iter(data.documents.values())).name
    code = next(iter(data.codes.values())).path
    services.apply_code(project, document=document, code=code, start=1, end=9, coder="Lena")
    with sqlite3.connect(project.path) as db:  # not through this project: no record of what it changed
        db.execute("UPDATE coding SET weight = 75 WHERE id = (SELECT min(id) FROM coding)")
    db.close()
    services.apply_code(project, document=document, code=code, start=2, end=9, coder="Lena")
    reads.clear()
    kept = dataset.load(project)
    assert reads == [1]
    _same(kept, _fresh(project.path, dataset.Selection()))
    assert 75 in kept.coding_table[:, dataset.WEIGHT]


def test_other_changes_are_read_afresh(project, reads):
    data = dataset.load(project)
    coding_id = int(data.coding_table[0, dataset.ID])
    reads.clear()
    services.set_memo(project, "Wichtig", coding_id=coding_id)
    assert dataset.load(project).coding_memos[coding_id] == "Wichtig"
    services.rename_code(project, next(iter(data.codes.values())).path, "Umbenannt")
    assert "Umbenannt" in [code.path for code in dataset.load(project).codes.values()]
    assert reads == [1, 1]


def test_a_speaker_selection_is_read_afresh(project, reads):
    speaker = next(iter(dataset.load(project).speakers.values()))
    selection = dataset.Selection(speakers=(speaker,))
    dataset.load(project, selection)
    data = dataset.load(project)
    services.remove_coding(project, int(data.coding_table[0, dataset.ID]))
    reads.clear()
    kept = dataset.load(project, selection)
    assert reads == [1]
    _same(kept, _fresh(project.path, selection))


def test_codings_put_in_place_keep_the_order_of_a_fresh_read():
    codes = {1: None, 2: None}
    documents = {1: dataset.DocumentInfo(1, "a", "x" * 100, "s1", 0),
                 2: dataset.DocumentInfo(2, "b", "y" * 50, "s2", 101)}
    rng = np.random.default_rng(3)
    rows = np.array([[i, rng.integers(1, 3), rng.integers(1, 3), 1, s := int(rng.integers(0, 40)),
                      s + int(rng.integers(1, 9)), 0] for i in range(1, 200)], dtype=np.int64)
    whole = dataset._coding_table(rows, codes, documents)
    fresh = rows[rng.choice(len(rows), 15, replace=False)]
    rest = whole[~np.isin(whole[:, dataset.ID], fresh[:, dataset.ID])]
    assert dataset._placed(rest, fresh, codes, documents).tolist() == whole.tolist()


@pytest.mark.parametrize("seed", range(4))
def test_rows_spliced_in_are_where_delete_and_insert_put_them(seed):
    """The per-coding columns taken over after a change are cut and joined by slices (``_spliced``); a few
    changes and many (past the fallback to numpy's own), tables and single columns, at the ends too."""
    rng = np.random.default_rng(seed)
    for _ in range(300):
        size = int(rng.integers(0, 12)) if rng.random() < 0.9 else 300
        removed = np.sort(rng.choice(size, int(rng.integers(0, size + 1)) if size < 12 else 90, replace=False))
        rows = rng.integers(0, 1000, (size, 3))
        count = int(rng.integers(0, 5)) if rng.random() < 0.9 else 70
        places = np.sort(rng.integers(0, size - len(removed) + 1, count))
        new = rng.integers(1000, 2000, (count, 3))
        kept = np.delete(rows, removed, axis=0)
        assert splicing.spliced(rows, removed).tolist() == kept.tolist()
        assert splicing.spliced(rows, removed, places, new).tolist() == np.insert(kept, places, new, axis=0).tolist()
        assert (splicing.spliced(rows[:, 0], removed, places, new[:, 0]).tolist()
                == np.insert(kept[:, 0], places, new[:, 0]).tolist())


def test_a_driver_error_in_a_look_at_kept_data_comes_as_sqlalchemys(project, monkeypatch):
    """The data is read on the driver's connection, not in a session (``Project.read_transaction``): a driver
    error comes as SQLAlchemy's, as from a session, and the connection goes back without a transaction."""
    from sqlalchemy.exc import OperationalError

    data = dataset.load(project)
    document, code = next(iter(data.documents.values())).name, next(iter(data.codes.values())).path

    def failing(connection):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(dataset, "_coders", failing)
    with pytest.raises(OperationalError, match="disk I/O error"):
        dataset.load(project)
    monkeypatch.undo()
    services.apply_code(project, document=document, code=code, start=1, end=9, coder="Lena")
    _same(dataset.load(project), _fresh(project.path, dataset.Selection()))
