"""What a service call changed, and the one error a service raises.

Every service returns a ``ChangeSet`` naming the rows it created, updated and deleted, so the UI can refresh from
one signal and undo commands know what to reverse; the CLI prints from it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

R = TypeVar("R")


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


def repeatable(service: Callable[..., R]) -> Callable[..., R]:
    """Mark a service as safe to run again from its start (it takes names and ids, reads what it needs inside its
    one transaction and writes nothing outside it). On a team project it is then made again after a collision
    with a colleague's change or a lost connection (``models/team_retries.py``); on a project file it runs once."""

    @functools.wraps(service)
    def run(project, *args, **kwargs):  # noqa: ANN001, ANN202 - Project or TeamProject
        again = getattr(project, "repeat", None)
        if again is None:
            return service(project, *args, **kwargs)
        # A generator handed in would be used up by the first run: each run gets the same items.
        args = tuple(list(arg) if isinstance(arg, Iterator) else arg for arg in args)
        kwargs = {key: list(arg) if isinstance(arg, Iterator) else arg for key, arg in kwargs.items()}
        return again(lambda: service(project, *args, **kwargs))

    return run
