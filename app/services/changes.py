"""What a service call changed, and the one error a service raises.

Every service returns a ``ChangeSet`` naming the rows it created, updated and deleted, so the UI can refresh from
one signal and undo commands know what to reverse; the CLI prints from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ServiceError(Exception):
    """A change was refused (unknown code, span outside the text, duplicate name ...); nothing was written."""


@dataclass(frozen=True, slots=True)
class Ref:
    """One row: its kind (``"code"``, ``"coding"``, ``"document"``, ...) and id."""

    kind: str
    id: int


@dataclass(slots=True)
class ChangeSet:
    created: list[Ref] = field(default_factory=list)
    updated: list[Ref] = field(default_factory=list)
    deleted: list[Ref] = field(default_factory=list)

    def ids(self, kind: str, *, of: str = "created") -> list[int]:
        return [ref.id for ref in getattr(self, of) if ref.kind == kind]

    def merge(self, other: ChangeSet) -> ChangeSet:
        self.created += other.created
        self.updated += other.updated
        self.deleted += other.deleted
        return self

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted)
