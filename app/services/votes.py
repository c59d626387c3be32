"""The workshop's dot vote: a measure's points as counted on the pinboard, which code holds the measures, and
which speakers are participants (whose contributions count as support).

A measure's entered points are one row, or one row per institution when the dots were counted by institution;
its points are their sum. Each change is one transaction and returns what it changed; ``replace_votes`` puts a
measure's rows back as they were, for undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Code, Project, Speaker, Study, Vote
from app.services.changes import ChangeSet, Ref, ServiceError
from app.services.lookup import code_path, code_paths, get_code, get_code_id, get_speaker

MAX_POINTS = 100_000  # far beyond any pinboard; more is a typing error


@dataclass(frozen=True)
class EnteredVote:
    code: str  # path
    institution: str  # "" when not counted by institution
    points: int


def _checked_points(points: object) -> int:
    if isinstance(points, bool) or not isinstance(points, int):
        try:
            points = int(str(points).strip())
        except ValueError:
            raise ServiceError(f"'{points}' is not a whole number of points.") from None
    if points < 0:
        raise ServiceError("Points cannot be negative.")
    if points > MAX_POINTS:
        raise ServiceError(f"{points} points is more than a dot vote gives ({MAX_POINTS:,} at most).")
    return points


def votes_of(project: Project, code: str) -> dict[str, int]:
    """The entered points of the measure at path ``code``, by institution ("" when not by institution)."""
    with project.reading() as session:
        code_id = get_code_id(session, code)
        return dict(session.execute(
            select(Vote.institution, Vote.points).where(Vote.code_id == code_id).order_by(Vote.institution)
        ).all())


def entered_votes(project: Project) -> list[EnteredVote]:
    """Every entered vote, by code path and institution."""
    with project.reading() as session:
        paths = code_paths(session)
        rows = session.execute(select(Vote.code_id, Vote.institution, Vote.points)).all()
    return sorted((EnteredVote(paths[c], i, p) for c, i, p in rows), key=lambda v: (v.code, v.institution))


def set_votes(project: Project, code: str, points: object | None, *, institution: str | None = None) -> ChangeSet:
    """Set the points of the measure at path ``code``; ``points=None`` removes them (the measure then counts as
    not voted on, which is not the same as 0 points).

    Without ``institution`` the measure gets one count, which replaces any counts by institution; with it, only
    that institution's count is set (the measure's points are the sum of its counts).
    """
    checked = None if points is None else _checked_points(points)
    with project.transaction() as session:
        code_id = get_code_id(session, code)
        if institution is None:
            rows = {} if checked is None else {"": checked}
            return _replace(session, code_id, rows)
        institution = institution.strip()
        if not institution:
            raise ServiceError("An institution needs a name.")
        rows = dict(session.execute(select(Vote.institution, Vote.points).where(Vote.code_id == code_id)).all())
        if checked is None:
            rows.pop(institution, None)
        else:
            rows[institution] = checked
        return _replace(session, code_id, rows)


def replace_votes(project: Project, code: str, rows: dict[str, int]) -> ChangeSet:
    """Make the entered counts of the measure at path ``code`` exactly ``rows`` (institution -> points): how undo
    puts back what ``set_votes`` changed."""
    checked = {institution.strip(): _checked_points(points) for institution, points in rows.items()}
    with project.transaction() as session:
        return _replace(session, get_code_id(session, code), checked)


def _replace(session: Session, code_id: int, rows: dict[str, int]) -> ChangeSet:
    existing = {vote.institution: vote for vote in session.scalars(select(Vote).where(Vote.code_id == code_id))}
    changes = ChangeSet()
    for institution, vote in existing.items():
        if institution not in rows:
            changes.deleted.append(Ref("vote", vote.id))
            session.delete(vote)
        elif vote.points != rows[institution]:
            vote.points = rows[institution]
            changes.updated.append(Ref("vote", vote.id))
    session.flush()
    for institution, points in rows.items():
        if institution not in existing:
            vote = Vote(code_id=code_id, institution=institution, points=points)
            session.add(vote)
            session.flush()
            changes.created.append(Ref("vote", vote.id))
    return changes


# --- the measures and the participants -------------------------------------------------------------------------


def study_row(session: Session) -> Study:
    """The study's one row, made on first use."""
    study = session.get(Study, 1)
    if study is None:
        study = Study(id=1)
        session.add(study)
        session.flush()
    return study


def measures_parent(project: Project) -> str | None:
    """The path of the code the user chose as the parent of the measures, if they chose one."""
    with project.reading() as session:
        study = session.get(Study, 1)
        if study is None or study.measures_code_id is None:
            return None
        code = session.get(Code, study.measures_code_id)
        return None if code is None else code_path(session, code)


def set_measures_parent(project: Project, code: str | None) -> ChangeSet:
    """Remember the code at path ``code`` as the parent of the measures the ranking ranks (None: forget it, the
    ranking then looks for a top-level code called Maßnahmen, Measures or Handlungsempfehlungen)."""
    with project.transaction() as session:
        code_id = None if code is None else get_code(session, code).id
        study = study_row(session)
        if study.measures_code_id == code_id:
            return ChangeSet()
        study.measures_code_id = code_id
        return ChangeSet(updated=[Ref("study", study.id)])


def participant_mark(project: Project, speaker: str) -> bool | None:
    """True or False as the user marked the speaker; None when their role decides."""
    with project.reading() as session:
        return get_speaker(session, speaker).participant


def mark_participant(project: Project, speaker: str, participant: bool | None) -> ChangeSet:
    """Mark whether a speaker is a participant (False: moderation, research team, a guest; their contributions
    do not count as support for a measure); None lets their role decide again."""
    with project.transaction() as session:
        found: Speaker = get_speaker(session, speaker)
        if found.participant is participant:
            return ChangeSet()
        found.participant = participant
        return ChangeSet(updated=[Ref("speaker", found.id)])



def participant_marks(project: Project) -> dict[int, bool]:
    """Speaker id -> participant, for the speakers the user marked (the others' role decides)."""
    with project.reading() as session:
        return {sid: bool(mark) for sid, mark in session.execute(
            select(Speaker.id, Speaker.participant).where(Speaker.participant.is_not(None)))}
