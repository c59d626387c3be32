"""Bad input to every reader: size and time limits, mutated real files of every format, and an import that fails
halfway changes nothing. (Bytes fuzzing of txt/docx/odt/rtf is in ``tests/importers/test_reader_fuzz.py``, of
srt/vtt/csv in their reader tests, zip bombs and XML attacks in ``test_safezip.py`` and ``tests/refi``.)"""

from __future__ import annotations

import io
import subprocess
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.importers import SUPPORTED_SUFFIXES, ParsedDocument, ReaderError, read_document
from app.importers.refi_qda import read_exchange_file

ONE_GB = 1 << 30
LONG_LINE = "Befragte: " + " ".join(f"Wort{n % 977}" for n in range(1_400_000))[:10_000_000]


@pytest.mark.parametrize("suffix", [*SUPPORTED_SUFFIXES, ".qdpx", ".qdc"])
def test_a_1_gb_file_is_refused_by_its_size_without_being_read(tmp_path, suffix):
    path = tmp_path / f"riesig{suffix}"
    subprocess.run(["truncate", "-s", str(ONE_GB), str(path)], check=True)  # sparse: no disk space used
    started = time.perf_counter()
    tracemalloc.start()
    try:
        with pytest.raises(ReaderError, match="too large"):
            (read_exchange_file if suffix in (".qdpx", ".qdc") else read_document)(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 30_000_000  # not read up to the 200 MB limit first
    assert time.perf_counter() - started < 3


def _long_line_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        ".txt": LONG_LINE + "\n",
        ".md": LONG_LINE,
        ".srt": f"1\n00:00:01,000 --> 00:00:02,000\n{LONG_LINE}\n",
        ".vtt": f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna>{LONG_LINE}\n",
        ".csv": f"Sprecher;Text\nAnna;{LONG_LINE}\n",
        ".rtf": "{\\rtf1\\ansi " + LONG_LINE + "\\par}",
    }
    paths = {}
    for suffix, text in files.items():
        paths[suffix] = tmp_path / f"lang{suffix}"
        paths[suffix].write_text(text, encoding="utf-8")
    import docx

    document = docx.Document()
    document.add_paragraph(LONG_LINE)
    paths[".docx"] = tmp_path / "lang.docx"
    document.save(paths[".docx"])
    return paths


def test_a_line_of_10_million_characters_is_read_in_bounded_time(tmp_path):
    for suffix, path in _long_line_files(tmp_path).items():
        started = time.perf_counter()
        try:
            document = read_document(path)
        except ReaderError as error:  # refused with a reason (e.g. CSV's cell limit) is fine too
            assert str(error).startswith(path.name + ": ") and "\n" not in str(error)
        else:
            assert len(document.text) >= 9_000_000, suffix
            assert all(0 <= t.start <= t.end <= len(document.text) for t in document.turns)
        assert time.perf_counter() - started < 3, f"{suffix} took too long"


# --- mutated real files of the formats the shared corpus has no sample of --------------------------------------


def _seed_files() -> dict[str, bytes]:
    transcript = [("Moderatorin", "Was hilft beim Einstieg? „Sprache“ – ganz klar."),
                  ("Dr. Anna Weber", "Der Sprachkurs ist das A und O. 🙂"), ("Herr Yılmaz", "Anerkennung fehlt.")]
    srt = "".join(f"{n}\n00:00:0{n},000 --> 00:00:0{n},900\n{who}: {said}\n\n"
                  for n, (who, said) in enumerate(transcript, start=1))
    vtt = "WEBVTT\n\n" + "".join(f"00:00:0{n}.000 --> 00:00:0{n}.900\n<v {who}>{said}\n\n"
                                 for n, (who, said) in enumerate(transcript, start=1))
    csv = "Zeit;Sprecher;Text\n" + "".join(f"00:0{n};{who};\"{said}\"\n" for n, (who, said) in enumerate(transcript))
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["Sprecher", "Text"])
    for who, said in transcript:
        workbook.active.append([who, said])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return {"srt": srt.encode(), "vtt": vtt.encode(), "csv": csv.encode("cp1252", "replace"),
            "tsv": csv.replace(";", "\t").encode("utf-16"), "xlsx": buffer.getvalue()}


SEEDS = _seed_files()
MUTATIONS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _mutate(data: bytes, edits: list[tuple[float, bytes]], cut: float) -> bytes:
    mutable = bytearray(data)
    for where, replacement in edits:
        position = int(where * (len(mutable) - 1))
        mutable[position:position + len(replacement)] = replacement
    return bytes(mutable[: max(1, int(len(mutable) * cut))])


def _document_or_reader_error(path: Path) -> None:
    try:
        document = read_document(path)
    except ReaderError as error:
        assert str(error).startswith(f"{path.name}: ")
        return
    assert isinstance(document, ParsedDocument)
    assert "\r" not in document.text and "\x00" not in document.text
    assert all(0 <= t.start <= t.end <= len(document.text) for t in document.turns)


@pytest.mark.parametrize("kind", list(SEEDS))
@MUTATIONS
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)), min_size=1, max_size=6),
       cut=st.floats(0.05, 1))
def test_mutated_files_give_a_document_or_a_reader_error(tmp_path, kind, edits, cut):
    path = tmp_path / f"mutiert.{kind}"
    path.write_bytes(_mutate(SEEDS[kind], edits, cut))
    _document_or_reader_error(path)


@pytest.fixture(scope="module")
def exchange_seeds(tmp_path_factory) -> dict[str, bytes]:
    from app.export.refi_qda import export_qdc, export_qdpx
    from app.models import create_project
    from app.services import add_code, apply_code, import_documents
    from tests.conftest import WORKSHOP_TURNS, build_document

    folder = tmp_path_factory.mktemp("qdpx")
    with create_project(folder / "p.fcproj") as project:
        import_documents(project, [build_document("Workshop 1", WORKSHOP_TURNS)])
        add_code(project, "Sprache")
        apply_code(project, document="Workshop 1", code="Sprache", start=40, end=60)
        export_qdpx(project, folder / "p.qdpx")
        export_qdc(project, folder / "p.qdc")
    return {kind: (folder / f"p.{kind}").read_bytes() for kind in ("qdpx", "qdc")}


@pytest.mark.parametrize("kind", ["qdpx", "qdc"])
@MUTATIONS
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)), min_size=1, max_size=6),
       cut=st.floats(0.05, 1))
def test_mutated_exchange_files_give_project_data_or_a_reader_error(tmp_path, exchange_seeds, kind, edits, cut):
    path = tmp_path / f"mutiert.{kind}"
    path.write_bytes(_mutate(exchange_seeds[kind], edits, cut))
    try:
        read_exchange_file(path)
    except ReaderError as error:
        assert str(error).startswith(f"mutiert.{kind}: ")


# --- a multi-file import that fails leaves the project as it was ----------------------------------------------


def test_a_failed_multi_file_import_leaves_the_project_unchanged(project, tmp_path, dump, capsys):
    project.close()
    good = tmp_path / "gruppe1.txt"
    good.write_text("Moderatorin: Willkommen.\nB1: Danke.\n", encoding="utf-8")
    bad = tmp_path / "gruppe2.docx"
    bad.write_bytes(b"PK\x03\x04 kaputt")
    before = dump(project.path)
    assert main(["import", str(project.path), str(good), str(bad)]) == 1
    assert capsys.readouterr().err.startswith("error: gruppe2.docx: ")
    assert dump(project.path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gruppe1.txt", "gruppe2.docx", "study.fcproj"]
