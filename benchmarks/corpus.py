"""A deterministic generator of realistic synthetic studies for the benchmarks.

German-like focus-group transcripts (``[hh:mm:ss] Name: text`` turns, a moderator and practitioners), a
two-level code tree and codings with overlaps. The same seed and size give the same study, byte for byte.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

# Words of the workshop's vocabulary; inflected forms on purpose (lemma search will need them).
WORDS = (
    "der die das und ist nicht wir ich sie es ein eine auch auf mit für bei den dem zu im von dass aber "
    "schon sehr noch wenn dann also genau einfach wirklich eigentlich oft immer gerade natürlich "
    "Sprachkurs Sprachkurse Sprachkursen Deutschkenntnisse Anerkennung anerkannt Abschluss Abschlüsse "
    "Ausbildung Ausbildungsplatz Betrieb Betriebe Arbeitgeber Arbeitgeberin Jobcenter Kammer IHK "
    "Berufsschule Praktikum Praktika Mentoring Mentorin Netzwerk Netzwerke Beratung Fallmanagement "
    "Kinderbetreuung Kita Mobilität Führerschein Bus Aufenthalt Duldung Ausbildungsduldung Gesundheit "
    "Wohnung Behörde Formular Termin Geflüchtete Geflüchteten Teilnehmende Kollegen Erfahrung Erfahrungen "
    "brauchen brauchten helfen hilft funktioniert klappt dauert dauern fehlt fehlen unterstützen begleiten "
    "wichtig schwierig gut besser schnell langsam konkret praktisch sprachlich beruflich gemeinsam"
).split()
SPEAKERS = (
    "Moderatorin", "Frau Berger (Jobcenter)", "Herr Okafor (IHK)", "Frau Yıldız (Bildungsträger)",
    "Herr Brandt (Handwerksbetrieb)", "Frau Haddad (Ehrenamt)", "Herr Lindner (Berufsschule)",
    "Frau Nowak (Migrationsberatung)",
)
PARENTS = (
    "Sprache", "Anerkennung", "Aufenthalt", "Netzwerke", "Arbeitgeber", "Kinderbetreuung", "Mobilität",
    "Gesundheit", "Beratung", "Maßnahmen",
)


@dataclass(frozen=True)
class SyntheticCoding:
    document: int
    code: str
    start: int
    end: int
    coder: str
    weight: int


@dataclass
class Study:
    documents: list[tuple[str, str]] = field(default_factory=list)  # (name, text)
    codes: list[str] = field(default_factory=list)  # paths, parents first
    codings: list[SyntheticCoding] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(len(text.split()) for _, text in self.documents)

    def write_transcripts(self, folder: Path) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, text in self.documents:
            path = folder / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        return paths


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 18))]
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + rng.choice(".....?!")


def transcript(rng: random.Random, words: int, title: str) -> str:
    """One focus group of about ``words`` words, with a header line and time-stamped turns."""
    lines = [f"{title} – synthetisches Transkript für Benchmarks"]
    seconds, written = 0, 0
    while written < words:
        speaker = SPEAKERS[0] if rng.random() < 0.2 else rng.choice(SPEAKERS[1:])
        sentences = [_sentence(rng) for _ in range(rng.choice((1, 1, 2, 3, 5, 8)))]
        body = " ".join(sentences)
        written += len(body.split())
        hh, mm, ss = seconds // 3600, seconds // 60 % 60, seconds % 60
        lines.append(f"[{hh:02d}:{mm:02d}:{ss:02d}] {speaker}: {body}")
        seconds += max(3, len(body.split()) // 2)
    return "\n".join(lines) + "\n"


def code_tree() -> list[str]:
    paths = []
    for parent in PARENTS:
        paths.append(parent)
        paths += [f"{parent}/Aspekt {index}" for index in range(1, 10)]
    return paths


def make_study(words: int, codings: int, *, document_words: int = 20_000, seed: int = 1) -> Study:
    """A study of about ``words`` words in documents of ``document_words`` and ``codings`` codings."""
    rng = random.Random(seed)
    study = Study(codes=code_tree())
    count = max(1, round(words / document_words))
    for index in range(count):
        name = f"Fokusgruppe {index + 1:03d}"
        study.documents.append((name, transcript(rng, words // count, name)))
    leaves = [path for path in study.codes if "/" in path]
    for _ in range(codings):
        document = rng.randrange(count)
        text = study.documents[document][1]
        start = rng.randrange(0, len(text) - 400)
        start = text.rfind(" ", 0, start) + 1  # codings begin and end at word boundaries, as people select
        end = text.find(" ", start + rng.randint(20, 350))
        end = end if end > start else len(text)
        study.codings.append(
            SyntheticCoding(
                document=document,
                code=rng.choice(leaves),
                start=start,
                end=end,
                coder=rng.choice(("Lena", "Murat")),
                weight=rng.choice((0, 0, 25, 50, 75, 100)),
            )
        )
    return study
