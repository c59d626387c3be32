"""Undo commands of the dot vote and the study's description: each calls the services and puts back what was."""

from __future__ import annotations

from app.services import ChangeSet
from app.services.study import StudyInfo, set_study_info, study_info
from app.services.votes import (
    mark_participant,
    measures_parent,
    participant_mark,
    replace_votes,
    set_measures_parent,
    set_votes,
    votes_of,
)
from app.ui.commands import ProjectCommand, _leaf, tr
from app.ui.context import ApplicationContext


class SetVotes(ProjectCommand):
    """A measure's points as counted on the pinboard (None: not voted on); undo puts its counts back."""

    def __init__(self, context: ApplicationContext, code: str, points: int | None) -> None:
        super().__init__(context, tr("Points of “%s”") % _leaf(code))
        self.code, self.points = code, points
        self.before = votes_of(context.project, code)

    def do(self) -> ChangeSet:
        return set_votes(self.project, self.code, self.points)

    def undo_change(self) -> ChangeSet:
        return replace_votes(self.project, self.code, self.before)


class SetMeasuresParent(ProjectCommand):
    def __init__(self, context: ApplicationContext, code: str | None) -> None:
        super().__init__(context, tr("Measures under “%s”") % _leaf(code or "–"))
        self.code = code
        self.before = measures_parent(context.project)

    def do(self) -> ChangeSet:
        return set_measures_parent(self.project, self.code)

    def undo_change(self) -> ChangeSet:
        return set_measures_parent(self.project, self.before)


class MarkParticipant(ProjectCommand):
    def __init__(self, context: ApplicationContext, speaker: str, participant: bool | None) -> None:
        super().__init__(context, tr("Participant “%s”") % speaker)
        self.speaker, self.participant = speaker, participant
        self.before = participant_mark(context.project, speaker)

    def do(self) -> ChangeSet:
        return mark_participant(self.project, self.speaker, self.participant)

    def undo_change(self) -> ChangeSet:
        return mark_participant(self.project, self.speaker, self.before)


class SetStudyInfo(ProjectCommand):
    def __init__(self, context: ApplicationContext, info: StudyInfo) -> None:
        super().__init__(context, tr("Study details"))
        self.info = info
        self.before = study_info(context.project)

    def do(self) -> ChangeSet:
        return set_study_info(self.project, self.info)

    def undo_change(self) -> ChangeSet:
        return set_study_info(self.project, self.before)
