"""Undo commands of the dot vote and the study's description: each calls the services and puts back what was."""

from __future__ import annotations

from app import services
from app.services import ChangeSet, queries
from app.services.cards import code_cards_by_cluster
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
from app.ui.commands import ImportDocuments, ProjectCommand, _leaf, tr
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


class ImportCards(ImportDocuments):
    """Import card sheets and code each card with its cluster under ``parent`` (the codes made when missing), as
    one undo step; undo removes the documents, and the cluster codes it made."""

    def __init__(self, context: ApplicationContext, parsed: list, parent: str) -> None:
        super().__init__(context, parsed)
        self.setText(tr("Import cards under “%s”") % _leaf(parent))
        self.parent = parent
        self.made_codes: list[str] = []

    def do(self) -> ChangeSet:
        changes = super().do()
        made: list[int] = []
        for document, name in zip(self.parsed, self.names):
            if document.clusters:
                coded = code_cards_by_cluster(self.project, name, self.parent, document.clusters,
                                              coder=self.context.coder)
                made += coded.ids("code")
                changes.merge(coded)
        paths = {row.id: row.path for row in queries.list_codes(self.project)}
        self.made_codes = [paths[code_id] for code_id in made if code_id in paths]
        return changes

    def undo_change(self) -> ChangeSet:
        changes = super().undo_change()
        existing = {row.path for row in queries.list_codes(self.project)}
        for path in reversed(self.made_codes):  # children before their parent
            if path in existing:
                changes.merge(services.delete_code(self.project, path))
                existing = {p for p in existing if p != path and not p.startswith(path + "/")}
        return changes
