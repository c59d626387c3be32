"""Consistency checks for the bundled sample project in ``resources/sample``.

The sample consists of a fictional German focus-group transcript, the list of
speakers, a starter category system and example codings. These tests only read
the files; they do not import the application.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "resources" / "sample"
TRANSCRIPT = SAMPLE_DIR / "workshop_de.txt"
SPEAKERS = SAMPLE_DIR / "speakers.json"
CATEGORIES = SAMPLE_DIR / "categories.json"
CODINGS = SAMPLE_DIR / "codings.json"

TURN_RE = re.compile(r"^\[(\d\d):(\d\d):(\d\d)\] ([^:]+): (.+)$")
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
CODERS = {"Lena Hoffmann", "Murat Demir"}
MEASURES = "Maßnahmen"
UNVOTED_MEASURES = {"Weitere Vorschläge ohne Abstimmung"}


# --------------------------------------------------------------------------- helpers


class Turn:
    def __init__(self, seconds: int, speaker: str, text: str, start: int, end: int):
        self.seconds = seconds
        self.speaker = speaker
        self.text = text
        self.start = start  # offset of the turn text in the whole file
        self.end = end


@lru_cache(maxsize=None)
def raw_bytes() -> bytes:
    return TRANSCRIPT.read_bytes()


@lru_cache(maxsize=None)
def full_text() -> str:
    return raw_bytes().decode("utf-8")


@lru_cache(maxsize=None)
def split_transcript() -> tuple[tuple[str, ...], tuple[Turn, ...], tuple[str, ...]]:
    """Return (header lines, parsed turns, body lines that failed to parse)."""
    text = full_text()
    header: list[str] = []
    turns: list[Turn] = []
    bad: list[str] = []
    offset = 0
    in_header = True
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if in_header and not line.startswith("["):
            header.append(line)
            continue
        in_header = False
        if line == "" and offset > len(text):  # trailing newline at EOF
            continue
        m = TURN_RE.match(line)
        if not m:
            bad.append(line)
            continue
        hh, mm, ss, speaker, body = m.groups()
        text_start = line_start + m.start(5)
        turns.append(
            Turn(int(hh) * 3600 + int(mm) * 60 + int(ss), speaker, body, text_start, text_start + len(body))
        )
    return tuple(header), tuple(turns), tuple(bad)


def turns() -> tuple[Turn, ...]:
    return split_transcript()[1]


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def iter_categories(nodes, prefix=""):
    for node in nodes:
        path = prefix + node["name"]
        yield path, node
        yield from iter_categories(node.get("children", []), path + "/")


def find_occurrence(quote: str, occurrence: int) -> int:
    """Offset of the n-th (1-based) occurrence of quote in the file, or -1."""
    text = full_text()
    pos = -1
    for _ in range(occurrence):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return -1
    return pos


def containing_turn(pos: int, length: int) -> Turn | None:
    for t in turns():
        if t.start <= pos and pos + length <= t.end:
            return t
    return None


# --------------------------------------------------------------------------- transcript


def test_transcript_encoding_and_line_endings():
    data = raw_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "transcript must not start with a BOM"
    assert b"\r" not in data, "transcript must use LF line endings"
    assert data.endswith(b"\n")
    data.decode("utf-8")  # raises if not valid UTF-8


def test_header_marks_transcript_as_fictional():
    header, _, _ = split_transcript()
    assert 2 <= len(header) <= 4, header
    assert "fiktiv" in header[0].lower()
    assert all(line.strip() for line in header), "header lines must not be empty"
    assert not any(TURN_RE.match(line) for line in header)


def test_every_body_line_is_a_turn():
    _, parsed, bad = split_transcript()
    assert not bad, f"{len(bad)} malformed lines, first: {bad[0][:80]!r}"
    assert 250 <= len(parsed) <= 400, len(parsed)


def test_timestamps_strictly_increase_over_about_two_hours():
    parsed = turns()
    assert parsed[0].seconds == 0
    for prev, cur in zip(parsed, parsed[1:]):
        assert cur.seconds > prev.seconds, f"timestamp not increasing at {cur.speaker}: {cur.text[:40]!r}"
    assert parsed[-1].seconds >= 1 * 3600 + 45 * 60
    assert parsed[-1].seconds <= 2 * 3600 + 15 * 60


def test_word_count():
    words = len(full_text().split())
    assert 12_000 <= words <= 16_000, words


def test_transcription_conventions_present():
    text = full_text()
    for mark in ("(lacht)", "(...)", "[unverständlich]", "„", "“"):
        assert mark in text, mark


def test_workshop_topics_covered():
    text = full_text()
    for term in (
        "Sprachkurs ", "Sprachkurse", "Sprachkursen", "Berufssprachkurs", "Anerkennungsverfahren",
        "Duldung", "Ausbildungsduldung", "Beschäftigungsduldung", "Mentoring", "Kinderbetreuung",
        "Führerschein", "Trauma", "Fallmanagement", "Gemeinschaftsunterkunft", "Punktabfrage",
    ):
        assert term in text, term


def test_no_speaker_has_consecutive_turns():
    parsed = turns()
    for prev, cur in zip(parsed, parsed[1:]):
        assert prev.speaker != cur.speaker, f"{cur.speaker} speaks twice in a row at {cur.seconds}s"


# --------------------------------------------------------------------------- speakers


def test_speakers_match_transcript():
    speakers = load(SPEAKERS)
    names = [s["name"] for s in speakers]
    assert len(names) == len(set(names)), "duplicate speaker names"
    in_transcript = {t.speaker for t in turns()}
    assert in_transcript == set(names), (in_transcript ^ set(names))


def test_speaker_fields_and_composition():
    speakers = load(SPEAKERS)
    for s in speakers:
        assert set(s) >= {"name", "role", "institution", "gender"}, s
        assert all(isinstance(s[k], str) and s[k].strip() for k in ("name", "role", "institution", "gender"))
    moderators = [s for s in speakers if "Moderation" in s["role"]]
    participants = [s for s in speakers if "Moderation" not in s["role"]]
    assert any(s["role"] == "Moderation" for s in moderators)
    assert len(participants) >= 7
    assert len({s["institution"] for s in participants}) >= 5


def test_every_speaker_actually_talks():
    counts: dict[str, int] = {}
    for t in turns():
        counts[t.speaker] = counts.get(t.speaker, 0) + 1
    for s in load(SPEAKERS):
        assert counts.get(s["name"], 0) >= 3, s["name"]


# --------------------------------------------------------------------------- categories


def test_category_fields_colors_and_names():
    cats = load(CATEGORIES)
    assert isinstance(cats, list) and cats
    colors = []
    for path, node in iter_categories(cats):
        for key in ("name", "color", "definition", "anchor_example", "coding_rule", "children"):
            assert key in node, (path, key)
        assert node["name"].strip() and "/" not in node["name"], path
        assert COLOR_RE.match(node["color"]), (path, node["color"])
        assert node["definition"].strip() and node["coding_rule"].strip(), path
        colors.append(node["color"].upper())
    assert len(colors) == len(set(colors)), "category colours must be distinct"


def test_sibling_names_unique():
    def check(nodes, where):
        names = [n["name"] for n in nodes]
        assert len(names) == len(set(names)), f"duplicate sibling names under {where or '<root>'}"
        for n in nodes:
            check(n.get("children", []), f"{where}/{n['name']}")

    check(load(CATEGORIES), "")


def test_anchor_examples_are_verbatim_quotes_within_one_turn():
    for path, node in iter_categories(load(CATEGORIES)):
        anchor = node["anchor_example"]
        assert anchor.strip(), path
        assert any(anchor in t.text for t in turns()), f"anchor of {path!r} not found in a turn: {anchor[:60]!r}"


def dot_vote_points() -> dict[str, int]:
    """Points per voted measure, as read out by the moderator („Name – N Punkte“)."""
    measures = next(n for n in load(CATEGORIES) if n["name"] == MEASURES)
    points = {}
    for child in measures["children"]:
        if child["name"] in UNVOTED_MEASURES:
            continue
        m = re.search(re.escape(child["name"]) + r" – (\d+) Punkte?\b", full_text())
        assert m, f"no dot-vote result read out for {child['name']!r}"
        points[child["name"]] = int(m.group(1))
    return points


def test_voted_measures_are_read_out_with_points():
    points = dot_vote_points()
    assert len(points) >= 8
    assert sum(points.values()) == 54  # 9 participants x 6 dots
    assert "Berufsbegleitende Sprachförderung im Betrieb – 14 Punkte" in full_text()


# --------------------------------------------------------------------------- codings


def test_codings_fields_and_paths():
    codings = load(CODINGS)
    assert 60 <= len(codings) <= 120, len(codings)
    paths = {p for p, _ in iter_categories(load(CATEGORIES))}
    for c in codings:
        assert set(c) >= {"code", "quote", "occurrence", "coder", "weight"}, c
        assert c["code"] in paths, c["code"]
        assert c["coder"] in CODERS, c["coder"]
        assert isinstance(c["weight"], int) and 0 <= c["weight"] <= 100, c
        assert isinstance(c["occurrence"], int) and c["occurrence"] >= 1, c
        assert c["quote"].strip() == c["quote"] and c["quote"], c
        if "memo" in c:
            assert isinstance(c["memo"], str) and c["memo"].strip()


def test_coding_quotes_are_verbatim_within_one_turn():
    for c in load(CODINGS):
        pos = find_occurrence(c["quote"], c["occurrence"])
        assert pos >= 0, f"occurrence {c['occurrence']} of quote not found: {c['quote'][:60]!r}"
        assert containing_turn(pos, len(c["quote"])) is not None, (
            f"quote is not inside a single turn's text: {c['quote'][:60]!r}"
        )


def test_codings_are_spread_over_categories_speakers_and_coders():
    codings = load(CODINGS)
    cats = load(CATEGORIES)
    used_top = {c["code"].split("/")[0] for c in codings}
    assert used_top == {n["name"] for n in cats}, {n["name"] for n in cats} - used_top
    assert {c["coder"] for c in codings} == CODERS
    speakers = set()
    for c in codings:
        t = containing_turn(find_occurrence(c["quote"], c["occurrence"]), len(c["quote"]))
        speakers.add(t.speaker)
    participants = {s["name"] for s in load(SPEAKERS) if "Moderation" not in s["role"]}
    assert participants <= speakers, participants - speakers


def test_some_codings_overlap():
    spans = []
    for c in load(CODINGS):
        pos = find_occurrence(c["quote"], c["occurrence"])
        spans.append((pos, pos + len(c["quote"]), c["code"]))
    overlaps = sum(
        1
        for i, (a0, a1, ac) in enumerate(spans)
        for b0, b1, bc in spans[i + 1:]
        if a0 < b1 and b0 < a1 and ac != bc
    )
    assert overlaps >= 5, overlaps


def test_measure_weights_reflect_dot_vote():
    points = dot_vote_points()
    top = max(points.values())
    for c in load(CODINGS):
        parts = c["code"].split("/")
        if parts[0] != MEASURES or len(parts) < 2:
            continue
        if parts[1] in UNVOTED_MEASURES:
            assert c["weight"] == 0, c
            continue
        expected = round(points[parts[1]] * 100 / top)
        assert c["weight"] == expected, (c["code"], c["weight"], expected)


@pytest.mark.parametrize("path", [SPEAKERS, CATEGORIES, CODINGS])
def test_json_files_are_utf8_without_bom(path: Path):
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    json.loads(data.decode("utf-8"))


# --------------------------------------------------------------------------- the vote and the study


VOTES = SAMPLE_DIR / "votes.json"
STUDY = SAMPLE_DIR / "study.json"


def test_the_vote_data_is_the_vote_the_transcript_reads_out():
    vote = load(VOTES)
    paths = {p for p, _ in iter_categories(load(CATEGORIES))}
    assert set(vote["points"]) <= paths
    assert {path.split("/", 1)[1]: points for path, points in vote["points"].items()} == dot_vote_points()
    assert all(path.split("/")[0] == vote["measures"] for path in vote["points"])
    assert not {path.split("/", 1)[1] for path in vote["points"]} & UNVOTED_MEASURES


def test_the_study_description_agrees_with_the_transcript():
    study = load(STUDY)
    assert study["date"] == "2024-11-12" and "12. November 2024" in full_text()
    assert study["voters"] * study["points_per_person"] == sum(dot_vote_points().values()) == 54
    assert "sechs Punkte" in full_text() and "höchstens zwei Punkte" in full_text()
    assert study["max_points_per_measure"] == 2
    assert "[unverständlich]" in study["transcription_rules"]


@pytest.mark.parametrize("path", [VOTES, STUDY])
def test_the_vote_and_study_files_are_utf8_without_bom(path: Path):
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    json.loads(data.decode("utf-8"))
