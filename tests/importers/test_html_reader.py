"""HTML transcripts: noScribe's, written here the way noScribe's writer lays them out, and HTML in general."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers import read_document
from app.importers.base import Block, ReaderError
from app.importers.html_reader import read_html_blocks

GREY = "#78909C"


def clock(ms: int) -> str:
    seconds = ms // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def noscribe_html(segments: list[tuple[int, int, str, str]], *, title: str = "interview_03",
                  timestamps: bool = True) -> str:
    """A transcript as noScribe writes it: (start ms, end ms, speaker, text) per recognised segment; a speaker
    "//S01" is overlapping speech, "" no speaker detection. Paragraphs open at a change of speaker, overlapping
    speech stays inline, marked //...//."""
    paragraphs: list[list[str]] = [[]]
    speaker = previous = ""
    for start, end, new, text in segments:
        seg = " " + html.escape(text, quote=False)
        ts = f"[{clock(start)}]"
        if new and new != speaker:
            if new.startswith("//"):
                previous, speaker = speaker, new
                seg = f" {speaker}:{seg}"
            elif speaker.startswith("//") and new == previous:
                speaker = new
                seg = f"//{seg}"
            else:
                if speaker.startswith("//") and paragraphs[-1]:
                    paragraphs[-1][-1] = paragraphs[-1][-1].replace("</a>", "//</a>")
                paragraphs.append([])
                speaker = new
                if timestamps:
                    seg = f'{speaker} <span style="color: {GREY}" >{ts}</span>:{seg}'
                else:
                    seg = f"{speaker}:{seg}"
        elif not new and not paragraphs[-1]:
            seg = seg.lstrip()
        paragraphs[-1].append(f'<a name="ts_{start}_{end}_{speaker}" >{seg}</a>')
    body = "".join(f"<p>{''.join(anchors)}</p>\n" for anchors in paragraphs)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="UTF-8" />\n<meta name="audio_source" '
        f'content="C:/Users/forschung/Aufnahmen/{title}.mp3" />\n<style>\np {{ line-height: 1.4; }}\n</style></head>'
        f'<body><div class="WordSection1"><p style="font-weight: 600;" >{title}</p>\n'
        '<p><span style="color: #909090; font-size: 0.8em;" >Transkribiert mit noScribe vers. 0.6.2<br />'
        f"Audio-Datei: C:/Users/forschung/Aufnahmen/{title}.mp3<br />(Sprache: Deutsch, Sprechererkennung: auto, "
        f"Überlappende Sprache: ja, Zeitmarken: ja)</span></p>\n{body}</div></body></html>"
    )


def write(tmp_path: Path, content: str, name: str = "interview_03.html") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def said(doc) -> list[tuple[str | None, str, int | None, int | None]]:
    return [(t.speaker, doc.turn_text(t), t.start_ms, t.end_ms) for t in doc.turns]


SEGMENTS = [
    (0, 4_120, "S00", "Herzlich willkommen. Wir sprechen heute über den Übergang in Ausbildung."),
    (4_120, 7_900, "S00", "Was war für Sie am schwierigsten?"),
    (8_300, 15_020, "S01", "Am Anfang die Sprache, ganz klar."),
    (15_020, 17_400, "S01", "Und dann die Anerkennung & die Wartezeit."),
    (17_400, 18_100, "//S00", "Mhm."),
    (18_100, 21_000, "S01", "Das hat fast ein Jahr gedauert."),
    (21_500, 24_000, "S02", "Bei uns im Betrieb war das anders."),
    (24_000, 25_000, "//S01", "Wirklich?"),
    (25_200, 27_000, "S00", "Danke. Dazu gleich mehr."),
]


def test_noscribe_speakers_times_and_header(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, noscribe_html(SEGMENTS)))
    assert doc.source_format == "html" and doc.name == "interview_03"
    assert doc.speakers == ["S00", "S01", "S02"]
    header = doc.text[: doc.turns[0].start]
    assert header.startswith("interview_03\nTranskribiert mit noScribe vers. 0.6.2\nAudio-Datei: ")
    assert "S00 [00:00:00]: Herzlich willkommen." in doc.text  # the label and its time stay in the text
    assert said(doc) == [
        ("S00", "Herzlich willkommen. Wir sprechen heute über den Übergang in Ausbildung. Was war für Sie am "
                "schwierigsten?", 0, 7_900),
        ("S01", "Am Anfang die Sprache, ganz klar. Und dann die Anerkennung & die Wartezeit.", 8_300, 17_400),
        ("S00", "Mhm.", 17_400, 18_100),  # overlapping speech: a turn of its own speaker, where it was spoken
        ("S01", "Das hat fast ein Jahr gedauert.", 18_100, 21_000),
        ("S02", "Bei uns im Betrieb war das anders.", 21_500, 24_000),
        ("S01", "Wirklich?", 24_000, 25_000),
        ("S00", "Danke. Dazu gleich mehr.", 25_200, 27_000),
    ]
    # The overlap stays inline, marked as noScribe marks it.
    assert "Wartezeit. //S00: Mhm.// Das hat fast" in doc.text
    assert "Betrieb war das anders. //S01: Wirklich?//\nS00 [00:00:25]: Danke." in doc.text


def test_noscribe_without_time_marks_in_the_text(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, noscribe_html(SEGMENTS[:3], timestamps=False)))
    assert said(doc)[-1] == ("S01", "Am Anfang die Sprache, ganz klar.", 8_300, 15_020)
    assert "S01: Am Anfang" in doc.text


def test_noscribe_without_speaker_detection(tmp_path: Path) -> None:
    segments = [(0, 3_000, "", "Also, wir fangen an."), (3_000, 6_500, "", "Die Sprache ist das Wichtigste."),
                (6_500, 9_000, "", "Und der Betrieb.")]
    doc = read_document(write(tmp_path, noscribe_html(segments)))
    assert doc.speakers == []
    assert said(doc) == [
        (None, "Also, wir fangen an.", 0, 3_000),
        (None, "Die Sprache ist das Wichtigste.", 3_000, 6_500),
        (None, "Und der Betrieb.", 6_500, 9_000),
    ]


def test_noscribe_speakers_renamed_in_its_editor(tmp_path: Path) -> None:
    content = noscribe_html(SEGMENTS[:3]).replace("S00 <span", "Moderatorin <span")
    content = content.replace("S01 <span", "Herr Brandt <span")
    doc = read_document(write(tmp_path, content))
    assert doc.speakers == ["Moderatorin", "Herr Brandt"]


def test_html_in_general(tmp_path: Path) -> None:
    content = """<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<html><head><title>Fokusgruppe</title><style>b { color: red }</style><script>alert("x")</script></head>
<body><h1>Fokusgruppe 2: Übergang</h1>
<p><b>Moderatorin:</b> Willkommen &amp; danke, dass Sie da sind.<br>Bitte stellen Sie sich vor.</p>
<p><b>Herr Brandt (Handwerk):</b>   Brandt,&nbsp;Handwerksbetrieb. &secret;</p>
<div><p>Moderatorin: Danke.</p></div>
<ul><li>erste Maßnahme</li><li>zweite Maßnahme</li></ul>
<table><tr><th>Sprecher</th><th>Text</th></tr>
<tr><td>I:</td><td>Was war das größte Hindernis?</td></tr>
<tr><td>B1:</td><td>Die Sprache, ganz klar, ohne Kurs nichts.</td></tr>
<tr><td>I:</td><td>Und bei Ihnen?</td></tr>
<tr><td>B2:</td><td>Die Wohnung, weit weg vom Betrieb, jeden Tag zwei Stunden.</td></tr>
</table>
<pre>Notiz:   eingerückt
  zweite Zeile</pre>
</body></html>"""
    path = write(tmp_path, content, "fokus.htm")
    doc = read_document(path)
    assert doc.source_format == "html"
    assert "alert" not in doc.text and "color" not in doc.text and "root:" not in doc.text
    assert doc.text.startswith("Fokusgruppe 2: Übergang\nModeratorin: Willkommen & danke")
    assert [(t.speaker, doc.turn_text(t)) for t in doc.turns][:3] == [
        ("Moderatorin", "Willkommen & danke, dass Sie da sind.\nBitte stellen Sie sich vor."),
        ("Herr Brandt (Handwerk)", "Brandt,\u00a0Handwerksbetrieb. &secret;"),
        ("Moderatorin", "Danke.\nerste Maßnahme\nzweite Maßnahme\nSprecher\tText"),
    ]
    assert [t.speaker for t in doc.turns][3:] == ["I", "B1", "I", "B2"]
    blocks = read_html_blocks(path)
    assert blocks[0] == Block("Fokusgruppe 2: Übergang", None, True)
    assert blocks[-2:] == [Block("Notiz:   eingerückt"), Block("  zweite Zeile")]


@pytest.mark.parametrize("content", ["", "   ", "<html></html>", "<p></p>"])
def test_html_without_text(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, content, "leer.html")
    try:
        doc = read_document(path)
    except ReaderError as error:
        assert str(error).startswith("leer.html: ")
    else:
        assert doc.text == "" and doc.turns == ()


HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<br>", "<b>", "</b>", "<a name=\"ts_0_100_S00\">", "<a name=\"ts_100_50_//S01\">", "</a>",
    "<a name=\"ts_x\">", "<table>", "<tr>", "<td>", "</table>", "<h2>", "</h2>", "<pre>", "</pre>", "<!--", "-->",
    "<script>", "S00 [00:00:01]: ", "//", "Anna: ", "text ", "&amp;", "&#0;", "\u0301", "\n", "<span>", "<div>",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(HTML_PIECES, max_size=40))
def test_any_html_gives_a_document_or_a_reader_error(tmp_path: Path, pieces: list[str]) -> None:
    path = write(tmp_path, "".join(pieces), "fuzz.html")
    try:
        doc = read_document(path)
    except ReaderError as error:
        assert str(error).startswith("fuzz.html: ")
        return
    previous_end = 0
    for turn in doc.turns:
        assert previous_end <= turn.start < turn.end <= len(doc.text)
        assert doc.turn_text(turn) == doc.turn_text(turn).strip()
        previous_end = turn.end


def test_the_speakers_option_applies_to_html_in_general(tmp_path: Path) -> None:
    path = write(tmp_path, "<p>I: Wie?</p><p>B: So.</p><p>I: Gut.</p>", "kurz.html")
    assert read_document(path, speakers="none").turns == ()
    assert [t.speaker for t in read_document(path, speakers=r"(?P<speaker>B):").turns] == ["B"]
