"""The dot vote as the analyses read it: the points entered per measure, the points of imported cards, who counts
as a participant, and the study's description. Read with the rest of the project data (``dataset.load``).

A participant is a speaker whose contributions count as support for a measure. The user can mark a speaker
either way; otherwise the speaker's role decides: moderation, minute-taking and the research team are not
participants (the sample's "Moderation" and "Co-Moderation und Protokoll"), everyone else is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from datetime import date

from app.models.study_info import StudyInfo, split_phases

# The speaker attribute that holds the role, by its casefolded name.
ROLE_ATTRIBUTES = ("rolle", "role", "funktion", "function")
# A role is not a participant's when one of its words begins with one of these (moderation, moderator(in),
# co-moderation, protokoll(ant), forschungsteam, facilitator) or when it holds one of the word pairs.
_NOT_PARTICIPANT_STEMS = ("moderat", "protokoll", "forschungsteam", "facilitat")
_NOT_PARTICIPANT_PAIRS = (("research", "team"), ("forschungs", "team"), ("research", "staff"),
                          ("minute", "taker"), ("note", "taker"))
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class VoteData:
    entered: dict[int, dict[str, int]] = field(default_factory=dict)  # code id -> institution ("" none) -> points
    cards: dict[int, int] = field(default_factory=dict)  # turn id -> the card's points (only turns that have some)
    marks: dict[int, bool] = field(default_factory=dict)  # speaker id -> participant, as the user marked them
    measures_code_id: int | None = None  # the parent of the measures, as the user chose it
    study: StudyInfo = field(default_factory=StudyInfo)

    def points_entered(self, code_id: int) -> int | None:
        counts = self.entered.get(code_id)
        return None if counts is None else sum(counts.values())


def read_vote_data(raw) -> VoteData:  # noqa: ANN001 - a DB-API connection in a read transaction
    """The vote data, read on the driver's connection of ``dataset.load``'s transaction (small tables, and the
    turns that have votes)."""
    entered: dict[int, dict[str, int]] = {}
    for code_id, institution, points in raw.execute("SELECT code_id, institution, points FROM vote").fetchall():
        entered.setdefault(code_id, {})[institution] = points
    cards = dict(raw.execute("SELECT id, votes FROM turn WHERE votes IS NOT NULL").fetchall())
    marks = {sid: bool(mark) for sid, mark in
             raw.execute("SELECT id, participant FROM speaker WHERE participant IS NOT NULL").fetchall()}
    row = raw.execute(
        "SELECT title, date, place, duration_minutes, phases, transcription_rules, coding_procedure, "
        "points_per_person, max_points_per_measure, voters, measures_code_id FROM study WHERE id = 1"
    ).fetchone()
    if row is None:
        return VoteData(entered=entered, cards=cards, marks=marks)
    (title, day, place, duration, phases, rules, procedure, per_person, most, voters, measures) = row
    if isinstance(day, str):  # SQLite's text, as SQLAlchemy's Date wrote it; PostgreSQL's is a date
        day = date.fromisoformat(day)
    study = StudyInfo(
        title=title or "", date=day, place=place or "", duration_minutes=duration, phases=split_phases(phases),
        transcription_rules=rules or "", coding_procedure=procedure or "", points_per_person=per_person,
        max_points_per_measure=most, voters=voters,
    )
    return VoteData(entered=entered, cards=cards, marks=marks, measures_code_id=measures, study=study)


def role_is_participant(role: str | None) -> bool:
    """False for the roles of moderation, minute-taking and the research team; True for any other (or none)."""
    if not role:
        return True
    words = _WORD.findall(role.casefold())
    if any(word.startswith(_NOT_PARTICIPANT_STEMS) for word in words):
        return False
    return not any(pair in _NOT_PARTICIPANT_PAIRS for pair in zip(words, words[1:]))


def role_attribute(names: list[str]) -> str | None:
    """The attribute that names speakers' roles, among ``names``."""
    by_folded = {name.casefold(): name for name in names}
    return next((by_folded[n] for n in ROLE_ATTRIBUTES if n in by_folded), None)


def is_participant(mark: bool | None, role: str | None) -> bool:
    return mark if mark is not None else role_is_participant(role)
