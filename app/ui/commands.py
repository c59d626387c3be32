"""Undo commands: each one a user action whose redo() and undo() call the services.

``ApplicationContext.execute(command)`` runs a command the first time (``first_redo``) and stacks it only if it
changed something; afterwards QUndoStack calls ``redo()``/``undo()``. A coding that undo or redo re-creates gets a
new id, which the context records (``renumber``) so older commands still find it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app import services
from app.models import ProjectFileError
from app.services import ChangeSet, ServiceError
from app.services import queries
from app.services.lookup import PATH_SEPARATOR
from app.services.votes import replace_votes, votes_of
from app.ui.context import ApplicationContext


def tr(text: str) -> str:
    """Undo texts; lupdate files calls of a module-level ``tr`` under the empty context."""
    return QCoreApplication.translate("", text)


def _parent_path(path: str) -> str | None:
    return path.rsplit(PATH_SEPARATOR, 1)[0] if PATH_SEPARATOR in path else None


def _leaf(path: str) -> str:
    return path.rsplit(PATH_SEPARATOR, 1)[-1]


class ProjectCommand(QUndoCommand):
    """A change of the open project; subclasses implement ``do()`` and ``undo_change()``, both returning ChangeSets."""

    def __init__(self, context: ApplicationContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._skip_redo = False

    @property
    def project(self):
        return self.context.project

    def first_redo(self) -> bool:
        """Do it for the first time; raise ServiceError if refused. False: nothing changed, do not stack it."""
        changes = self.do()
        self.context.notify(changes)
        self._skip_redo = True
        return bool(changes)

    def redo(self) -> None:
        if self._skip_redo:  # QUndoStack.push calls redo(); first_redo did the work already
            self._skip_redo = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_change)

    def _run(self, step: Callable[[], ChangeSet]) -> None:
        try:
            changes = step()
        except (ServiceError, ProjectFileError) as exc:  # e.g. another FocusCoder took the project over
            self.context.sig_error.emit(str(exc))
            self.setObsolete(True)
            return
        self.context.notify(changes)

    def do(self) -> ChangeSet:
        raise NotImplementedError

    def undo_change(self) -> ChangeSet:
        raise NotImplementedError

    # --- helpers shared by commands that re-create codings ---------------------------------------------------

    def _reapply(self, record: queries.CodingRecord, code: str | None = None) -> ChangeSet:
        changes = services.apply_code(
            self.project, document=record.document, code=code or record.code, start=record.start,
            end=record.end, coder=record.coder, weight=record.weight,
        )
        created = changes.ids("coding")
        if created:
            self.context.renumber("coding", self.context.current_id("coding", record.id), created[0])
            if record.memo:
                changes.merge(services.set_memo(self.project, record.memo, coding_id=created[0]))
        return changes


class ApplyCode(ProjectCommand):
    def __init__(
        self, context: ApplicationContext, *, document: str, code: str, start: int, end: int, weight: int = 0
    ) -> None:
        super().__init__(context, tr("Code as “%s”") % _leaf(code))
        self.document, self.code, self.start, self.end, self.weight = document, code, start, end, weight
        self.coder = context.coder
        self.coding_id: int | None = None

    def do(self) -> ChangeSet:
        changes = services.apply_code(
            self.project, document=self.document, code=self.code, start=self.start, end=self.end,
            coder=self.coder, weight=self.weight,
        )
        created = changes.ids("coding")
        if created:
            if self.coding_id is not None:
                self.context.renumber("coding", self.context.current_id("coding", self.coding_id), created[0])
            self.coding_id = created[0]
            self.context.remember_code(self.code)
        return changes

    def undo_change(self) -> ChangeSet:
        assert self.coding_id is not None
        return services.remove_coding(self.project, self.context.current_id("coding", self.coding_id))


class RemoveCodings(ProjectCommand):
    def __init__(self, context: ApplicationContext, coding_ids: list[int]) -> None:
        super().__init__(context, tr("Remove coding") if len(coding_ids) == 1 else tr("Remove codings"))
        self.records = queries.coding_records(context.project, coding_ids)

    def do(self) -> ChangeSet:
        changes = ChangeSet()
        for record in self.records:
            changes.merge(services.remove_coding(self.project, self.context.current_id("coding", record.id)))
        return changes

    def undo_change(self) -> ChangeSet:
        changes = ChangeSet()
        for record in self.records:
            changes.merge(self._reapply(record))
        return changes


class UpdateCoding(ProjectCommand):
    """Change a coding's boundaries, weight or code."""

    def __init__(self, context: ApplicationContext, coding_id: int, **new: object) -> None:
        super().__init__(context, tr("Change coding"))
        (self.record,) = queries.coding_records(context.project, [coding_id])
        self.new = new

    def do(self) -> ChangeSet:
        return services.update_coding(self.project, self.context.current_id("coding", self.record.id), **self.new)

    def undo_change(self) -> ChangeSet:
        r = self.record
        return services.update_coding(
            self.project, self.context.current_id("coding", r.id), start=r.start, end=r.end, weight=r.weight,
            code=r.code,
        )


class AddCode(ProjectCommand):
    def __init__(self, context: ApplicationContext, path: str, *, color: str | None = None) -> None:
        super().__init__(context, tr("New code “%s”") % _leaf(path))
        self.path, self.color = path, color
        self.created_paths: list[str] = []

    def do(self) -> ChangeSet:
        changes = services.add_code(self.project, self.path, color=self.color)
        paths = {row.id: row.path for row in queries.list_codes(self.project)}
        self.created_paths = [paths[code_id] for code_id in changes.ids("code")]
        return changes

    def undo_change(self) -> ChangeSet:
        # The first code created is the topmost: deleting it takes the ones created under it.
        return services.delete_code(self.project, self.created_paths[0])


class RenameCode(ProjectCommand):
    def __init__(self, context: ApplicationContext, path: str, new_name: str) -> None:
        super().__init__(context, tr("Rename code “%s”") % _leaf(path))
        self.old_name, self.new_name = _leaf(path), new_name.strip()
        parent = _parent_path(path)
        self.old_path = path
        self.new_path = f"{parent}{PATH_SEPARATOR}{self.new_name}" if parent else self.new_name

    def do(self) -> ChangeSet:
        return services.rename_code(self.project, self.old_path, self.new_name)

    def undo_change(self) -> ChangeSet:
        return services.rename_code(self.project, self.new_path, self.old_name)


class UpdateCode(ProjectCommand):
    """Recolour a code or edit its definition, anchor example or coding rule."""

    FIELDS = ("color", "definition", "anchor_example", "coding_rule")

    def __init__(
        self, context: ApplicationContext, path: str, *, based_on: dict[str, str] | None = None, **new: str
    ) -> None:
        """``based_on``: what the editor showed when the writing began; a colleague's change since is not
        written over (see ``services.update_code``)."""
        label = tr("Recolour code “%s”") if set(new) == {"color"} else tr("Edit code “%s”")
        super().__init__(context, label % _leaf(path))
        row = next(row for row in queries.list_codes(context.project) if row.path == path)
        self.path = path
        self.new = {key: value for key, value in new.items() if key in self.FIELDS}
        self.old = {key: getattr(row, key) for key in self.new}
        self.based_on = based_on

    def do(self) -> ChangeSet:
        if all(self.old[key] == value for key, value in self.new.items()):
            return ChangeSet()
        return services.update_code(self.project, self.path, based_on=self.based_on, **self.new)

    def undo_change(self) -> ChangeSet:
        return services.update_code(self.project, self.path, based_on=self.new, **self.old)


class MoveCode(ProjectCommand):
    def __init__(
        self, context: ApplicationContext, path: str, new_parent: str | None, position: int | None = None
    ) -> None:
        super().__init__(context, tr("Move code “%s”") % _leaf(path))
        row = next(row for row in queries.list_codes(context.project) if row.path == path)
        self.path, self.new_parent, self.position = path, new_parent, position
        self.old_parent, self.old_position = _parent_path(path), row.position
        self.new_path = f"{new_parent}{PATH_SEPARATOR}{row.name}" if new_parent else row.name

    def do(self) -> ChangeSet:
        return services.move_code(self.project, self.path, self.new_parent, position=self.position)

    def undo_change(self) -> ChangeSet:
        return services.move_code(self.project, self.new_path, self.old_parent, position=self.old_position)


class _CodeSnapshot:
    """A code's subtree as it was: its codes' columns and memos, and every coding of them."""

    def __init__(self, context: ApplicationContext, path: str) -> None:
        rows = queries.list_codes(context.project)
        prefix = path + PATH_SEPARATOR
        self.codes = [row for row in rows if row.path == path or row.path.startswith(prefix)]
        ids = [row.id for row in self.codes]
        self.memos = {row.path: text for row in self.codes if (text := queries.code_memos(context.project, [row.id]).get(row.id))}
        self.codings = queries.coding_records(context.project, queries.codings_of_codes(context.project, ids))
        self.votes = {row.path: votes for row in self.codes if (votes := votes_of(context.project, row.path))}

    def restore_codes(self, command: ProjectCommand, *, codings: bool = True) -> ChangeSet:
        project = command.project
        changes = ChangeSet()
        for row in self.codes:  # parents first
            changes.merge(
                services.add_code(
                    project, row.path, color=row.color, definition=row.definition,
                    anchor_example=row.anchor_example, coding_rule=row.coding_rule,
                )
            )
        top = self.codes[0]
        changes.merge(services.move_code(project, top.path, _parent_path(top.path), position=top.position))
        for code_path, text in self.memos.items():
            changes.merge(services.set_memo(project, text, code=code_path))
        for code_path, votes in self.votes.items():
            changes.merge(replace_votes(project, code_path, votes))
        if codings:
            for record in self.codings:
                changes.merge(command._reapply(record))
        return changes


class DeleteCode(ProjectCommand):
    def __init__(self, context: ApplicationContext, path: str) -> None:
        super().__init__(context, tr("Delete code “%s”") % _leaf(path))
        self.path = path
        self.snapshot = _CodeSnapshot(context, path)

    def do(self) -> ChangeSet:
        return services.delete_code(self.project, self.path)

    def undo_change(self) -> ChangeSet:
        return self.snapshot.restore_codes(self)


class MergeCodes(ProjectCommand):
    def __init__(self, context: ApplicationContext, source: str, target: str) -> None:
        super().__init__(context, tr("Merge “%s” into “%s”") % (_leaf(source), _leaf(target)))
        self.source, self.target = source, target
        rows = queries.list_codes(context.project)
        self.source_row = next(row for row in rows if row.path == source)
        self.children = [row.name for row in rows if row.parent_id == self.source_row.id]
        memos = queries.code_memos(context.project, [self.source_row.id])
        target_id = next(row.id for row in rows if row.path == target)
        self.source_memo = memos.get(self.source_row.id, "")
        self.target_memo = queries.code_memos(context.project, [target_id]).get(target_id, "")
        self.votes = {path: votes_of(context.project, path) for path in (source, target)}  # merging adds them
        self.records = {
            record.id: record
            for record in queries.coding_records(
                context.project, queries.codings_of_codes(context.project, [self.source_row.id])
            )
        }
        self.moved: list[int] = []
        self.dropped: list[int] = []

    def do(self) -> ChangeSet:
        changes = services.merge_codes(self.project, self.source, self.target)
        current = {self.context.current_id("coding", cid): cid for cid in self.records}
        self.moved = [current.get(cid, cid) for cid in changes.ids("coding", of="updated")]
        self.dropped = [current.get(cid, cid) for cid in changes.ids("coding", of="deleted")]
        return changes

    def undo_change(self) -> ChangeSet:
        project, row = self.project, self.source_row
        changes = services.add_code(
            project, self.source, color=row.color, definition=row.definition, anchor_example=row.anchor_example,
            coding_rule=row.coding_rule,
        )
        changes.merge(services.move_code(project, self.source, _parent_path(self.source), position=row.position))
        for original_id in self.moved:
            changes.merge(
                services.update_coding(project, self.context.current_id("coding", original_id), code=self.source)
            )
        for original_id in self.dropped:
            changes.merge(self._reapply(self.records[original_id], code=self.source))
        for position, name in enumerate(self.children):
            changes.merge(
                services.move_code(project, f"{self.target}{PATH_SEPARATOR}{name}", self.source, position=position)
            )
        changes.merge(services.set_memo(project, self.target_memo, code=self.target))
        if self.source_memo:
            changes.merge(services.set_memo(project, self.source_memo, code=self.source))
        for path, votes in self.votes.items():
            changes.merge(replace_votes(project, path, votes))
        return changes


class ImportDocuments(ProjectCommand):
    """Import read documents; undo removes them again (with anything coded in them meanwhile undone first)."""

    def __init__(self, context: ApplicationContext, parsed: list) -> None:  # list[ParsedDocument]
        super().__init__(context, tr("Import documents"))
        self.parsed = parsed
        self.names: list[str] = []

    def do(self) -> ChangeSet:
        changes = services.import_documents(self.project, self.parsed)
        created = set(changes.ids("document"))
        self.names = [row.name for row in queries.list_documents(self.project) if row.id in created]
        return changes

    def undo_change(self) -> ChangeSet:
        changes = ChangeSet()
        for name in self.names:
            changes.merge(services.delete_document(self.project, name))
        return changes


class RenameDocument(ProjectCommand):
    def __init__(self, context: ApplicationContext, name: str, new_name: str) -> None:
        super().__init__(context, tr("Rename document “%s”") % name)
        self.name, self.new_name = name, new_name.strip()

    def do(self) -> ChangeSet:
        if self.new_name == self.name:
            return ChangeSet()
        return services.rename_document(self.project, self.name, self.new_name)

    def undo_change(self) -> ChangeSet:
        return services.rename_document(self.project, self.new_name, self.name)


class DeleteDocument(ProjectCommand):
    """Delete a document with its turns, codings, memos and index; undo puts every row back (same ids and GUIDs)."""

    def __init__(self, context: ApplicationContext, name: str) -> None:
        super().__init__(context, tr("Delete document “%s”") % name)
        self.name = name
        self.recorded = None

    def do(self) -> ChangeSet:
        from app.services.deleted_rows import delete_document_undoably

        changes, self.recorded = delete_document_undoably(self.project, self.name)
        return changes

    def undo_change(self) -> ChangeSet:
        from app.services.deleted_rows import restore_rows

        return restore_rows(self.project, self.recorded)


class RenameSpeaker(ProjectCommand):
    def __init__(self, context: ApplicationContext, name: str, new_name: str) -> None:
        super().__init__(context, tr("Rename speaker “%s”") % name)
        self.name, self.new_name = name, new_name.strip()

    def do(self) -> ChangeSet:
        return services.rename_speaker(self.project, self.name, self.new_name)

    def undo_change(self) -> ChangeSet:
        return services.rename_speaker(self.project, self.new_name, self.name)


class MergeSpeakers(ProjectCommand):
    """Make two spellings of a participant one speaker; undo separates them again, GUID and memo included."""

    def __init__(self, context: ApplicationContext, source: str, target: str) -> None:
        super().__init__(context, tr("Merge speaker “%s” into “%s”") % (source, target))
        self.source, self.target = source, target
        self.record: services.SpeakerMergeRecord | None = None

    def do(self) -> ChangeSet:
        # Recorded afresh on every redo: undo restored the rows, and the memos' versions have moved on.
        changes, self.record = services.merge_speakers_undoably(self.project, self.source, self.target)
        return changes

    def undo_change(self) -> ChangeSet:
        assert self.record is not None
        return services.unmerge_speakers(self.project, self.record)


class SetSpeakerAttribute(ProjectCommand):
    """Set or clear (empty value) a speaker's attribute, e.g. institution or role."""

    def __init__(self, context: ApplicationContext, speaker: str, attribute: str, value: str, old: str | None) -> None:
        super().__init__(context, tr("Set %s of “%s”") % (attribute, speaker))
        self.speaker, self.attribute = speaker, attribute
        self.value, self.old = (value.strip() or None), old

    def do(self) -> ChangeSet:
        return services.set_attribute(self.project, speaker=self.speaker, name=self.attribute, value=self.value)

    def undo_change(self) -> ChangeSet:
        return services.set_attribute(self.project, speaker=self.speaker, name=self.attribute, value=self.old)


class SetMemo(ProjectCommand):
    """Write the memo of a document, a code, a speaker or a coding; an empty text removes it."""

    def __init__(
        self, context: ApplicationContext, text: str, old: str, *, document: str | None = None,
        code: str | None = None, coding_id: int | None = None, speaker: str | None = None,
    ) -> None:
        super().__init__(context, tr("Edit memo"))
        self.text, self.old = text, old
        self.document, self.code, self.coding_id, self.speaker = document, code, coding_id, speaker

    def _write(self, text: str, based_on: str) -> ChangeSet:
        coding_id = None if self.coding_id is None else self.context.current_id("coding", self.coding_id)
        return services.set_memo(
            self.project, text, document=self.document, code=self.code, coding_id=coding_id, speaker=self.speaker,
            author=self.context.coder, based_on=based_on,  # never over a colleague's text written meanwhile
        )

    def do(self) -> ChangeSet:
        return ChangeSet() if self.text == self.old else self._write(self.text, self.old)

    def undo_change(self) -> ChangeSet:
        return self._write(self.old, self.text)


class SetProjectMemo(ProjectCommand):
    """Write the memo about the project as a whole; undo restores the text before (or removes a new memo)."""

    def __init__(self, context: ApplicationContext, text: str, old: str, memo_id: int | None) -> None:
        super().__init__(context, tr("Edit project memo"))
        self.text, self.old, self.memo_id = text, old, memo_id

    def _write(self, text: str, based_on: str) -> ChangeSet:
        changes = services.set_project_memo(
            self.project, text, memo_id=self.memo_id, author=self.context.coder,
            based_on=based_on if self.memo_id is not None else None,
        )
        if changes.ids("memo", of="deleted"):
            self.memo_id = None
        elif created := changes.ids("memo"):
            self.memo_id = created[0]
        return changes

    def do(self) -> ChangeSet:
        return ChangeSet() if self.text == self.old else self._write(self.text, self.old)

    def undo_change(self) -> ChangeSet:
        return self._write(self.old, self.text)
