"""Finding things by the names researchers use (document names, code paths, coder and speaker names)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Select, Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.models import Code, Coder, Document, Speaker, SpeakerAlias, speaker_key
from app.models.code_tree import PATH_SEPARATOR, code_paths_of
from app.services.changes import ServiceError


def split_code_path(path: str) -> list[str]:
    parts = [part.strip() for part in path.split(PATH_SEPARATOR)]
    if not path.strip() or any(not part for part in parts):
        raise ServiceError(f"'{path}' is not a code path (write it as Parent/Child).")
    return parts


def find_code(session: Session, path: str) -> Code | None:
    return _code_at(session, path, Code)


def get_code_id(session: Session, path: str) -> int:
    """The id of the code at ``path``, by column queries only (no Code object: applying a code needs its id)."""
    found = _code_at(session, path, Code.id)
    if found is None:
        raise ServiceError(f"There is no code '{path}'.")
    return found


def _code_at(session: Session, path: str, what):  # noqa: ANN001, ANN202 - Code, or one of its columns
    """Walk the tree by name from the top, one query per level (a single joined query was slower on SQLite);
    the last level gives ``what``."""
    names = split_code_path(path)
    parent_id: int | None = None
    found = None
    for depth, name in enumerate(names):
        same_parent = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
        wanted = what if depth == len(names) - 1 else Code.id
        found = session.execute(select(wanted).where(same_parent, Code.name == name)).scalar_one_or_none()
        if found is None:
            return None
        parent_id = found
    return found


def get_code(session: Session, path: str) -> Code:
    code = find_code(session, path)
    if code is None:
        raise ServiceError(f"There is no code '{path}'.")
    return code


def code_path(session: Session, code: Code) -> str:
    names = [code.name]
    while code.parent_id is not None:
        code = session.get(Code, code.parent_id)
        names.append(code.name)
    return PATH_SEPARATOR.join(reversed(names))


def code_paths(session: Session) -> dict[int, str]:
    """Every code's path by id, in one query (for listings of many codes)."""
    return code_paths_of(session.execute(select(Code.id, Code.parent_id, Code.name)))


def get_document(session: Session, name: str) -> Document:
    document = session.scalars(select(Document).where(Document.name == name)).one_or_none()
    if document is None:
        raise ServiceError(f"There is no document '{name}'.")
    return document


def find_speaker(session: Session, name: str) -> Speaker | None:
    """The speaker this name (or one of its aliases) belongs to, compared as speaker_key does."""
    key = speaker_key(name)
    speaker = session.scalars(select(Speaker).where(Speaker.key == key)).one_or_none()
    if speaker is None:
        alias = session.scalars(select(SpeakerAlias).where(SpeakerAlias.key == key)).one_or_none()
        speaker = alias.speaker if alias is not None else None
    return speaker


def get_speaker(session: Session, name: str) -> Speaker:
    speaker = find_speaker(session, name)
    if speaker is None:
        raise ServiceError(f"There is no speaker '{name}'.")
    return speaker


def insert_or_find(
    session: Session, table: Table, values: dict | Callable[[], dict], found: Select
) -> tuple[int, bool]:
    """The id of the row ``found`` selects, inserted from ``values`` when there is none; and whether it was.

    Race-free on a team server: ``INSERT ... ON CONFLICT DO NOTHING``, then the ``SELECT`` again, in the change's
    own transaction. A colleague creating the same row at the same moment makes PostgreSQL wait for their commit and
    then do nothing, and the second look finds their row, so the same coder, code or attribute made twice at once is
    one row and no refusal. On SQLite, with one writer at a time, it is the same statements. Looked up first, as a
    row that exists is the usual case (and an INSERT that does nothing still uses up a number of the sequence);
    ``values`` may be a function, called only when the row is missing.
    """
    existing = session.execute(found).scalar_one_or_none()
    if existing is not None:
        return existing, False
    if callable(values):
        values = values()
    dialect = postgresql if session.connection().dialect.name == "postgresql" else sqlite
    # No conflict target: the top-level code names have a partial unique index, and any unique column counts.
    statement = dialect.insert(table).values(**values).on_conflict_do_nothing().returning(table.c.id)
    new_id = session.execute(statement).scalar_one_or_none()
    if new_id is not None:
        return new_id, True
    return session.execute(found).scalar_one(), False


def ensure_coder_id(session: Session, name: str) -> int:
    """The id of the coder of this name, created on first use (a column query when the coder exists)."""
    name = name.strip()
    if not name:
        raise ServiceError("A coder needs a name.")
    coder_id, _created = insert_or_find(
        session, Coder.__table__, {"name": name}, select(Coder.id).where(Coder.name == name)
    )
    return coder_id


def ensure_coder(session: Session, name: str) -> Coder:
    """The coder of this name, created on first use."""
    return session.get(Coder, ensure_coder_id(session, name))
