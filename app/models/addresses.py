"""Whether a project is named by a server address (a team project) or by a file's path; without SQLAlchemy,
which a command reading a project file does not need."""

from __future__ import annotations

from pathlib import Path

SCHEMES = ("postgresql", "postgres")


def is_team_location(location: str | Path) -> bool:
    """Whether ``location`` names a team project on a server (a URL) rather than a project file."""
    return isinstance(location, str) and location.split(":", 1)[0].split("+", 1)[0].lower() in SCHEMES
