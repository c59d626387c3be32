"""Who may do what in a team project: PostgreSQL group roles and grants, so the database itself enforces it.

Each team project (one database) has three group roles, named after the database:

- ``<db>_reader`` reads everything;
- ``<db>_coder`` also codes: codings, memos, its own coder entry (and the language index, built on a search);
- ``<db>_editor`` also changes the code tree, documents, speakers and attributes.

The owner (who published the project) can do everything and hands out roles with ``focuscoder team role``.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from app.models.errors import ProjectFileError

ROLES = ("reader", "coder", "editor")
# What a coder writes; everything else is the editors' (the alembic table only the owner's). The language index
# (text_index, term) is derived from the texts and built by whoever searches first, so coders may write it too.
CODER_TABLES = ("coding", "memo", "coder", "text_index", "term")
EDITOR_EXCLUDED = ("alembic_version",)


def group_role(database: str, role: str) -> str:
    return f"{database}_{role}"[:63]  # PostgreSQL truncates names to 63 bytes; do it ourselves, visibly


def _quoted(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def create_group_roles(connection: Connection) -> None:
    """Create the three group roles of this database (if missing) and grant them their rights."""
    database = connection.execute(text("SELECT current_database()")).scalar()
    tables = list(connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
    )).scalars())
    sequences = list(connection.execute(text(
        "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()"
    )).scalars())
    names = {role: _quoted(connection, group_role(database, role)) for role in ROLES}
    for role, name in names.items():
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                                    {"n": group_role(database, role)}).scalar()
        if not exists:
            connection.execute(text(f"CREATE ROLE {name} NOLOGIN"))
    # Each role includes the one below it, so a grant to "coder" is also a grant to "editor".
    connection.execute(text(f"GRANT {names['reader']} TO {names['coder']}"))
    connection.execute(text(f"GRANT {names['coder']} TO {names['editor']}"))
    # Only the team may connect at all (PostgreSQL lets everyone connect to a new database).
    connection.execute(text(f"REVOKE CONNECT, TEMPORARY ON DATABASE {_quoted(connection, database)} FROM PUBLIC"))
    connection.execute(text(f'GRANT CONNECT ON DATABASE {_quoted(connection, database)} TO {names["reader"]}'))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {names['reader']}"))
    for table in tables:
        quoted = _quoted(connection, table)
        connection.execute(text(f"GRANT SELECT ON {quoted} TO {names['reader']}"))
        if table in CODER_TABLES:
            connection.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {quoted} TO {names['coder']}"))
        elif table not in EDITOR_EXCLUDED:
            connection.execute(text(f"GRANT INSERT, UPDATE, DELETE, TRUNCATE ON {quoted} TO {names['editor']}"))
    for sequence in sequences:
        quoted = _quoted(connection, sequence)
        owner = "coder" if any(sequence.startswith(f"{table}_") for table in CODER_TABLES) else "editor"
        connection.execute(text(f"GRANT USAGE, SELECT ON SEQUENCE {quoted} TO {names[owner]}"))


def set_member_role(connection: Connection, member: str, role: str | None) -> None:
    """Give a login role (a colleague) one team role, or none (``None``: no access any more)."""
    if role is not None and role not in ROLES:
        raise ProjectFileError(f"'{role}' is not a team role; choose one of {', '.join(ROLES)}.")
    database = connection.execute(text("SELECT current_database()")).scalar()
    if not connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": member}).scalar():
        raise ProjectFileError(
            f"There is no user '{member}' on the server; the server's administrator creates users "
            f"(CREATE ROLE {member} LOGIN PASSWORD ...)."
        )
    quoted_member = _quoted(connection, member)
    for other in ROLES:
        group = group_role(database, other)
        if connection.execute(text("SELECT pg_has_role(:m, :g, 'MEMBER') AND EXISTS "
                                   "(SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                                   "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = :g AND m.rolname = :m)"),
                              {"m": member, "g": group}).scalar():
            connection.execute(text(f"REVOKE {_quoted(connection, group)} FROM {quoted_member}"))
    if role is not None:
        connection.execute(text(f"GRANT {_quoted(connection, group_role(database, role))} TO {quoted_member}"))


def members(connection: Connection) -> list[tuple[str, str]]:
    """(user, role) of everyone given a role in this team project."""
    database = connection.execute(text("SELECT current_database()")).scalar()
    rows = connection.execute(text(
        "SELECT m.rolname, g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
        "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = ANY(:groups) AND m.rolcanlogin ORDER BY m.rolname"
    ), {"groups": [group_role(database, role) for role in ROLES]}).all()
    prefix = len(database) + 1
    return [(member, group[prefix:]) for member, group in rows]
