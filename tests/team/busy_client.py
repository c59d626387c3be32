"""Coders' apps on a conference day, each a process of its own, for the race test: they code at full speed, and
half of them make things nobody has made yet, the same things as the other half at the same moment.

``python -m tests.team.busy_client URL PROCESSES COUNT`` loads FocusCoder once and forks PROCESSES processes (so
twenty of them do not each spend seconds importing), which open the team project, wait for each other, then each
make COUNT codings; it prints one JSON list, per process the GUIDs of the codings made and every refusal's message.
Odd-numbered processes are "new": their codings are by coders and with codes that the other new processes create
at the same time, and their first five import a transcript (same names, same new speakers) and set a new speaker
attribute, at the same time too (five of each, shared by all). Password from PGPASSWORD.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier

from sqlalchemy import select

from app.models import Coding
from app.models.errors import ProjectFileError
from app.models.team import open_team_project
from app.services import ServiceError, apply_code, import_documents, set_attribute
from tests.conftest import build_document

SHARED = 5  # how many new coders, codes, transcripts and speakers the new-mode processes share


def run(url: str, index: int, count: int, new: bool, together: Barrier) -> dict:
    project = open_team_project(url)
    try:
        together.wait(timeout=120)
        began = time.perf_counter()
        made, refused = [], []
        for number in range(count):
            shared = number % SHARED
            # Distinct spans for (process, coding): every coding is a new one, and all of them must be stored.
            start, end = number, number + 1 + index
            try:
                if new and number < SHARED:  # the first codings make them, all new processes at once
                    import_documents(project, [build_document(f"Protokoll {shared}", [
                        ("Moderatorin", "Was hat geholfen?"), (f"Gast {shared}", "Die Sprachkurse am Abend."),
                    ])])
                    set_attribute(project, speaker=f"Gast {shared}", name="Institution", value=f"Verein {index}")
                if new:
                    changes = apply_code(project, document="Gruppe 1", code=f"Neu/Thema {shared}", start=start,
                                         end=end, coder=f"neu-{shared}", create_code=True)
                else:
                    changes = apply_code(project, document="Gruppe 1", code="Faktoren/Sprache", start=start,
                                         end=end, coder="anna")
                made += changes.ids("coding")
            except (ServiceError, ProjectFileError) as exc:
                refused.append(str(exc))
        with project.reading() as session:
            guids = list(session.scalars(select(Coding.guid).where(Coding.id.in_(made))))
        return {"index": index, "guids": guids, "refused": refused, "seconds": time.perf_counter() - began}
    finally:
        project.close()


def _process(url: str, index: int, count: int, together: Barrier, results: Queue) -> None:
    try:
        results.put(run(url, index, count, bool(index % 2), together))
    except BaseException as exc:  # noqa: BLE001 - told to the test, which fails on it
        results.put({"index": index, "guids": [], "refused": [], "crashed": repr(exc)})
        together.abort()


def main(url: str, processes: int, count: int) -> list[dict]:
    forking = multiprocessing.get_context("fork")
    together, results = forking.Barrier(processes), forking.Queue()
    started = [forking.Process(target=_process, args=(url, index, count, together, results))
               for index in range(processes)]
    for process in started:
        process.start()
    try:
        return sorted((results.get(timeout=300) for _ in started), key=lambda result: result["index"])
    finally:
        for process in started:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))))
