"""Markdown transcripts read as Markdown: files written here in the shapes researchers' tools and sites write."""

from __future__ import annotations

from pathlib import Path

from app.importers import read_document
from app.importers.base import Block
from app.importers.markdown_reader import read_markdown


def write(tmp_path: Path, text: str, name: str = "interview.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def said(doc) -> list[tuple[str | None, str]]:
    return [(turn.speaker, doc.turn_text(turn)) for turn in doc.turns]


def test_front_matter_heading_bold_labels_and_inline_markup(tmp_path: Path) -> None:
    path = write(tmp_path, """---
title: "Fokusgruppe 2"
date: 2024-03-12
---

# Fokusgruppe 2: Übergang in Ausbildung

**Moderatorin:** Willkommen! Was hat bei *Ihnen* gut funktioniert?

**Herr Brandt (Handwerk):** Die [Einstiegsqualifizierung](https://example.org/eq) war der Schlüssel, \\
nicht die `Bewerbung`. Am 17\\. März ging es los.

**Moderatorin:**{: .speaker-a} Danke.
""")
    doc = read_document(path)
    assert doc.source_format == "md"
    assert doc.text.startswith("Fokusgruppe 2: Übergang in Ausbildung\nModeratorin: Willkommen!")
    assert "title:" not in doc.text and "**" not in doc.text and "https://" not in doc.text and "{:" not in doc.text
    assert said(doc) == [
        ("Moderatorin", "Willkommen! Was hat bei Ihnen gut funktioniert?"),
        ("Herr Brandt (Handwerk)", "Die Einstiegsqualifizierung war der Schlüssel,\nnicht die Bewerbung. "
                                   "Am 17. März ging es los."),
        ("Moderatorin", "Danke."),
    ]


def test_a_label_on_its_own_line_and_paragraphs_going_on(tmp_path: Path) -> None:
    path = write(tmp_path, """## Interview 4

**Interviewerin:**
Wie sind Sie zu Ihrem Betrieb gekommen?

**Befragter:**{: .text-green-000}
Über das Jobcenter.
Die Beraterin hat mich angerufen.

[lacht] Und dann ging alles schnell.

**Interviewerin:**
Schön.
""")
    doc = read_document(path)
    assert doc.speakers == ["Interviewerin", "Befragter"]
    assert said(doc) == [
        ("Interviewerin", "Wie sind Sie zu Ihrem Betrieb gekommen?"),
        ("Befragter", "Über das Jobcenter.\nDie Beraterin hat mich angerufen.\n[lacht] Und dann ging alles schnell."),
        ("Interviewerin", "Schön."),
    ]
    assert doc.text.startswith("Interview 4\nInterviewerin:\nWie sind")


def test_a_legend_list_is_not_a_turn_and_timed_lines_stay_turns(tmp_path: Path) -> None:
    path = write(tmp_path, """# Interview Ahmad

- I: Interviewerin
- B: Befragter, 24, Ausbildung zum Elektroniker
- P: [Projektseite](https://example.org)

---

00:00\u00a0I: Fangen wir an.  
00:04\u00a0B: Gern.  
00:05\u00a0B: Also, ich bin seit 2016 hier.

**beide lachen**

01:12 I: Danke.
""")
    doc = read_document(path)
    assert doc.speakers == ["I", "B"]
    head = doc.text[: doc.turns[0].start]
    assert "- I: Interviewerin\n- B: Befragter, 24, Ausbildung zum Elektroniker\n- P: Projektseite" in head
    assert said(doc) == [("I", "Fangen wir an."), ("B", "Gern."), ("B", "Also, ich bin seit 2016 hier.\nbeide lachen"),
                         ("I", "Danke.")]
    assert [turn.start_ms for turn in doc.turns] == [0, 4_000, 5_000, 72_000]
    assert "---" not in doc.text


def test_a_plain_text_transcript_saved_as_markdown(tmp_path: Path) -> None:
    # No blank lines between the turns: for Markdown one paragraph, for the reader one line per turn.
    doc = read_document(write(tmp_path, "I: Wie geht es Ihnen?\nB: Gut.\nI: Und der Kurs?\nB: Schwer, aber gut.\n"))
    assert said(doc) == [("I", "Wie geht es Ihnen?"), ("B", "Gut."), ("I", "Und der Kurs?"), ("B", "Schwer, aber gut.")]


def test_a_speaker_table_and_other_blocks(tmp_path: Path) -> None:
    path = write(tmp_path, """| Sprecher | Text |
|---|---|
| I: | Was war das größte Hindernis? |
| B1: | Die Sprache, ganz klar. Ohne B1-Zertifikat keine Ausbildung. |
| I: | Und bei Ihnen? |
| B2: | Bei mir war es die Wohnung, die war weit weg vom Betrieb. |

1. erste Maßnahme
2. zweite Maßnahme

> zitiert: ein Satz

```
B1: im Code-Block
```
""")
    blocks = read_markdown(path)
    assert blocks[:5] == [
        Block("Sprecher\tText"),
        Block("Was war das größte Hindernis?", "I"),
        Block("Die Sprache, ganz klar. Ohne B1-Zertifikat keine Ausbildung.", "B1"),
        Block("Und bei Ihnen?", "I"),
        Block("Bei mir war es die Wohnung, die war weit weg vom Betrieb.", "B2"),
    ]
    assert [block.text for block in blocks[5:]] == ["1. erste Maßnahme", "2. zweite Maßnahme", "zitiert: ein Satz",
                                                    "B1: im Code-Block"]


def test_empty_and_markup_only_files(tmp_path: Path) -> None:
    assert read_markdown(write(tmp_path, "")) == []
    assert read_markdown(write(tmp_path, "---\ntitle: x\n---\n\n***\n\n{: .note}\n")) == []
    doc = read_document(write(tmp_path, "# Nur eine Überschrift\n"))
    assert doc.text == "Nur eine Überschrift" and doc.turns == ()


def test_a_heading_is_never_a_label(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "# Teil 2: Maßnahmen\n\nI: Was hilft?\n\n## B1: Antworten\n\nB1: Sprache.\n"))
    assert said(doc) == [("I", "Was hilft?\nB1: Antworten"), ("B1", "Sprache.")]
