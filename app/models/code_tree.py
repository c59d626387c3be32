"""The code tree from its rows alone: each code's path (``Parent/Child``) and the tree's depth-first order.

Plain functions over ``(id, parent_id, ...)`` rows, so that a session's query and a read on the driver's
connection (the analyses' data) give the same paths in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

PATH_SEPARATOR = "/"


def code_paths_of(rows: Iterable[tuple[int, int | None, str]]) -> dict[int, str]:
    """Every code's path by id, from ``(id, parent_id, name)`` rows."""
    parents = {code_id: (parent_id, name) for code_id, parent_id, name in rows}
    paths: dict[int, str] = {}

    def path_of(code_id: int) -> str:
        if code_id not in paths:
            parent_id, name = parents[code_id]
            paths[code_id] = name if parent_id is None else f"{path_of(parent_id)}{PATH_SEPARATOR}{name}"
        return paths[code_id]

    for code_id in parents:
        path_of(code_id)
    return paths


def depth_first(rows: Iterable[tuple[int, int | None]]) -> list[int]:
    """Code ids depth-first, from ``(id, parent_id)`` rows in the siblings' order (position, then id)."""
    children: defaultdict[int | None, list[int]] = defaultdict(list)
    for code_id, parent_id in rows:
        children[parent_id].append(code_id)
    order: list[int] = []
    stack = list(reversed(children[None]))
    while stack:
        code_id = stack.pop()
        order.append(code_id)
        stack.extend(reversed(children[code_id]))
    return order
