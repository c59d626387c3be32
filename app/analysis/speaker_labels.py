"""How a report names the speakers: by their names (the internal report), or by "role (institution)" for a report
that goes to partners, who were promised that nobody is named. Pseudonyms (a key kept apart from the project) come
as one more way here: ``SPEAKER_LABELS`` and ``speaker_labels`` are the hook.

``with_speaker_names`` gives the same data with the speakers renamed, so every analysis, table and chart shows the
chosen labels without knowing of them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from app.analysis.dataset import ProjectData
from app.analysis.priorities import institution_attribute

SPEAKER_LABELS = ("name", "role_institution")  # later: "pseudonym"
ROLE_NAMES = ("rolle", "role", "funktion", "function")


def role_attribute(data: ProjectData) -> str | None:
    """The speaker attribute that names a speaker's role, if the project has one."""
    by_folded = {name.casefold(): name for name in data.attribute_names()}
    return next((by_folded[n] for n in ROLE_NAMES if n in by_folded), None)


def speaker_labels(data: ProjectData, how: str, *, unknown: str = "Person") -> dict[int, str]:
    """Per speaker id its label: ``how`` is one of ``SPEAKER_LABELS``. Labels are unique: speakers of the same
    role and institution are numbered in the order they first speak ("Fachkraft (Jobcenter) 1", "… 2"); a speaker
    with neither is ``unknown`` with a number."""
    if how == "name":
        return dict(data.speakers)
    if how != "role_institution":
        raise ValueError(f"unknown speaker label {how!r}")
    role, institution = role_attribute(data), institution_attribute(data)
    labels = {}
    for speaker_id in data.speakers:
        said = data.attribute_of(speaker_id, role) if role else None
        where = data.attribute_of(speaker_id, institution) if institution else None
        if said and where:
            labels[speaker_id] = f"{said} ({where})"
        else:
            labels[speaker_id] = said or where or unknown
    counts, seen = Counter(labels.values()), Counter()
    for speaker_id, label in labels.items():
        if counts[label] > 1 or label == unknown:
            seen[label] += 1
            labels[speaker_id] = f"{label} {seen[label]}"
    return labels


def with_speaker_names(data: ProjectData, names: dict[int, str]) -> ProjectData:
    """``data`` (as read, or its segments) with the speakers called ``names``; what it derived is taken along."""
    if names == data.speakers:
        return data
    renamed = replace(data, speakers={sid: names.get(sid, name) for sid, name in data.speakers.items()},
                      _parts=None)
    renamed.__dict__.update({key: value for key, value in data.__dict__.items() if key not in renamed.__dict__})
    if data._parts is not None:
        renamed._parts = replace(data._parts, data=renamed)
        if "words" in data._parts.__dict__:
            renamed._parts.__dict__["words"] = data._parts.words
    if data._segments is data:
        renamed._segments = renamed
    renamed._codings = data._codings
    return renamed
