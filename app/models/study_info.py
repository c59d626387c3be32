"""The study's description as plain data (no database): what the report's methods section is written from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class StudyInfo:
    title: str = ""
    date: date | None = None
    place: str = ""
    duration_minutes: int | None = None
    phases: tuple[str, ...] = ()  # one phase each, in their order
    transcription_rules: str = ""
    coding_procedure: str = ""
    points_per_person: int | None = None
    max_points_per_measure: int | None = None
    voters: int | None = None

    def is_empty(self) -> bool:
        return self == StudyInfo()

    @property
    def total_points(self) -> int | None:
        """The points the vote handed out (voters × points per person), when both are known."""
        if self.voters is None or self.points_per_person is None:
            return None
        return self.voters * self.points_per_person


def split_phases(stored: str | None) -> tuple[str, ...]:
    """The phases as stored (one a line) as a tuple, empty lines left out."""
    return tuple(line.strip() for line in (stored or "").split("\n") if line.strip())
