"""Deleting a document undoably: every row that goes with it, recorded before and put back exactly.

A document takes its turns, codings (with their memos), its memo, its attribute values and its language index with
it (``ondelete="CASCADE"`` in the schema). ``delete_document_undoably`` reads all of those rows first, by following
the schema's cascading foreign keys, so a table or column added later is recorded too; ``restore_rows`` inserts
them again with the same ids and GUIDs, parents first, so a REFI-QDA export or a project merge after undo sees the
same document as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, insert, select

from app.models import Base, Project
from app.services.changes import ChangeSet, Ref, repeatable
from app.services.documents import delete_document_in
from app.services.lookup import get_document


@dataclass(frozen=True)
class DeletedRows:
    """Rows by table name, in the order they go back in (parents before children)."""

    tables: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]

    def ids(self, table: str) -> list[int]:
        return [row["id"] for name, rows in self.tables if name == table for row in rows]


def _cascading_children(table: Table) -> list[tuple[Table, str, str]]:
    """(child table, its column, the parent's column) for each foreign key that deletes with ``table``'s rows."""
    found = []
    for child in Base.metadata.sorted_tables:
        for key in child.foreign_keys:
            if key.column.table is table and (key.ondelete or "").upper() == "CASCADE" and child is not table:
                found.append((child, key.parent.name, key.column.name))
    return found


def record_rows(session, table: Table, ids: list[int]) -> DeletedRows:  # noqa: ANN001 - Session
    """The rows of ``table`` with ``ids`` and every row that cascades from them, by table."""
    collected: dict[str, dict[Any, dict[str, Any]]] = {}

    def collect(current: Table, column: str, values: list) -> None:
        if not values:
            return
        rows = [dict(row) for row in session.execute(select(current).where(current.c[column].in_(values))).mappings()]
        kept = collected.setdefault(current.name, {})
        key = [c.name for c in current.primary_key]
        new = [row for row in rows if tuple(row[k] for k in key) not in kept]
        for row in new:
            kept[tuple(row[k] for k in key)] = row
        for child, child_column, parent_column in _cascading_children(current):
            collect(child, child_column, [row[parent_column] for row in new])

    collect(table, "id", ids)
    order = [t.name for t in Base.metadata.sorted_tables if t.name in collected]
    return DeletedRows(tuple((name, tuple(collected[name].values())) for name in order))


@repeatable
def delete_document_undoably(project: Project, name: str) -> tuple[ChangeSet, DeletedRows]:
    """Delete the document ``name`` (``services.delete_document``), having recorded everything that goes with it."""
    with project.transaction() as session:
        document = get_document(session, name)
        recorded = record_rows(session, Base.metadata.tables["document"], [document.id])
        return delete_document_in(session, name), recorded


@repeatable
def restore_rows(project: Project, recorded: DeletedRows) -> ChangeSet:
    """Put recorded rows back as they were, in one transaction."""
    changes = ChangeSet()
    with project.transaction() as session:
        for name, rows in recorded.tables:
            if rows:
                session.execute(insert(Base.metadata.tables[name]), list(rows))
    changes.created += [Ref("document", i) for i in recorded.ids("document")]
    changes.created += [Ref("coding", i) for i in recorded.ids("coding")]
    changes.created += [Ref("memo", i) for i in recorded.ids("memo")]
    return changes
