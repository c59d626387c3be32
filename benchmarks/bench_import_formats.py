"""Benchmark cases for importing what transcription tools write: a two-hour recording (about 20,000 words) as
Whisper JSON and as noScribe HTML (target: under 1 s each), and a 100-page text PDF (under 5 s). The files are the
same at every size (a recording does not grow with the study); they are made once and kept in the cache.

Each import reads the file and writes it into a new project, as ``focuscoder import`` does. The floor is reading
the file's text with the same library and nothing else (json, lxml, PDFium).
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

from benchmarks.corpus import SPEAKERS, _sentence
from benchmarks.fixtures import CACHE, Prepared

RECORDING_WORDS = 20_000
PDF_PAGES = 100
_FOLDER = CACHE / "formats-v1"


def _segments(seed: int = 3) -> list[tuple[int, int, str, str]]:
    """(start ms, end ms, speaker, text) of a two-hour focus group's recognised segments, about 20,000 words."""
    rng = random.Random(seed)
    segments = []
    ms = words = 0
    speaker = "SPEAKER_00"
    while words < RECORDING_WORDS:
        if rng.random() < 0.3:
            speaker = f"SPEAKER_{rng.randrange(len(SPEAKERS)):02d}"
        text = _sentence(rng)
        length = 400 * len(text.split())  # about 2.5 words a second
        segments.append((ms, ms + length, speaker, text))
        ms += length + rng.choice((0, 0, 200, 800))
        words += len(text.split())
    return segments


def whisper_json() -> Path:
    path = _FOLDER / "aufnahme.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        segments = [{"id": n, "start": start / 1000, "end": end / 1000, "text": " " + text, "speaker": speaker,
                     "words": [{"word": word, "start": start / 1000, "end": end / 1000, "score": 0.9}
                               for word in text.split()]}
                    for n, (start, end, speaker, text) in enumerate(_segments())]
        path.write_text(json.dumps({"segments": segments, "language": "de"}, ensure_ascii=False), encoding="utf-8")
    return path


def noscribe_html() -> Path:
    """The recording as noScribe lays out its HTML: a <p> per change of speaker, an anchor per segment."""
    path = _FOLDER / "aufnahme.html"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        paragraphs: list[str] = []
        speaker = ""
        for start, end, new, text in _segments():
            name = "S" + new[-2:]
            seg = " " + html.escape(text, quote=False)
            if name != speaker:
                seconds = start // 1000
                clock = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
                paragraphs.append("")
                speaker = name
                seg = f'{name} <span style="color: #78909C" >[{clock}]</span>:{seg}'
            paragraphs[-1] += f'<a name="ts_{start}_{end}_{speaker}" >{seg}</a>'
        body = "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs)
        path.write_text(
            '<html><head><meta charset="UTF-8" /><meta name="audio_source" content="aufnahme.mp3" /></head><body>'
            '<div class="WordSection1"><p style="font-weight: 600;" >aufnahme</p><p><span style="color: #909090; '
            'font-size: 0.8em;" >Transkribiert mit noScribe<br />Audio-Datei: aufnahme.mp3</span></p>'
            f"{body}</div></body></html>", encoding="utf-8")
    return path


def text_pdf() -> Path:
    """A 100-page transcript printed with paragraph numbers in the margin and "n/100" page footers."""
    path = _FOLDER / "transkript.pdf"
    if path.exists():
        return path
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5)
    number = 1
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for page in range(1, PDF_PAGES + 1):
            figure = Figure(figsize=(595 / 72, 842 / 72))
            y = 790.0
            while y > 90:
                words = f"{rng.choice(SPEAKERS)}: " + " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
                figure.text(30 / 595, y / 842, str(number), fontsize=10)
                number += 1
                line = ""
                for word in words.split():
                    if len(line) + len(word) > 85 and y > 90:
                        figure.text(72 / 595, y / 842, line, fontsize=10)
                        y -= 13
                        line = ""
                    line = f"{line} {word}".strip()
                figure.text(72 / 595, y / 842, line, fontsize=10)
                y -= 26
            figure.text(290 / 595, 40 / 842, f"{page}/{PDF_PAGES}", fontsize=9)
            pdf.savefig(figure)
    return path


def _import_measure(make: object, floor_read: object) -> object:
    def measure(prepared: Prepared, scratch: Path) -> tuple[float, float]:
        from app import services
        from app.importers import read_document
        from benchmarks.cases import _best

        source = make()  # type: ignore[operator]
        target = scratch / "import.fcproj"

        def app_import() -> None:
            target.unlink(missing_ok=True)
            with services.create_project(target) as project:
                services.import_documents(project, [read_document(source)])

        return _best(app_import), _best(lambda: floor_read(source))  # type: ignore[operator]

    return measure


def _read_json(path: Path) -> str:
    return "\n".join(segment["text"] for segment in json.loads(path.read_text(encoding="utf-8"))["segments"])


def _read_html(path: Path) -> str:
    from lxml import html as lxml_html

    return "\n".join(p.text_content() for p in lxml_html.fromstring(path.read_bytes()).iter("p"))


def _read_pdf(path: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return "\n".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    finally:
        document.close()


measure_whisper_json = _import_measure(whisper_json, _read_json)
measure_noscribe_html = _import_measure(noscribe_html, _read_html)
measure_text_pdf = _import_measure(text_pdf, _read_pdf)
