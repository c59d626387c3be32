"""The language index (words, lemmas, sentences per document), the vocabulary, stop lists and code keywords.

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stop_list',
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('words', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('language', name=op.f('pk_stop_list'))
    )
    op.create_table('term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.Column('stop', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_term')),
    sa.UniqueConstraint('language', 'key', name=op.f('uq_term_language_key'))
    )
    op.create_table('code_keyword',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code_id', sa.Integer(), nullable=False),
    sa.Column('query', sa.String(length=400), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['code_id'], ['code.id'], name=op.f('fk_code_keyword_code_id_code'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_code_keyword')),
    sa.UniqueConstraint('code_id', 'query', 'mode', name=op.f('uq_code_keyword_code_id_query_mode'))
    )
    with op.batch_alter_table('code_keyword', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_code_keyword_code_id'), ['code_id'], unique=False)

    op.create_table('text_index',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('pipeline', sa.String(length=80), nullable=False),
    sa.Column('words', sa.Integer(), nullable=False),
    sa.Column('built_at', sa.DateTime(), nullable=False),
    sa.Column('word_starts', sa.LargeBinary(), nullable=False),
    sa.Column('word_ends', sa.LargeBinary(), nullable=False),
    sa.Column('forms', sa.LargeBinary(), nullable=False),
    sa.Column('lemmas', sa.LargeBinary(), nullable=False),
    sa.Column('sentence_starts', sa.LargeBinary(), nullable=False),
    sa.Column('sentence_ends', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_text_index_document_id_document'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_text_index'))
    )


def downgrade() -> None:
    for table in ("text_index", "code_keyword", "term", "stop_list"):
        op.drop_table(table)
