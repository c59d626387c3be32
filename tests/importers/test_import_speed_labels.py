"""The one-regex speaker-label matcher (written for import speed) against the matcher it replaced.

``old_match_label`` below is the earlier implementation, kept here only as the reference: a pattern per step,
tried one after the other. Both must give the same ``Label`` (or None) for every line: generated lines built
from the pieces labels are made of, and every paragraph of the shared transcripts and the sample workshop.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.importers import speaker_labels
from app.importers.canonical import canonical_text, decode_bytes, read_file_bytes
from app.importers.speaker_labels import _SPACE, Label, _range, _shape, accept_labels, match_label
from app.importers.timecodes import CLOCK, clock_to_ms
from app.models.speaker_names import speaker_key

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "transcripts"

# --- the earlier matcher, verbatim -----------------------------------------------------------------------------

_LEADING_TIME = re.compile(
    rf"{_SPACE}*(?:\[(?P<bracket>{CLOCK}){_range('bracket_end')}\]"
    rf"|\((?P<paren>{CLOCK})\)|#(?P<hash>{CLOCK})#"
    rf"|(?P<bare>{CLOCK}){_range('bare_end')}(?={_SPACE}))"
    rf"{_SPACE}*"
)
_LEADING_SPACE = re.compile(rf"{_SPACE}*")
_COLON_LABEL = re.compile(r"(?P<label>[^:\n]{1,80}):")
_LABEL_THEN_TIME = re.compile(
    rf"(?P<label>[^\W\d_][^:\n\[\]()]{{0,60}}?){_SPACE}*[\[(](?P<time>{CLOCK})[\])]{_SPACE}*(?::|$)"
)
_TIME_AFTER_LABEL = re.compile(rf"{_SPACE}*[\[(](?P<time>{CLOCK})[\])]")
_BRACKET_ID = re.compile(rf"\[(?P<label>[^\W\d_]{{1,12}}[ _-]?\d{{1,4}}|[A-ZÄÖÜ]{{1,3}})\]:?(?={_SPACE}|$)")


def old_match_label(line: str) -> Label | None:
    lead = _LEADING_TIME.match(line)
    start_ms = end_ms = None
    if lead is not None:
        start_ms = clock_to_ms(lead["bracket"] or lead["paren"] or lead["hash"] or lead["bare"])
        end_text = lead["bracket_end"] or lead["bare_end"]
        end_ms = clock_to_ms(end_text) if end_text else None
        pos = lead.end()
    else:
        pos = _LEADING_SPACE.match(line).end()
    bracket = _BRACKET_ID.match(line, pos)
    if bracket is not None:
        name = bracket["label"]
        return Label(name, speaker_key(name), bracket.end(), "bracket", True, False, start_ms, end_ms)
    timed = _LABEL_THEN_TIME.match(line, pos)
    if timed is not None:
        raw, label_end = timed["label"], timed.end()
        start_ms = clock_to_ms(timed["time"])
    else:
        colon = _COLON_LABEL.match(line, pos)
        if colon is None:
            return None
        raw, label_end = colon["label"].rstrip(), colon.end()
        rest = line[label_end : label_end + 2]
        if rest.startswith(("/", "\\", ":", "=")) or (raw[-1:].isdigit() and rest[:1].isdigit()):
            return None
    shape = _shape(raw)
    if shape is None:
        return None
    name, strong, stop = shape
    after = _TIME_AFTER_LABEL.match(line, label_end)
    if after is not None:
        start_ms = start_ms if start_ms is not None else clock_to_ms(after["time"])
        label_end = after.end()
    opens_lower = line[label_end : label_end + 40].lstrip()[:1].islower()
    return Label(name, speaker_key(name), label_end, "colon", strong, stop, start_ms, end_ms, opens_lower)


# --- generated lines -------------------------------------------------------------------------------------------

_clock = st.builds(
    lambda parts, fraction: ":".join(parts) + fraction,
    st.lists(st.sampled_from(["0", "00", "1", "01", "12", "59", "61", "99", "123"]), min_size=1, max_size=4),
    st.sampled_from(["", ".5", ",120", "-6", ".", "-", ".1234"]),
)
_space = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u2003", "\u3000", ""])
_time_mark = st.one_of(
    st.builds(lambda c: f"[{c}]", _clock),
    st.builds(lambda c: f"({c})", _clock),
    st.builds(lambda c: f"#{c}#", _clock),
    _clock,
    st.builds(lambda a, s, b: f"[{a}{s}{b}]", _clock, st.sampled_from([" --> ", "–", " - ", "-->", "- "]), _clock),
    st.builds(lambda a, s, b: f"{a}{s}{b}", _clock, st.sampled_from([" --> ", " – ", " - "]), _clock),
)
_long_name = st.builds(lambda word, n, tail: (word * n)[:n] + tail, st.sampled_from(["A", "Anna Weber "]),
                       st.integers(40, 85), _space)  # around the 60- and 80-character limits
_spaced_name = st.builds(lambda n: "Anna" + " " * n + "B", st.integers(40, 85))  # long, but a short name tidied
_name = st.one_of(_long_name, _spaced_name, st.sampled_from([
    "Anna", "Anna Weber", "Dr. Anna Weber", "I", "B1", "IP2", "SPEAKER_00", "speaker_01", "Interviewer 1",
    "interviewer", "wichtig ist", "Note", "Fazit", "Die Lösung", "Gute Frage", "Frau Yıldız", "LEHRER", "id1",
    "Herr Brandt (Handwerksbetrieb)", "Anna (IHK", "Anna)", "Teilnehmer 3", "von der Leyen", "https", "10",
    "a" * 45, "Eins Zwei Drei Vier Fünf Sechs", "Anna, Ben", "Ä", "X1Y", "Mr. O'Neil", "A&B", "",
]))
_after_name = st.one_of(
    st.sampled_from([
        ":", ": ", "::", "://x", ":/", ":\\", ":=", ":12", " :", "", "]", "] ", "]:", ")", " (00:01:22):",
        " [01:22]", "(00:01:22)", " [00:01:22] :", " (x):", "   0:03",
    ]),
    # "Anna (0:22):", "Anna [00:01:22]", "Anna: (1:02:03.5)", "Anna   0:03"
    st.builds(lambda s, o, c, e: f"{s}{o}{c}{')' if o == '(' else ']'}{e}", _space, st.sampled_from("(["), _clock,
              st.sampled_from([":", "", " :", ": x"])),
    st.builds(lambda s, o, c: f":{s}{o}{c}{')' if o == '(' else ']'}", _space, st.sampled_from("(["), _clock),
    st.builds(lambda s, c: f"{s}{c}", _space, _clock),
)
_words = st.sampled_from([
    "", " text", " wir brauchen mehr", " Wir brauchen mehr", " [00:01:22] weiter", " (00:01:22) So", "  ähm ja",
    " ", "\u00a0erst", " 10:30 Uhr", " #00:01:22-6#", ": mehr", " [id2] nein", " (Lachen)", " e.g. this",
])
# Spaces of all kinds (what str.isspace calls space, and "\u200b", which it does not) before the words, around
# the 40 characters within which their first letter is looked for.
_gap = st.builds(lambda n, space: space * n, st.integers(0, 45), st.sampled_from([" ", "\t", "\x1c", "\x85", "\u200b"]))
_words = st.one_of(_words, st.builds(lambda gap, word: gap + word, _gap, st.sampled_from(["wir", "Wir", "ähm", "1", ""])))
_free = st.text(alphabet=st.sampled_from(list("aZ ä1:[]()#-.>,_\t\u00a0/\\=Äı")), max_size=30)
_line = st.builds(
    lambda *parts: "".join(parts),
    _space, st.one_of(st.just(""), _time_mark), _space,
    st.one_of(st.just(""), st.builds(lambda n: f"[{n}]", _name)),
    _name, _space, _after_name, _words, _free,
)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_line, _free, st.builds(lambda a, b: a + b, _free, _line)))
@example("[00:00:13] Herr Brandt (Handwerksbetrieb): IHK fehlen und Führerschein")
@example("Anna Weber [00:01:22]")
@example("[id1] Hallo")
@example("I: ja #00:01:22-6#")
@example("[00:00:01.000 --> 00:00:04.000] SPEAKER_00: so")
@example("Anna: [00:01:22] weiter")
@example("a" * 90 + ": x")
@example("Anna" + " " * 56 + "B (0:22): x")  # the longest label a time may follow: 61 characters
@example("Anna:" + " " * 39 + "wir")  # the words' first letter, the last one looked at ...
@example("Anna:" + " " * 40 + "wir")  # ... and the first one not
def test_the_one_regex_matcher_agrees_with_the_earlier_one(line: str) -> None:
    assert match_label(line) == old_match_label(line)


# --- real paragraphs -------------------------------------------------------------------------------------------


def _real_lines() -> list[str]:
    from app.importers import SUPPORTED_SUFFIXES, read_document

    lines: list[str] = []
    sample = ROOT / "resources" / "sample" / "workshop_de.txt"
    lines += canonical_text(decode_bytes(read_file_bytes(sample), sample)).split("\n")
    if DATA.is_dir():
        for path in sorted(DATA.iterdir()):
            if path.is_file() and path.suffix in SUPPORTED_SUFFIXES:
                lines += read_document(path, speakers="none").text.split("\n")
    return lines


def test_the_matchers_agree_on_every_real_paragraph() -> None:
    lines = _real_lines()
    assert len(lines) > 100
    labels = [match_label(line) for line in lines]
    assert labels == [old_match_label(line) for line in lines]
    assert sum(label is not None for label in labels) > 50  # the comparison is not of Nones only


def test_the_pattern_groups_are_unpacked_in_their_order() -> None:
    # match_label unpacks match.groups() by position; the module checks the order when it is loaded.
    assert list(speaker_labels._LINE_START.groupindex)[speaker_labels._LABEL_END - 1] == "label_end"


@pytest.mark.parametrize("line", ["x" * 5000 + ":", "Anna" + " " * 3000 + "(00:01:22):", "(" * 2000])
def test_long_lines(line: str) -> None:
    assert match_label(line) == old_match_label(line)


# --- accepting labels ------------------------------------------------------------------------------------------


def old_accept_labels(labels, *, known_keys=()):  # the earlier accept_labels: a label's fields one by one
    # Verbatim but for the rules added since, marked "added since".
    from collections import Counter

    from app.importers.speaker_labels import _NUMBERED, _cover_page_end, is_code

    counts = Counter(label.key for label in labels if not label.stop)
    counts.update(known_keys)
    strong_keys = {label.key for label in labels if label.strong} | set(known_keys)
    recurring = {key for key, n in counts.items() if n >= 3 or (n >= 2 and key in strong_keys)}
    header_end = -1 if known_keys else _cover_page_end(labels, recurring)
    shown: dict[str, str] = {}
    for label in labels:
        shown.setdefault(label.key, label.name)
    code_style = bool(recurring) and all(is_code(shown.get(key, key)) for key in recurring)
    brackets_recur = any(label.kind == "bracket" and label.key in recurring for label in labels)
    name_time_pairs = sum(1 for label in labels if label.kind == "name+time")

    accepted = []
    for index, label in enumerate(labels):
        if label.kind == "name+time":  # added since: never a cover page's field
            ok = bool(label.key) and name_time_pairs >= 2
        elif label.stop or not label.key or index <= header_end:
            ok = False
        elif label.kind == "bracket":
            ok = brackets_recur
        elif not label.strong:
            ok = counts[label.key] >= 3
        elif label.key in recurring or not recurring:
            ok = True
        elif _NUMBERED.fullmatch(label.name):
            ok = True
        else:
            ok = not label.opens_lower and (not code_style or is_code(label.name))
        accepted.append(ok)
    return accepted


_some_label = st.one_of(
    _line.map(match_label).filter(lambda label: label is not None),
    st.builds(lambda name, kind, strong, stop, lower: Label(name, speaker_key(name), 3, kind, strong, stop,
                                                           opens_lower=lower),
              st.sampled_from(["Anna", "ANNA", "B1", "I", "Note", "Teilnehmer 3", "wichtig ist", "", "ı", "Dr. X"]),
              st.sampled_from(["colon", "colon", "bracket", "name+time"]), st.booleans(), st.booleans(), st.booleans()),
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(_some_label, max_size=12), st.lists(st.sampled_from(["anna", "b1", "x", ""]), max_size=2))
def test_labels_are_accepted_as_before(labels: list[Label], known_keys: list[str]) -> None:
    assert accept_labels(labels, known_keys=known_keys) == old_accept_labels(labels, known_keys=known_keys)


def test_labels_of_every_real_paragraph_are_accepted_as_before() -> None:
    labels = [label for label in map(match_label, _real_lines()) if label is not None]
    assert accept_labels(labels) == old_accept_labels(labels)


_speaker_label = st.builds(
    lambda name, stop, lower: Label(name, speaker_key(name), 5, "colon", True, stop, opens_lower=lower),
    st.sampled_from(["Anna", "B1", "Herr Brandt", "Moderatorin", "ANNA"]), st.just(False), st.booleans(),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_speaker_label, _speaker_label, _speaker_label, _some_label), max_size=14),
       st.lists(st.sampled_from(["anna", "b1", "x"]), max_size=1))
def test_transcripts_of_recurring_speakers_are_accepted_as_before(labels: list[Label], known_keys: list[str]) -> None:
    # Mostly recurring "Name:" labels, the shape accept_labels answers without its loop over the labels.
    assert accept_labels(labels, known_keys=known_keys) == old_accept_labels(labels, known_keys=known_keys)
