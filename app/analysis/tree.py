"""The code tree's display order, for listings and tables."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Code


def tree_order(session: Session) -> list[int]:
    """Code ids depth-first in the tree's order, as the code tree shows them."""
    children: defaultdict[int | None, list[int]] = defaultdict(list)
    for code_id, parent_id in session.execute(select(Code.id, Code.parent_id).order_by(Code.position, Code.id)):
        children[parent_id].append(code_id)
    order: list[int] = []
    stack = list(reversed(children[None]))
    while stack:
        code_id = stack.pop()
        order.append(code_id)
        stack.extend(reversed(children[code_id]))
    return order
