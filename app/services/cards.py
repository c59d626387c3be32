"""Workshop cards sorted into clusters on the pinboard: each cluster becomes a code under a parent the researcher
names (e.g. "Maßnahmen"), and each card is coded with its cluster, in one transaction. The cards' points (their
turn's votes) then count for that measure in the priority ranking."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from app.models import Coding, Document, Project, Turn
from app.services.changes import ChangeSet, Ref, ServiceError
from app.services.codes import check_name, ensure_code_path
from app.services.lookup import ensure_coder_id, get_document, split_code_path


def code_cards_by_cluster(
    project: Project, document: str, parent: str, clusters: Sequence[str | None], *, coder: str = "default",
) -> ChangeSet:
    """Code the cards (turns, in their order) of ``document`` with the codes ``parent/cluster`` (made when
    missing); ``clusters`` gives each card's cluster, None for a card in none. A card coded so already stays."""
    names = [check_name(name) for name in split_code_path(parent)]
    changes = ChangeSet()
    with project.transaction() as session:
        doc: Document = get_document(session, document)
        turns = session.execute(
            select(Turn.start, Turn.end).where(Turn.document_id == doc.id).order_by(Turn.position)
        ).all()
        if len(turns) != len(clusters):
            raise ServiceError(f"'{document}' has {len(turns)} cards, but {len(clusters)} clusters were given.")
        ensure_code_path(session, names, changes)  # the parent, even when no card has a cluster
        coder_id = ensure_coder_id(session, coder)
        codes: dict[str, int] = {}
        for (start, end), cluster in zip(turns, clusters):
            if not cluster or not cluster.strip() or end <= start:
                continue
            name = check_name(cluster.replace("/", " – "))
            if name not in codes:
                codes[name] = ensure_code_path(session, [*names, name], changes)
            there = session.scalar(select(Coding.id).where(
                Coding.document_id == doc.id, Coding.code_id == codes[name], Coding.start == start,
                Coding.end == end, Coding.coder_id == coder_id,
            ))
            if there is None:
                coding = Coding(document_id=doc.id, code_id=codes[name], coder_id=coder_id, start=start, end=end)
                session.add(coding)
                session.flush()
                changes.created.append(Ref("coding", coding.id))
    return changes

