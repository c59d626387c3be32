"""Bringing in a colleague's dot vote with their project: the points of measures, which speakers are marked as
participants or not, and which code holds the measures. Ours win where both differ; the summary says so."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Speaker, Vote
from app.models.exchange import ProjectData
from app.services.changes import Ref
from app.services.votes import study_row


def add_votes(session: Session, data: ProjectData, codes: dict[str, int], speakers: dict[str, int],
              summary) -> None:  # noqa: ANN001 - MergeSummary
    """Within ``bring_in``'s transaction; ``codes`` and ``speakers`` map their GUIDs to our ids."""
    ours = {(code_id, institution): (vote_id, points) for vote_id, code_id, institution, points in
            session.execute(select(Vote.id, Vote.code_id, Vote.institution, Vote.points))}
    for vote in data.votes:
        code_id = codes.get(vote.code_guid)
        where = f" from {vote.institution}" if vote.institution else ""
        if code_id is None:
            summary.leave_out("vote", f"{vote.points} point(s){where}: the measure they are for is not here")
            continue
        found = ours.get((code_id, vote.institution))
        if found is not None:
            if found[1] == vote.points:
                summary.matched["vote"] += 1
            else:
                summary.leave_out("vote", f"{vote.points} point(s){where} for a measure we gave {found[1]}; "
                                          "ours are kept")
            continue
        if vote.points < 0:
            summary.leave_out("vote", f"{vote.points} point(s){where}: points cannot be negative")
            continue
        row = Vote(code_id=code_id, institution=vote.institution[:200], points=vote.points)
        session.add(row)
        session.flush()
        ours[(code_id, vote.institution)] = (row.id, vote.points)
        summary.added["vote"] += 1
        summary.changes.created.append(Ref("vote", row.id))
    for guid, participant in data.participants.items():
        speaker = session.get(Speaker, speakers[guid]) if guid in speakers else None
        if speaker is not None and speaker.participant is None:  # a mark of ours stays
            speaker.participant = participant
            summary.changes.updated.append(Ref("speaker", speaker.id))
    if data.measures_code_guid in codes:
        study = study_row(session)
        if study.measures_code_id is None:
            study.measures_code_id = codes[data.measures_code_guid]
            summary.changes.updated.append(Ref("study", study.id))
