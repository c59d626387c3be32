"""The bundled sample project: a fictional German workshop transcript, its speakers, a starter category system
and example codings, built from the plain files in ``resources/sample`` through the same readers and services a
researcher's own import uses (so the sample also shows that those work).
"""

from __future__ import annotations

import json
from pathlib import Path

from app.resources import resource_path

RESOURCES = resource_path("sample")
TRANSCRIPT = RESOURCES / "workshop_de.txt"
SAMPLE_NAME = "Beispielprojekt Fokusgruppe Arbeitsmarktintegration"


def default_sample_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("FocusCoder", appauthor=False) / "Beispielprojekt.fcproj"


def ensure_sample_project() -> Path:
    """The sample project in the user's data folder, built there on first use."""
    path = default_sample_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_sample_project(path)
    return path


def build_sample_project(path: Path) -> Path:
    """Write a fresh sample project to ``path`` (replacing a file there only once the new one is complete)."""
    from app import services
    from app.importers import read_document
    from app.models import AttributeType, create_project

    path = Path(path)
    partial = path.with_name(f".{path.stem}.building{path.suffix}")
    partial.unlink(missing_ok=True)
    try:
        with create_project(partial, name=SAMPLE_NAME, language="de") as project:
            services.import_documents(project, [read_document(TRANSCRIPT, name="Fokusgruppe Gelingensfaktoren")])
            for speaker in _load("speakers.json"):
                for attribute in ("role", "institution", "gender"):
                    if speaker.get(attribute):
                        services.set_attribute(
                            project, speaker=speaker["name"], name=_ATTRIBUTE_NAMES[attribute],
                            value=speaker[attribute], kind=AttributeType.TEXT,
                        )
            for path_, code in _walk(_load("categories.json")):
                services.add_code(
                    project, path_, color=code.get("color"), definition=code.get("definition", ""),
                    anchor_example=code.get("anchor_example", ""), coding_rule=code.get("coding_rule", ""),
                )
            document = "Fokusgruppe Gelingensfaktoren"
            for coding in _load("codings.json"):
                changes = services.apply_code_to_quote(
                    project, document=document, code=coding["code"], quote=coding["quote"],
                    occurrence=coding.get("occurrence", 1), coder=coding.get("coder", "default"),
                    weight=coding.get("weight", 0),
                )
                if coding.get("memo") and changes.ids("coding"):
                    services.set_memo(project, coding["memo"], coding_id=changes.ids("coding")[0])
            _add_vote_and_study(project)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _add_vote_and_study(project) -> None:  # noqa: ANN001 - a Project
    """The workshop's dot vote as the transcript reports it, and the study's description (``votes.json``,
    ``study.json``)."""
    from datetime import date

    from app.services.study import StudyInfo, set_study_info
    from app.services.votes import set_measures_parent, set_votes

    vote = _load("votes.json")
    set_measures_parent(project, vote["measures"])
    for code, points in vote["points"].items():
        set_votes(project, code, points)
    study = _load("study.json")
    set_study_info(project, StudyInfo(**{
        **study, "date": date.fromisoformat(study["date"]), "phases": tuple(study["phases"]),
    }))


# German attribute names: the sample is a German project.
_ATTRIBUTE_NAMES = {"role": "Rolle", "institution": "Institution", "gender": "Geschlecht"}


def _load(name: str):  # noqa: ANN202 - a list or an object, as the file holds
    return json.loads((RESOURCES / name).read_text(encoding="utf-8"))


def _walk(codes: list[dict], parent: str = "") -> list[tuple[str, dict]]:
    """Every code of the nested category file with its path, parents before children."""
    found = []
    for code in codes:
        path = f"{parent}/{code['name']}" if parent else code["name"]
        found.append((path, code))
        found += _walk(code.get("children", []), path)
    return found
