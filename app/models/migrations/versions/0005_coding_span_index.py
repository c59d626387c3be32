"""A document's codings read from one index: (document, start) widened to cover every column the transcript view
reads, in the order it shows them.

Opening a transcript of 5,000 codings walked the old index and then looked up each coding's row (two thirds of
the query's time) and sorted them by end and id afterwards; the covering index gives them in order and alone.

Revision ID: 0005
Revises: 0004
"""

from alembic import op


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SPAN_COLUMNS = ["document_id", "start", "end", "id", "code_id", "coder_id", "weight"]


def upgrade() -> None:
    op.drop_index("ix_coding_document_start", table_name="coding")
    op.create_index("ix_coding_document_span", "coding", SPAN_COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_coding_document_span", table_name="coding")
    op.create_index("ix_coding_document_start", "coding", ["document_id", "start"])
