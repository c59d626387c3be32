"""A conference day: twenty coders' apps code one team project at the same moment, half of them making coders,
codes, speakers and attributes that do not exist yet, the same ones at once. Every coding is stored, none is
refused, and nothing is made twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from app.models import Attribute, AttributeValue, Code, Coder, Coding, Document, Speaker
from tests.team.busy_client import SHARED
from tests.team.cluster import SUPERUSER_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
PROCESSES, CODINGS = 20, 25


def test_twenty_coders_at_once_making_the_same_new_things_lose_nothing_and_double_nothing(published, team):
    done = subprocess.run(
        [sys.executable, "-m", "tests.team.busy_client", published, str(PROCESSES), str(CODINGS)], cwd=ROOT,
        env={**os.environ, "PGPASSWORD": SUPERUSER_PASSWORD}, capture_output=True, text=True, timeout=400,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [result.get("crashed") for result in results] == [None] * PROCESSES
    print(f"coding phase: {max(result['seconds'] for result in results):.1f} s")  # shown with -s

    assert [message for result in results for message in result["refused"]] == []
    made = [guid for result in results for guid in result["guids"]]
    assert len(made) == len(set(made)) == PROCESSES * CODINGS
    with team().reading() as session:
        stored = set(session.scalars(select(Coding.guid)))
        assert set(made) <= stored and len(stored) == 3 + len(made)
        same_coding = session.execute(
            select(func.count()).select_from(Coding)
            .group_by(Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end)
            .having(func.count() > 1)
        ).all()
        assert same_coding == []
        coders = list(session.scalars(select(Coder.name).where(Coder.name.like("neu-%"))))
        assert sorted(coders) == [f"neu-{n}" for n in range(SHARED)]
        new_parent = session.scalars(select(Code.id).where(Code.name == "Neu", Code.parent_id.is_(None))).all()
        assert len(new_parent) == 1
        themes = list(session.scalars(select(Code.name).where(Code.parent_id == new_parent[0])))
        assert sorted(themes) == [f"Thema {n}" for n in range(SHARED)]
        guests = list(session.scalars(select(Speaker.name).where(Speaker.name.like("Gast %"))))
        assert sorted(guests) == [f"Gast {n}" for n in range(SHARED)]
        assert session.scalar(select(func.count()).select_from(Speaker).where(Speaker.name == "Moderatorin")) == 1
        # Every import is a document of its own: the same name at once gets the next free number, as one by one.
        protocols = list(session.scalars(select(Document.name).where(Document.name.like("Protokoll %"))))
        assert len(protocols) == len(set(protocols)) == PROCESSES // 2 * SHARED
        assert session.scalar(select(func.count()).select_from(Attribute).where(Attribute.name == "Institution")) == 1
        values = session.scalar(select(func.count()).select_from(AttributeValue)
                                .join(Speaker, Speaker.id == AttributeValue.speaker_id)
                                .where(Speaker.name.like("Gast %")))
        assert values == SHARED
