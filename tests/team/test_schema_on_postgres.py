"""The same Alembic migrations build the same schema on PostgreSQL as on a project file."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from app.models import Base, migrations
from tests.team.cluster import SUPERUSER_PASSWORD


def test_the_migrations_build_the_models_schema_on_postgresql(team_url):
    engine = create_engine(team_url.replace("postgresql+psycopg://fc_admin@",
                                            f"postgresql+psycopg://fc_admin:{SUPERUSER_PASSWORD}@"))
    try:
        with engine.begin() as connection:
            migrations.upgrade_connection(connection)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrations.head()
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
            # Partial unique indexes are partial here too: the same name under two parents is allowed.
            where = connection.execute(text(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_code_top_level_name'"
            )).scalar()
            assert "WHERE (parent_id IS NULL)" in where
            triggers = set(connection.execute(text(
                "SELECT event_object_table FROM information_schema.triggers WHERE trigger_name = 'focuscoder_notify'"
            )).scalars())
            assert {"coding", "code", "memo", "document", "speaker"} <= triggers
        with engine.begin() as connection:  # and back down, step by step, to nothing
            command.downgrade(migrations._config(connection), "base")
            tables = set(connection.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )).scalars())
            assert tables == {"alembic_version"}
    finally:
        engine.dispose()


def test_constraints_hold_on_postgresql(team):
    project = team()
    with project.engine.connect() as connection:
        memo_check = connection.execute(text(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_memo_one_target'"
        )).scalar()
    assert "num_nonnulls" in memo_check
