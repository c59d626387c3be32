"""Votes as data of their own (a measure's points from the dot vote, optionally by institution), the study's
description for the report's methods section with the code that holds the measures, and whether a speaker counts
as a participant (moderation and research team do not support a measure).

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NEW_TABLES = ("vote", "study")


def upgrade() -> None:
    op.create_table(
        "vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("institution", sa.String(length=200), server_default="", nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("points >= 0", name=op.f("ck_vote_points")),
        sa.ForeignKeyConstraint(["code_id"], ["code.id"], name=op.f("fk_vote_code_id_code"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote")),
        sa.UniqueConstraint("code_id", "institution", name=op.f("uq_vote_code_id_institution")),
        sa.UniqueConstraint("guid", name=op.f("uq_vote_guid")),
    )
    op.create_table(
        "study",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), server_default="", nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("place", sa.Text(), server_default="", nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("phases", sa.Text(), server_default="", nullable=False),
        sa.Column("transcription_rules", sa.Text(), server_default="", nullable=False),
        sa.Column("coding_procedure", sa.Text(), server_default="", nullable=False),
        sa.Column("points_per_person", sa.Integer(), nullable=True),
        sa.Column("max_points_per_measure", sa.Integer(), nullable=True),
        sa.Column("voters", sa.Integer(), nullable=True),
        sa.Column("measures_code_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["measures_code_id"], ["code.id"], name=op.f("fk_study_measures_code_id_code"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study")),
    )
    with op.batch_alter_table("speaker", schema=None) as batch_op:
        batch_op.add_column(sa.Column("participant", sa.Boolean(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":  # other desktop apps hear of a changed vote (see 0004)
        for table in NEW_TABLES:
            op.execute(
                f'CREATE TRIGGER focuscoder_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
                "FOR EACH STATEMENT EXECUTE FUNCTION focuscoder_notify()"
            )


def downgrade() -> None:
    with op.batch_alter_table("speaker", schema=None) as batch_op:
        batch_op.drop_column("participant")
    for table in NEW_TABLES:  # their triggers go with them
        op.drop_table(table)
