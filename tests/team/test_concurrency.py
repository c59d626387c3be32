"""Several coders at once: separate processes coding one team project, collisions detected, never overwritten."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Code, Coding
from app.models.team import TeamConflict
from app.services import ServiceError, apply_code, delete_code, rename_code, update_code
from tests.team.cluster import SUPERUSER_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def _clients(url: str, coders: list[str], count: int) -> list[subprocess.Popen]:
    environment = {**os.environ, "PGPASSWORD": SUPERUSER_PASSWORD}  # as in a user's environment
    return [
        subprocess.Popen([sys.executable, "-m", "tests.team.coding_client", url, coder, str(count), str(seed)],
                         cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for seed, coder in enumerate(coders)
    ]


def test_coders_in_separate_processes_lose_nothing(published, team):
    clients = _clients(published, ["anna", "ben", "cem", "dana"], 25)
    results = []
    for client in clients:
        out, err = client.communicate(timeout=120)
        assert client.returncode == 0, err
        results.append(json.loads(out))

    made = [guid for result in results for guid in result["guids"]]
    assert len(made) == len(set(made)) >= 4 * 20  # a repeated random span is no new coding, as designed
    with team().reading() as session:
        stored = set(session.scalars(select(Coding.guid)))
        by_coder = dict(session.execute(
            select(Code.name, func.count()).select_from(Coding).join(Code).group_by(Code.name)
        ).all())
    assert set(made) <= stored
    assert len(stored) == 3 + len(made)  # the three published codings and every new one
    assert sum(by_coder.values()) == len(stored)


def test_two_renames_of_one_code_at_the_same_moment_one_wins_the_other_is_told(team):
    anna, ben = team(), team()
    # Ben's change reads the code ...
    with pytest.raises(TeamConflict, match="colleague changed the same thing"):
        with ben.transaction() as session:
            code = session.scalars(select(Code).where(Code.name == "Sprache")).one()
            # ... Anna renames it and commits before Ben's change is written ...
            rename_code(anna, "Faktoren/Sprache", "Deutschkenntnisse")
            code.name = "Sprachkenntnisse"  # ... so Ben's UPDATE finds a newer row version: refused.
    with anna.reading() as session:
        names = set(session.scalars(select(Code.name)))
    assert "Deutschkenntnisse" in names and "Sprachkenntnisse" not in names


def test_renaming_a_code_a_colleague_renamed_meanwhile_is_refused(team):
    anna, ben = team(), team()
    rename_code(anna, "Faktoren/Sprache", "Deutschkenntnisse")
    with pytest.raises(ServiceError, match="Sprache"):  # Ben's screen still said "Sprache"
        rename_code(ben, "Faktoren/Sprache", "Sprachkenntnisse")


def test_a_code_deleted_while_a_colleague_applies_it_gives_a_clear_message(team):
    anna, ben = team(), team()
    with pytest.raises(TeamConflict, match="deleted what this change refers to"):
        with ben.transaction() as session:
            code_id = session.scalars(select(Code.id).where(Code.name == "Mentoring")).one()
            document_id = session.scalars(select(Coding.document_id)).first()
            coder_id = session.scalars(select(Coding.coder_id)).first()
            delete_code(anna, "Maßnahmen/Mentoring")
            session.add(Coding(document_id=document_id, code_id=code_id, coder_id=coder_id, start=0, end=5))
    with pytest.raises(ServiceError):  # and afterwards the service itself says the code is gone
        apply_code(ben, document="Gruppe 1", code="Maßnahmen/Mentoring", start=0, end=5, coder="ben")


def test_a_stale_edit_of_a_codes_definition_is_refused(team):
    anna, ben = team(), team()
    with pytest.raises(TeamConflict):
        with ben.transaction() as session:
            code = session.scalars(select(Code).where(Code.name == "Anerkennung")).one()
            update_code(anna, "Faktoren/Anerkennung", definition="Anerkennung ausländischer Abschlüsse")
            code.definition = "Berufsanerkennung"
    with anna.reading() as session:
        assert session.scalars(select(Code.definition).where(Code.name == "Anerkennung")).one() == (
            "Anerkennung ausländischer Abschlüsse"
        )


def test_a_memo_a_colleague_changed_while_i_wrote_is_not_overwritten(team):
    from app.services import set_memo
    from app.services.memos import MemoChanged

    anna, ben = team(), team()
    set_memo(anna, "Erster Eindruck", document="Gruppe 1")
    # Ben opens the memo ("Erster Eindruck") and writes for a while; meanwhile Anna adds to it.
    set_memo(anna, "Erster Eindruck. Sprachkurse zentral.", document="Gruppe 1", based_on="Erster Eindruck")
    with pytest.raises(MemoChanged, match="Someone else changed this memo"):
        set_memo(ben, "Erster Eindruck – Mentoring fehlt", document="Gruppe 1", based_on="Erster Eindruck")
    from app.models import Memo

    with anna.reading() as session:
        assert session.scalars(select(Memo.text)).all() == ["Erster Eindruck. Sprachkurse zentral."]


def test_a_definition_a_colleague_changed_while_i_wrote_is_not_overwritten(team):
    anna, ben = team(), team()
    # Both editors showed an empty definition; Anna saves first.
    update_code(anna, "Faktoren/Sprache", definition="Sprachkenntnisse und Sprachkurse", based_on={"definition": ""})
    with pytest.raises(ServiceError, match="changed the definition of 'Faktoren/Sprache' after you began"):
        update_code(ben, "Faktoren/Sprache", definition="Deutsch", based_on={"definition": ""})
    with anna.reading() as session:
        assert session.scalars(select(Code.definition).where(Code.name == "Sprache")).one() == (
            "Sprachkenntnisse und Sprachkurse"
        )
