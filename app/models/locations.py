"""One door to a project, wherever it lives: a ``.fcproj`` file, or a team project on a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

from app.models.project_file import Project, open_project
from app.models.team import TeamProject, is_team_location, open_team_project

AnyProject = Project | TeamProject


def open_location(
    location: str | Path,
    *,
    read_only: bool = False,
    take_over: bool = False,
    backup: bool = False,
    password: str | None = None,
) -> AnyProject:
    """Open a project file by path or a team project by URL (``postgresql+psycopg://user@host/db``)."""
    if is_team_location(str(location)):
        return open_team_project(str(location), password=password, read_only=read_only)
    return open_project(location, read_only=read_only, take_over=take_over, backup=backup)
