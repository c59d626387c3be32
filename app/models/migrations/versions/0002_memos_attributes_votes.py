"""Memos, typed attributes for speakers and documents, and votes/priority on turns (workshop cards).

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _one_target() -> str:
    # PostgreSQL cannot add booleans; the SQLite text is kept as files were created with it.
    if op.get_bind().dialect.name == "postgresql":
        return "num_nonnulls(document_id, code_id, speaker_id, coding_id) <= 1"
    return "(document_id IS NOT NULL) + (code_id IS NOT NULL) + (speaker_id IS NOT NULL) + (coding_id IS NOT NULL) <= 1"


def upgrade() -> None:
    op.create_table('attribute',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('type', sa.Enum('text', 'number', 'date', 'boolean', name='attributetype', native_enum=False, length=16), nullable=False),
    sa.Column('scope', sa.Enum('speaker', 'document', name='attributescope', native_enum=False, length=16), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attribute')),
    sa.UniqueConstraint('guid', name=op.f('uq_attribute_guid')),
    sa.UniqueConstraint('scope', 'name', name=op.f('uq_attribute_scope_name'))
    )
    op.create_table('attribute_value',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attribute_id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('value', sa.Text(), nullable=False),
    sa.CheckConstraint('(speaker_id IS NULL) <> (document_id IS NULL)', name=op.f('ck_attribute_value_one_owner')),
    sa.ForeignKeyConstraint(['attribute_id'], ['attribute.id'], name=op.f('fk_attribute_value_attribute_id_attribute'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_attribute_value_document_id_document'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_id'], ['speaker.id'], name=op.f('fk_attribute_value_speaker_id_speaker'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attribute_value')),
    sa.UniqueConstraint('attribute_id', 'document_id', name=op.f('uq_attribute_value_attribute_id_document_id')),
    sa.UniqueConstraint('attribute_id', 'speaker_id', name=op.f('uq_attribute_value_attribute_id_speaker_id'))
    )
    with op.batch_alter_table('attribute_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attribute_value_attribute_id'), ['attribute_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attribute_value_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attribute_value_speaker_id'), ['speaker_id'], unique=False)

    op.create_table('memo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=400), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('code_id', sa.Integer(), nullable=True),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('coding_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(_one_target(), name=op.f('ck_memo_one_target')),
    sa.ForeignKeyConstraint(['author_id'], ['coder.id'], name=op.f('fk_memo_author_id_coder'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['code_id'], ['code.id'], name=op.f('fk_memo_code_id_code'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coding_id'], ['coding.id'], name=op.f('fk_memo_coding_id_coding'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_memo_document_id_document'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_id'], ['speaker.id'], name=op.f('fk_memo_speaker_id_speaker'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memo')),
    sa.UniqueConstraint('guid', name=op.f('uq_memo_guid'))
    )
    with op.batch_alter_table('memo', schema=None) as batch_op:
        batch_op.create_index('uq_memo_code', ['code_id'], unique=True, sqlite_where=sa.text('code_id IS NOT NULL'), postgresql_where=sa.text('code_id IS NOT NULL'))
        batch_op.create_index('uq_memo_coding', ['coding_id'], unique=True, sqlite_where=sa.text('coding_id IS NOT NULL'), postgresql_where=sa.text('coding_id IS NOT NULL'))
        batch_op.create_index('uq_memo_document', ['document_id'], unique=True, sqlite_where=sa.text('document_id IS NOT NULL'), postgresql_where=sa.text('document_id IS NOT NULL'))
        batch_op.create_index('uq_memo_speaker', ['speaker_id'], unique=True, sqlite_where=sa.text('speaker_id IS NOT NULL'), postgresql_where=sa.text('speaker_id IS NOT NULL'))

    with op.batch_alter_table("turn", schema=None) as batch_op:
        batch_op.add_column(sa.Column("votes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("priority", sa.Integer(), nullable=True))


def downgrade() -> None:
    for table in ("memo", "attribute_value", "attribute"):
        op.drop_table(table)
    with op.batch_alter_table("turn", schema=None) as batch_op:
        batch_op.drop_column("priority")
        batch_op.drop_column("votes")
