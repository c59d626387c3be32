"""The code tree's display order, for listings and tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.models.code_tree import depth_first

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def tree_order(session: Session) -> list[int]:
    """Code ids depth-first in the tree's order, as the code tree shows them."""
    from sqlalchemy import select

    from app.models import Code

    return depth_first(session.execute(select(Code.id, Code.parent_id).order_by(Code.position, Code.id)))
