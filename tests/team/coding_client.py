"""One coder's desktop app, as a separate process: opens the team project and applies codings one by one.

``python -m tests.team.coding_client URL CODER COUNT [SEED] [PACE]`` prints one JSON line: the GUIDs of the codings it
made and the latency of each apply (a committed service call), in seconds. The password comes from PGPASSWORD,
as from a user's environment. PACE (seconds, default 0) is the mean pause between two codings, as a coder reads
before coding the next passage. Used by the team tests and by the team benchmark.
"""

from __future__ import annotations

import json
import random
import sys
import time

from sqlalchemy import select

from app.models import Coding, Document
from app.models.team import open_team_project
from app.services import apply_code

DOCUMENT, CODES = "Gruppe 1", ("Faktoren/Sprache", "Faktoren/Anerkennung", "Maßnahmen/Mentoring")


def run(url: str, coder: str, count: int, seed: int, pace: float = 0.0) -> dict:
    chooser = random.Random(seed)
    project = open_team_project(url)
    try:
        with project.reading() as session:
            length = len(session.scalar(select(Document.text).where(Document.name == DOCUMENT)))
        latencies, started, made = [], [], []
        for _ in range(count):
            if pace:
                time.sleep(chooser.uniform(0.5, 1.5) * pace)  # coders do not code in lockstep
            start = chooser.randrange(0, length - 20)
            end = start + chooser.randrange(1, 20)
            started.append(time.time())  # wall clock: compared with when another process heard of it
            began = time.perf_counter()
            changes = apply_code(project, document=DOCUMENT, code=chooser.choice(CODES), start=start, end=end,
                                 coder=coder)
            latencies.append(time.perf_counter() - began)
            made += changes.ids("coding")
        with project.reading() as session:
            guids = list(session.scalars(select(Coding.guid).where(Coding.id.in_(made))))
        return {"coder": coder, "guids": guids, "latencies": latencies, "started": started}
    finally:
        project.close()


if __name__ == "__main__":
    url, coder, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    pace = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    print(json.dumps(run(url, coder, count, seed, pace)))
