"""Row versions on codes, codings, memos and speakers; change notifications on a team (PostgreSQL) project.

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

VERSIONED = ("code", "coding", "memo", "speaker")
# What other desktop apps must hear about at once; the language index and the alembic table change rarely and
# with a document, whose notification covers them.
NOTIFIED = ("project", "coder", "document", "speaker", "speaker_alias", "turn", "code", "coding", "memo",
            "attribute", "attribute_value", "code_keyword", "stop_list")

# One notification per table and transaction: PostgreSQL folds identical payloads of one transaction into one,
# so the payload names only the table and the client (each app sets focuscoder.client on its connections, so it
# can ignore its own changes). Listeners re-read what they show.
NOTIFY_FUNCTION = """
CREATE OR REPLACE FUNCTION focuscoder_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('focuscoder', json_build_object(
        'table', TG_TABLE_NAME, 'client', coalesce(current_setting('focuscoder.client', true), ''))::text);
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(NOTIFY_FUNCTION)
        for table in NOTIFIED:
            op.execute(
                f'CREATE TRIGGER focuscoder_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
                "FOR EACH STATEMENT EXECUTE FUNCTION focuscoder_notify()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in NOTIFIED:
            op.execute(f'DROP TRIGGER IF EXISTS focuscoder_notify ON "{table}"')
        op.execute("DROP FUNCTION IF EXISTS focuscoder_notify()")
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
