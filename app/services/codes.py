"""Changing the code tree: add, rename, move, merge, delete, and edit a code's category-system columns."""

from __future__ import annotations

import re

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.models import Code, Coding, Memo, Project, Vote
from app.services.changes import ChangeSet, Ref, ServiceError, repeatable
from app.services.lookup import PATH_SEPARATOR, code_path, get_code, insert_or_find, split_code_path

COLOR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
# Distinct, readable highlight colours handed out in turn to codes created without one.
PALETTE = (
    "#E6194B", "#3CB44B", "#FFC119", "#4363D8", "#F58231", "#911EB4", "#46F0F0", "#F032E6",
    "#BCF60C", "#FABEBE", "#008080", "#E6BEFF", "#9A6324", "#AAFFC3", "#808000", "#FFD8B1",
)


def normalise_color(color: str) -> str:
    if not COLOR_PATTERN.match(color):
        raise ServiceError(f"'{color}' is not a colour; write it as #RRGGBB.")
    return color.upper()


def check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ServiceError("A code needs a name.")
    if PATH_SEPARATOR in name:
        raise ServiceError(f"A code name cannot contain '{PATH_SEPARATOR}': '{name}'.")
    return name


def _sibling(session: Session, parent_id: int | None, name: str) -> Code | None:
    same_parent = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    return session.scalars(select(Code).where(same_parent, Code.name == name)).one_or_none()


def _next_position(session: Session, parent_id: int | None) -> int:
    same_parent = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    return session.scalar(select(func.coalesce(func.max(Code.position), -1)).where(same_parent)) + 1


@repeatable
def add_code(
    project: Project,
    path: str,
    *,
    color: str | None = None,
    definition: str = "",
    anchor_example: str = "",
    coding_rule: str = "",
) -> ChangeSet:
    """Add the code at ``path``, creating missing parents on the way; an existing code is an error."""
    names = [check_name(name) for name in split_code_path(path)]
    changes = ChangeSet()
    with project.transaction() as session:
        parent_id = ensure_code_path(session, names[:-1], changes)
        color = normalise_color(color) if color else None
        code_id, created = _insert_or_find_code(session, parent_id, names[-1], {
            "color": color, "definition": definition, "anchor_example": anchor_example, "coding_rule": coding_rule,
        })
        if not created:  # there already, or made by a colleague a moment ago: the same to the researcher
            raise ServiceError(f"The code '{path}' exists already.")
        changes.created.append(Ref("code", code_id))
    return changes


def ensure_code_path(session: Session, names: list[str], changes: ChangeSet) -> int | None:
    """The id of the code at the path ``names`` (None for the empty path), the codes missing on the way created
    (and named in ``changes``); race-free, so two colleagues adding codes under one new parent make one parent."""
    parent_id: int | None = None
    for name in names:
        parent_id, created = _insert_or_find_code(session, parent_id, name, {"color": None})
        if created:
            changes.created.append(Ref("code", parent_id))
    return parent_id


def _insert_or_find_code(session: Session, parent_id: int | None, name: str, values: dict) -> tuple[int, bool]:
    """``values`` with a colour of None take the palette's next one."""
    same_parent = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id

    def new_row() -> dict:  # only for a code that is missing: two more queries
        return {**values, "parent_id": parent_id, "name": name, "position": _next_position(session, parent_id),
                "color": values["color"] or _palette_color(session)}

    return insert_or_find(session, Code.__table__, new_row, select(Code.id).where(same_parent, Code.name == name))


def _palette_color(session: Session) -> str:
    count = session.scalar(select(func.count(Code.id)))
    return PALETTE[count % len(PALETTE)]


@repeatable
def update_code(
    project: Project,
    path: str,
    *,
    color: str | None = None,
    definition: str | None = None,
    anchor_example: str | None = None,
    coding_rule: str | None = None,
    based_on: dict[str, str] | None = None,
) -> ChangeSet:
    """Change a code's colour or category-system columns; arguments left None stay as they are.

    ``based_on`` holds what the editor showed when the writing began (column -> text): a column that says something
    else now was changed by someone else meanwhile, and the change is refused rather than written over theirs.
    """
    with project.transaction() as session:
        code = get_code(session, path)
        changed = [column for column, seen in (based_on or {}).items() if getattr(code, column) != seen]
        if changed:
            raise ServiceError(
                f"Someone else changed the {', '.join(c.replace('_', ' ') for c in changed)} of '{path}' after you "
                "began editing, so your text was not saved over theirs. Copy your text, look at theirs, and combine "
                "the two."
            )
        if color is not None:
            code.color = normalise_color(color)
        for column, value in (
            ("definition", definition),
            ("anchor_example", anchor_example),
            ("coding_rule", coding_rule),
        ):
            if value is not None:
                setattr(code, column, value)
        return ChangeSet(updated=[Ref("code", code.id)])


@repeatable
def rename_code(project: Project, path: str, new_name: str) -> ChangeSet:
    new_name = check_name(new_name)
    with project.transaction() as session:
        code = get_code(session, path)
        other = _sibling(session, code.parent_id, new_name)
        if other is not None and other.id != code.id:
            raise ServiceError(f"'{new_name}' exists already beside '{path}'.")
        code.name = new_name
        return ChangeSet(updated=[Ref("code", code.id)])


@repeatable
def move_code(project: Project, path: str, new_parent_path: str | None, *, position: int | None = None) -> ChangeSet:
    """Re-parent a code (None: to the top level) and/or put it at ``position`` among its new siblings."""
    with project.transaction() as session:
        code = get_code(session, path)
        parent = None if not new_parent_path else get_code(session, new_parent_path)
        parent_id = None if parent is None else parent.id
        ancestor = parent
        while ancestor is not None:
            if ancestor.id == code.id:
                raise ServiceError(f"'{path}' cannot be moved into itself or one of its sub-codes.")
            ancestor = ancestor.parent
        clash = _sibling(session, parent_id, code.name)
        if clash is not None and clash.id != code.id:
            raise ServiceError(f"There is already a code '{code.name}' there.")
        changes = ChangeSet(updated=[Ref("code", code.id)])
        siblings = [
            sibling
            for sibling in session.scalars(
                select(Code)
                .where(Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id)
                .order_by(Code.position, Code.id)
            )
            if sibling.id != code.id
        ]
        index = len(siblings) if position is None else max(0, min(position, len(siblings)))
        siblings.insert(index, code)
        code.parent_id = parent_id
        for order, sibling in enumerate(siblings):
            if sibling.position != order and sibling.id != code.id:
                changes.updated.append(Ref("code", sibling.id))
            sibling.position = order
        return changes


@repeatable
def merge_codes(project: Project, source_path: str, target_path: str) -> ChangeSet:
    """Fold ``source`` into ``target``: its codings and sub-codes move over, then ``source`` goes.

    A coding that would duplicate one the target already has (same document, span and coder) is dropped rather
    than doubled. The source's memo is appended to the target's, and its points of the dot vote are added to the
    target's (two clusters of the pinboard made one).
    """
    with project.transaction() as session:
        source, target = get_code(session, source_path), get_code(session, target_path)
        if source.id == target.id:
            raise ServiceError("A code cannot be merged with itself.")
        ancestor = target.parent
        while ancestor is not None:
            if ancestor.id == source.id:
                raise ServiceError(f"'{source_path}' cannot be merged into its own sub-code.")
            ancestor = ancestor.parent
        changes = ChangeSet()
        existing = set(
            session.execute(
                select(Coding.document_id, Coding.start, Coding.end, Coding.coder_id).where(Coding.code_id == target.id)
            ).all()
        )
        for coding in session.scalars(select(Coding).where(Coding.code_id == source.id)):
            if (coding.document_id, coding.start, coding.end, coding.coder_id) in existing:
                session.delete(coding)
                changes.deleted.append(Ref("coding", coding.id))
            else:
                coding.code_id = target.id
                changes.updated.append(Ref("coding", coding.id))
        position = _next_position(session, target.id)
        for child in list(source.children):
            clash = _sibling(session, target.id, child.name)
            if clash is not None:
                raise ServiceError(
                    f"Both codes have a sub-code '{child.name}'; merge or rename those first."
                )
            child.parent_id = target.id
            child.position = position
            position += 1
            changes.updated.append(Ref("code", child.id))
        _merge_memo(session, source, target)
        _merge_votes(session, source.id, target.id)
        source_id = source.id
        session.flush()
        session.expire(source)  # reload its children (now none), or delete-orphan would take the moved ones
        session.delete(source)
        changes.updated.append(Ref("code", target.id))
        changes.deleted.append(Ref("code", source_id))
        return changes


def _merge_memo(session: Session, source: Code, target: Code) -> None:
    source_memo = session.scalars(select(Memo).where(Memo.code_id == source.id)).one_or_none()
    if source_memo is None or not source_memo.text.strip():
        return
    target_memo = session.scalars(select(Memo).where(Memo.code_id == target.id)).one_or_none()
    if target_memo is None:
        session.execute(update(Memo).where(Memo.id == source_memo.id).values(code_id=target.id))
    else:
        target_memo.text = f"{target_memo.text}\n\n{source_memo.text}".strip()


@repeatable
def delete_code(project: Project, path: str) -> ChangeSet:
    """Delete a code with its sub-codes and all their codings."""
    with project.transaction() as session:
        code = get_code(session, path)
        doomed = _subtree_ids(session, code.id)
        coding_ids = session.scalars(select(Coding.id).where(Coding.code_id.in_(doomed))).all()
        session.delete(code)
        return ChangeSet(
            deleted=[Ref("code", code_id) for code_id in doomed] + [Ref("coding", cid) for cid in coding_ids]
        )


def _subtree_ids(session: Session, code_id: int) -> list[int]:
    ids, frontier = [code_id], [code_id]
    while frontier:
        frontier = list(session.scalars(select(Code.id).where(Code.parent_id.in_(frontier))))
        ids += frontier
    return ids


__all__ = [
    "add_code",
    "code_path",
    "delete_code",
    "merge_codes",
    "move_code",
    "normalise_color",
    "rename_code",
    "update_code",
]


def _merge_votes(session: Session, source_id: int, target_id: int) -> None:
    target = {vote.institution: vote for vote in session.scalars(select(Vote).where(Vote.code_id == target_id))}
    for vote in list(session.scalars(select(Vote).where(Vote.code_id == source_id))):
        if vote.institution in target:
            target[vote.institution].points += vote.points
            session.delete(vote)
        else:
            vote.code_id = target_id
    session.flush()
