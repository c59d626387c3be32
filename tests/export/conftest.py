"""Projects for the export tests, built through the services, and a plain-Python model of what they hold
(turns and codings as the test wrote them) to compute the expected figures independently."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app import services
from app.importers.base import ParsedDocument, ParsedTurn
from app.models import AttributeType, Project, create_project


def transcript(name: str, turns: list[tuple[str | None, str]], preamble: str = "") -> ParsedDocument:
    """``Speaker: words`` lines; each turn's span covers its words only, like the real turn parser's."""
    text, parsed = preamble, []
    for speaker, words in turns:
        label = f"{speaker}: " if speaker else ""
        start = len(text) + len(label)
        text += f"{label}{words}\n"
        parsed.append(ParsedTurn(speaker=speaker, start=start, end=start + len(words),
                                 start_ms=1000 * len(parsed) * 17))
    return ParsedDocument(name=name, text=text, source_name=f"{name}.txt", source_format="txt", turns=tuple(parsed))


@dataclass
class Model:
    """What the test put into the project, to count from by hand or in plain Python."""

    texts: dict[str, str] = field(default_factory=dict)
    turns: dict[str, list[ParsedTurn]] = field(default_factory=dict)
    codes: list[str] = field(default_factory=list)  # paths, parents first
    codings: list[tuple[str, str, int, int, int]] = field(default_factory=list)  # document, code, start, end, weight
    institution: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def new_project(tmp_path: Path):
    projects: list[Project] = []

    def make(name: str = "Studie", language: str = "de") -> Project:
        project = create_project(tmp_path / f"{name}-{len(projects)}.fcproj", name=name, language=language)
        projects.append(project)
        return project

    yield make
    for project in projects:
        project.close()


WORKSHOP = [
    ("Moderatorin", "Was hilft beim Einstieg?"),
    ("Anna", "Der Sprachkurs ist das A und O."),
    ("Yilmaz", "Ohne Anerkennung geht wenig."),
    ("Anna", "Die brauchen Begleitung."),
]


@pytest.fixture
def small_workshop(new_project) -> tuple[Project, ParsedDocument]:
    """One transcript, four turns, codes in two levels (one without codings), five codings."""
    project = new_project()
    parsed = transcript("Workshop", WORKSHOP, preamble="Protokoll\n")
    services.import_documents(project, [parsed])
    for speaker, value in (("Anna", "IHK"), ("Yilmaz", "Jobcenter"), ("Moderatorin", "Uni")):
        services.set_attribute(project, speaker=speaker, name="Institution", value=value, kind=AttributeType.TEXT)
    for path in ("Sprache", "Sprache/Kurse", "Anerkennung", "Maßnahmen/Mentoring", "Maßnahmen/Kurse", "Leer"):
        services.add_code(project, path, definition=f"Definition von {path}")
    quote = services.apply_code_to_quote
    quote(project, document="Workshop", code="Sprache/Kurse", quote="Der Sprachkurs ist das A und O.", weight=80)
    quote(project, document="Workshop", code="Sprache", quote="Sprachkurs", coder="Lena")
    quote(project, document="Workshop", code="Anerkennung", quote="Ohne Anerkennung geht wenig.")
    quote(project, document="Workshop", code="Maßnahmen/Mentoring", quote="Die brauchen Begleitung.", weight=50)
    quote(project, document="Workshop", code="Maßnahmen/Kurse", quote="das A und O.\nYilmaz: Ohne")
    return project, parsed


VOCABULARY = "Sprachkurs Anerkennung Ausbildungs-Duldung geht's Kita Äpfel Größe und die der ist 2024 Öl".split()


@pytest.fixture
def random_study(new_project) -> tuple[Project, Model]:
    """A seeded random study: three documents (one with text outside turns), five speakers with institutions,
    a two-level code tree and 160 codings of random spans, some across turns, some outside every turn."""
    rng = random.Random(4)
    project = new_project("Zufall")
    model = Model()
    speakers = ["Moderatorin", "Anna", "Berk", "Chiara", "Dana"]
    parsed = []
    for d in range(3):
        turns = [(rng.choice(speakers), " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(2, 12))))
                 for _ in range(rng.randint(6, 14))]
        doc = transcript(f"Gruppe {d + 1}", turns, preamble="Kopfzeile ohne Sprecher\n" if d == 1 else "")
        parsed.append(doc)
        model.texts[doc.name], model.turns[doc.name] = doc.text, list(doc.turns)
    services.import_documents(project, parsed)
    for speaker, institution in zip(speakers, ["Uni", "IHK", "IHK", "Jobcenter", None]):
        if institution:
            services.set_attribute(project, speaker=speaker, name="Institution", value=institution)
            model.institution[speaker] = institution
    for parent in ("Sprache", "Netzwerke", "Maßnahmen"):
        for child in ("A", "B", "C"):
            services.add_code(project, f"{parent}/{child}")
    services.add_code(project, "Sonstiges")
    model.codes = [c for p in ("Sprache", "Netzwerke", "Maßnahmen") for c in (p, f"{p}/A", f"{p}/B", f"{p}/C")]
    model.codes.append("Sonstiges")
    for _ in range(160):
        name = rng.choice(list(model.texts))
        text = model.texts[name]
        start = rng.randrange(len(text) - 2)
        end = min(len(text), start + rng.randint(1, 80))
        code, weight = rng.choice(model.codes), rng.choice((0, 0, 20, 60, 100))
        coder = rng.choice(("Lena", "Murat"))
        if services.apply_code(project, document=name, code=code, start=start, end=end, weight=weight, coder=coder):
            model.codings.append((name, code, start, end, weight))
    return project, model


@pytest.fixture
def make_transcript():
    """``make_transcript(name, [(speaker, words), ...])``: a ParsedDocument as a reader returns it."""
    return transcript
