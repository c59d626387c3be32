"""The study's description (title, date, place, duration, phases, transcription rules, coding procedure and the
rules of the dot vote) that the report's methods section is written from. One record, set as a whole, so undo
puts the previous one back."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from app.models import Project, Study
from app.models.study_info import StudyInfo, split_phases
from app.services.changes import ChangeSet, Ref, ServiceError
from app.services.votes import study_row

MAX_NUMBER = 100_000


_NUMBERS = ("duration_minutes", "points_per_person", "max_points_per_measure", "voters")


def study_info(project: Project) -> StudyInfo:
    with project.reading() as session:
        study = session.get(Study, 1)
        return StudyInfo() if study is None else info_of_row(study)


def info_of_row(study: Study) -> StudyInfo:
    return StudyInfo(
        title=study.title or "", date=study.date, place=study.place or "",
        duration_minutes=study.duration_minutes,
        phases=split_phases(study.phases),
        transcription_rules=study.transcription_rules or "", coding_procedure=study.coding_procedure or "",
        points_per_person=study.points_per_person, max_points_per_measure=study.max_points_per_measure,
        voters=study.voters,
    )


def checked_info(info: StudyInfo) -> StudyInfo:
    """``info`` with its texts trimmed; a number below 0 or absurdly large, or a date that is none, refused."""
    for name in _NUMBERS:
        value = getattr(info, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise ServiceError(f"{name.replace('_', ' ')}: '{value}' is not a whole number.")
        if not 0 <= value <= MAX_NUMBER:
            raise ServiceError(f"{name.replace('_', ' ')}: {value} is out of range (0 to {MAX_NUMBER:,}).")
    if info.date is not None and not isinstance(info.date, date):
        raise ServiceError(f"'{info.date}' is not a date.")
    if (info.points_per_person is not None and info.max_points_per_measure is not None
            and info.max_points_per_measure > info.points_per_person):
        raise ServiceError("A person cannot put more points on one measure than they have.")
    phases = tuple(phase.strip() for phase in info.phases if phase.strip())
    if any("\n" in phase for phase in phases):
        raise ServiceError("A phase is one line.")
    return StudyInfo(**{
        **{f.name: getattr(info, f.name) for f in fields(info)},
        "title": info.title.strip(), "place": info.place.strip(), "phases": phases,
        "transcription_rules": info.transcription_rules.strip(), "coding_procedure": info.coding_procedure.strip(),
    })


def set_study_info(project: Project, info: StudyInfo) -> ChangeSet:
    """Replace the study's description with ``info`` (the measures parent stays as it is)."""
    info = checked_info(info)
    with project.transaction() as session:
        study = study_row(session)
        if info_of_row(study) == info:
            return ChangeSet()
        for f in fields(info):
            value = getattr(info, f.name)
            setattr(study, f.name, "\n".join(value) if f.name == "phases" else value)
        return ChangeSet(updated=[Ref("study", study.id)])
