"""Recognising speaker labels at the start of a paragraph: ``Anna Weber:``, ``I:``, ``[00:01:22] B1:``, ``[id1]``,
Teams' ``Anna Weber   0:03``.

Finding label-like text is easy; the work is in not taking prose for a speaker. The heuristic, in two steps:

1. Shape, per paragraph (``match_label``). A label is the text before the first colon of the paragraph's first
   line, at most 5 words / 40 characters (a trailing "(Institution)" does not count), starting with a letter or
   "[". No sentence punctuation inside; not a time ("10:30"), not a URL ("https://"). Its words are *strong*
   when each is capitalised, a number, a code (B1, IP2, SPEAKER_00) or a name particle (von, van, de, al, ...);
   otherwise the label is *weak* ("interviewer", "wichtig ist"). Some labels are *stop* labels, never speakers:
   single words that introduce a remark ("Note:", "Fazit:", "Datum:", "Also:"), multi-word labels opening with an
   article, pronoun or preposition ("Die Lösung:", "My point:") or containing a remark noun ("Gute Frage:").

2. Recurrence, over the whole document (``accept_labels``). Speakers speak more than once; prose rarely repeats
   the same words before a colon. A label seen twice or more is a speaker; a weak one must be seen three times.
   A label seen once is accepted when it is strong, except
   - on a cover page: two or more once-seen labels before the first recurring one ("Interviewer: Yasmine
     Hassan", "Date: 16/10/2014", "Place: ...") are fields, not speakers; the cover page runs up to the last such
     field before any speaker's second turn, so it also takes in a field named like a speaker;
   - when every recurring label is an upper-case code (I, B1, S5, LEHRER) and this one is not ("Governor
     Romney:", "Kurze Anmerkung:"): the transcriber's style says it is prose;
   - when the words after it begin in lower case ("Konkret: wir brauchen ..."): a sentence going on.
   A numbered label (B3, IP2, Teilnehmer 3) is unmistakable and needs no recurrence.
   "[id1]" labels and name-and-time lines are accepted only as a convention seen at least twice (a name-and-time
   line then also before the first recurring speaker: it is never a cover page's field).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress
from operator import not_
from typing import NamedTuple

from app.importers.timecodes import CLOCK, clock_to_ms
from app.models.speaker_names import speaker_key

_SPACE = "[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]"


def _range(group: str) -> str:
    """An optional range end after a clock ("--> 00:00:04.000", " - 00:01:30"), captured as ``group``."""
    return rf"(?:{_SPACE}*(?:-->|–|{_SPACE}-{_SPACE}){_SPACE}*(?P<{group}>{CLOCK}))?"


# A time mark before the label: [00:01:22], [00:00:01.000 --> 00:00:04.000], (00:01:22), #00:01:22-6#, 00:01:22.
_LEADING_TIME = (
    rf"{_SPACE}*(?:\[(?P<bracket>{CLOCK}){_range('bracket_end')}\]"
    rf"|\((?P<paren>{CLOCK})\)|#(?P<hash>{CLOCK})#"
    rf"|(?P<bare>{CLOCK}){_range('bare_end')}(?={_SPACE}))"
    rf"{_SPACE}*"
)
# QualCoder's "[id1] text": letters and a number, or a short upper-case code, in brackets, without a colon.
_BRACKET_ID = rf"\[(?P<id>[^\W\d_]{{1,12}}[ _-]?\d{{1,4}}|[A-ZÄÖÜ]{{1,3}})\]:?(?={_SPACE}|$)"
# A time mark right after the name ("Anna Weber (00:01:22):", "Anna Weber [00:01:22]" alone on its line).
# The lookahead, a quick scan to the first bracket or colon (past at most 61 label characters and the spaces
# after them), spares most lines the lazy search for the time.
_LABEL_THEN_TIME = (
    rf"(?=[^:\n\[\]()]{{0,61}}+{_SPACE}*+[\[(]\d)"
    rf"(?P<timed>[^\W\d_][^:\n\[\]()]{{0,60}}?){_SPACE}*[\[(](?P<time>{CLOCK})[\])]{_SPACE}*(?::|$)"
)
# Everything up to the first colon of the line; checked word by word in _shape. Possessive: backing off
# from a colon-less start cannot find a colon. Not before "/", "\\", ":" or "=": a URL, a path, "::", ":=".
_COLON_LABEL = r"(?P<colon>[^:\n]{1,80}+):(?![/\\:=])"
# A time mark right after the colon ("Anna: [00:01:22] ...").
_TIME_AFTER_LABEL = rf"(?P<after>{_SPACE}*[\[(](?P<after_time>{CLOCK})[\])])?"
# All of a line's start in one match, so a line costs one call into the regex engine. The leading time is an
# atomic group: as with a match of its own, what follows never makes it match differently. Then the first of
# the three label shapes that matches, in this order, and an optional time after the label.
_LINE_START = re.compile(
    rf"(?>(?P<lead>{_LEADING_TIME})|{_SPACE}*)(?P<label_end>{_BRACKET_ID}|{_LABEL_THEN_TIME}|{_COLON_LABEL})"
    rf"{_TIME_AFTER_LABEL}"
    r"(?=\s{0,39}+(?P<first>\S)?)"  # the first character of the words, if within the next 40 (\s is isspace())
)
# match_label unpacks the groups by position, in this order.
assert tuple(_LINE_START.groupindex) == (
    "lead", "bracket", "bracket_end", "paren", "hash", "bare", "bare_end", "label_end", "id", "timed", "time",
    "colon", "after", "after_time", "first",
)
_LABEL_END = _LINE_START.groupindex["label_end"]
_WORD = re.compile(r"[\w.\-'’/&]+")
_PARENTHETICAL = re.compile(r"(?P<main>.*?)\s*(?P<paren>\([^()]{1,40}\))?")
_NAME_WITH_TIME = re.compile(
    rf"(?P<name>[^\W\d_][^:\n]{{0,60}}?){_SPACE}+(?P<time>{CLOCK})(?:{_SPACE}*-->{_SPACE}*(?P<end>{CLOCK}))?{_SPACE}*"
)
_TIME_LINE = re.compile(rf"{_SPACE}*(?P<time>{CLOCK})(?:{_SPACE}*-->{_SPACE}*(?P<end>{CLOCK}))?[^\n]*")
# Machine-made labels (WhisperX, pyannote): one speaker's consecutive segments are one contribution.
# "SPEAKER_??" is the recogniser's speaker it could not tell apart.
ASR_LABEL = re.compile(r"(?i)speaker_(?:\d{1,3}|\?\?)")
# WhisperX's text output: a "Speaker: SPEAKER_01" line, then "Text: ..." with the segment's words.
_SPEAKER_FIELD = re.compile(rf"{_SPACE}*(?i:speaker){_SPACE}*:{_SPACE}*(?P<name>\S[^\n]{{0,60}}?){_SPACE}*")
_TEXT_FIELD = re.compile(rf"{_SPACE}*(?i:text){_SPACE}*:")
# aTrain's text output: the machine label alone on a line ("SPEAKER_00", "Speaker undefined"), the segments below,
# each perhaps after a "[00:00:03] - " or "00:00:03 - " mark.
_MACHINE_LABEL_LINE = re.compile(rf"{_SPACE}*(?P<name>(?i:speaker_(?:\d{{1,3}}|\?\?)|speaker undefined)){_SPACE}*")
_SEGMENT_TIME = re.compile(rf"{_SPACE}*\[?(?P<time>{CLOCK})\]?{_SPACE}+-{_SPACE}+")
_NUMBERED = re.compile(r"[^\W\d_]{1,15}[ _-]?\d{1,3}")

_PARTICLES = frozenset(
    "von van vom zu zum zur der den de del della di da du des la le les al el bin ibn ben ter ten op af y e dos do"
    " st med. rer. nat. phil. jur. dipl. h.c. -".split()
)
# Single words before a colon that introduce a remark, a heading or a cover-page field, never a speaker.
_STOP_WORDS = frozenset(
    """note notes nb ps p.s also but and or so then now yes no well ok okay example e.g eg i.e important warning
    caution tip hint summary conclusion result results update edit source sources re subject topic title date time
    place location duration venue attendees present transcriber transcription recording file project agenda url
    link email e-mail tel phone fax web website see cf remark remarks comment comments definition goal aim reason
    problem solution step point idea quote keywords abstract background method methods context description category
    memo translation status version page chapter section table figure fig attention reminder todo fyi
    aber und oder denn doch dann nun jetzt ja nein naja gut achtung wichtig beispiel bsp zb z.b fazit hinweis
    anmerkung anmerkungen notiz bemerkung ergebnis ergebnisse zusammenfassung tipp ziel ziele grund lösung schritt
    punkt thema titel betreff datum uhrzeit zeit uhr ort dauer raum anwesend anwesende teilnehmende quelle siehe
    vgl kommentar zitat begriff kategorie transkript transkription aufnahme datei projekt tagesordnung""".split()
)
# First words that make a multi-word "label" a phrase: articles, pronouns, prepositions, conjunctions.
_STOP_FIRST = frozenset(
    """der die das den dem des ein eine einen einem einer eines mein meine meiner meinen unser unsere dein deine sein
    seine ihr ihre euer eure dies diese dieser dieses jede jeder jedes alle kein keine zum zur im am beim vom bei
    mit für nach vor über unter in an auf aus zu um ohne gegen durch bis seit wegen laut also aber und oder denn doch
    so dann nun jetzt ja nein ich wir du es er man was wie warum wer wo wann welche welcher welches
    the a an my our your his her their its this that these those every all no some any to for with on at by from of
    about after before as but and or then now yes well we you he she it they what why how who where when
    which""".split()
)
# Nouns that make a multi-word label a remark ("Gute Frage:", "Frage 3:", "Letzter Punkt:").
_STOP_NOUNS = frozenset(
    """frage fragen punkt anmerkung ergänzung idee vorschlag beispiel thema problem schritt teil kapitel abschnitt
    seite tabelle abbildung uhr runde phase sitzung block einheit modul aufgabe übung station top tag question
    questions point idea example comment thought remark topic step part chapter section page table figure note
    round session day module task exercise""".split()
)


_MAX_NAME_LINE = 100  # a name line is short; longer lines are not even looked at


class Label(NamedTuple):  # one for each line of a transcript: a named tuple is made 4 times as fast as a dataclass
    """A label-like start of a line. ``content_start`` is where the words after the label begin, in the line."""

    name: str
    key: str
    content_start: int
    kind: str  # "colon", "bracket" or "name+time"
    strong: bool
    stop: bool
    start_ms: int | None = None
    end_ms: int | None = None
    opens_lower: bool = False  # the words after it start in lower case, as a sentence's continuation does


# match_label makes a Label by tuple.__new__ with all its fields: the named tuple's own constructor is a Python
# function (a label for each line: 54,000 lines, 6 ms).
assert Label._fields == (
    "name", "key", "content_start", "kind", "strong", "stop", "start_ms", "end_ms", "opens_lower"
)
_new_tuple = tuple.__new__


def tidy_name(name: str) -> str:
    """The name as shown: runs of spaces (also non-breaking ones) become one space, brackets around it go."""
    name = " ".join(name.split())
    if name.startswith("[") and name.endswith("]"):
        name = " ".join(name[1:-1].split())
    return name.rstrip(":")


def is_code(name: str) -> bool:
    """An upper-case code or name as transcribers write them: I, B1, IP2, S00, SPEAKER_00, LEHRER."""
    return any(ch.isalpha() for ch in name) and name == name.upper()


def match_label(line: str) -> Label | None:
    """The label at the start of ``line`` if it has a label's shape; acceptance is ``accept_labels``' job."""
    match = _LINE_START.match(line)
    if match is None:
        return None
    # All groups in one call: looking each up by name cost as much as the match.
    lead, bracket, bracket_end, paren, hash_, bare, bare_end, _, name, raw, time, colon, _, after, first = match.groups()
    start_ms = end_ms = None
    if lead is not None:
        start_ms = clock_to_ms(bracket or paren or hash_ or bare)
        end_text = bracket_end or bare_end
        end_ms = clock_to_ms(end_text) if end_text else None
    if name is not None:
        return _new_tuple(Label, (name, speaker_key(name), match.end(_LABEL_END), "bracket", True, False, start_ms,
                                  end_ms, False))
    if raw is not None:  # "Anna Weber (00:01:22): ..."
        start_ms = clock_to_ms(time)
    else:
        raw = colon.rstrip()
        if raw[-1:].isdigit() and line[match.end(_LABEL_END) : match.end(_LABEL_END) + 1].isdigit():
            return None  # a time (10:30), a ratio
    parts = _label_parts(raw)
    if parts is None:
        return None
    name, key, strong, stop = parts
    if after is not None and start_ms is None:  # "Anna: [00:01:22] ..."
        start_ms = clock_to_ms(after)
    opens_lower = first is not None and first.islower()  # "Konkret: wir brauchen ...": a sentence going on
    return _new_tuple(Label, (name, key, match.end(), "colon", strong, stop, start_ms, end_ms, opens_lower))


def match_name_with_time(line: str) -> Label | None:
    """Teams' "Anna Weber   0:03": a name and a time, nothing else, on one line."""
    if len(line) > _MAX_NAME_LINE:
        return None
    match = _NAME_WITH_TIME.fullmatch(line)
    if match is None:
        return None
    shape = _shape(match["name"])
    if shape is None or not shape[1] or shape[2] or not _ends_like_name(match["name"]):
        return None
    end = clock_to_ms(match["end"]) if match["end"] else None
    name = shape[0]
    return Label(name, speaker_key(name), len(line), "name+time", True, False, clock_to_ms(match["time"]), end)


def match_name_line(line: str) -> str | None:
    """A line that is only a name (the first half of a Teams "name, then time" pair)."""
    if len(line) > _MAX_NAME_LINE or ":" in line or not _ends_like_name(line):
        return None
    shape = _shape(line.strip())
    if shape is None or not shape[1] or shape[2]:
        return None
    return shape[0]


def match_speaker_field(line: str) -> str | None:
    """The name in WhisperX's "Speaker: SPEAKER_01" line (whose words follow on a "Text:" line), or None."""
    if len(line) > _MAX_NAME_LINE:
        return None
    match = _SPEAKER_FIELD.fullmatch(line)
    if match is None:
        return None
    name = tidy_name(match["name"])
    return name if speaker_key(name) else None


def match_text_field(line: str) -> int | None:
    """Where the words begin in WhisperX's "Text: ..." line, or None when it is not one."""
    match = _TEXT_FIELD.match(line)
    return None if match is None else match.end()


def match_machine_label_line(line: str) -> str | None:
    """The machine label that is all of aTrain's speaker line ("SPEAKER_00"), or None."""
    match = _MACHINE_LABEL_LINE.fullmatch(line) if len(line) <= 40 else None
    return None if match is None else match["name"]


def match_segment_time(line: str) -> tuple[int, int | None] | None:
    """(where the words begin, ms) after aTrain's "[00:00:03] - " at the start of a segment's line, or None."""
    match = _SEGMENT_TIME.match(line)
    return None if match is None else (match.end(), clock_to_ms(match["time"]))


def match_time_line(line: str) -> tuple[int | None, int | None] | None:
    """A line that is only a time or a time range ("0:03", "00:00:03.120 --> 00:00:05.000")."""
    match = _TIME_LINE.fullmatch(line)
    if match is None or (match["end"] is None and line.strip() != match["time"]):
        return None
    start = clock_to_ms(match["time"])
    if start is None:
        return None
    return start, clock_to_ms(match["end"]) if match["end"] else None


def accept_labels(labels: Sequence[Label], *, known_keys: Sequence[str] = ()) -> list[bool]:
    """Which of a document's label-like line starts, in document order, are speakers (see the module comment).

    ``known_keys`` are speakers the layout already names (table rows): they count as recurring speakers.
    """
    # Column by column (a label's fields unpacked once, sets and counts made in C): thousands of labels a document.
    names, keys, _, kinds, strongs, stops, _, _, opens_lower = zip(*labels) if labels else ((),) * 9
    counts = Counter(compress(keys, map(not_, stops)))
    counts.update(known_keys)
    strong_keys = set(compress(keys, strongs)) | set(known_keys)
    recurring = {key for key, n in counts.items() if n >= 3 or (n >= 2 and key in strong_keys)}
    header_end = -1 if known_keys else _cover_page_end(labels, recurring)
    if header_end < 0 and _all_recurring_speakers(keys, kinds, strongs, stops, recurring):
        return [True] * len(keys)
    shown = dict(zip(reversed(keys), reversed(names)))  # each key's first spelling (later ones overwritten)
    code_style = bool(recurring) and all(is_code(shown.get(key, key)) for key in recurring)
    brackets_recur = any(kind == "bracket" and key in recurring for kind, key in zip(kinds, keys))
    name_time_pairs = kinds.count("name+time")

    accepted = []
    columns = zip(names, keys, kinds, strongs, stops, opens_lower)
    for index, (name, key, kind, strong, stop, lower) in enumerate(columns):
        if kind == "name+time":  # a layout no cover page has: a name seen once is a speaker too
            ok = bool(key) and name_time_pairs >= 2
        elif stop or not key or index <= header_end:
            ok = False
        elif kind == "bracket":
            ok = brackets_recur
        elif not strong:
            ok = counts[key] >= 3
        elif key in recurring or not recurring:
            ok = True
        elif _NUMBERED.fullmatch(name):
            ok = True  # B3, IP2, Teilnehmer 3: unmistakably a label, even when the words start "ähm"
        else:
            ok = not lower and (not code_style or is_code(name))
        accepted.append(ok)
    return accepted


def _all_recurring_speakers(
    keys: Sequence[str], kinds: Sequence[str], strongs: Sequence[bool], stops: Sequence[bool], recurring: set[str]
) -> bool:
    """The usual transcript, seen in C: every label a strong "Name:" label, none a stop word, each a recurring
    speaker's. accept_labels' rules then accept every one, and its loop over the labels is left out (5,000
    labels: 2 ms)."""
    return (
        kinds.count("colon") == len(kinds) and all(strongs) and not any(stops) and all(keys)
        and recurring.issuperset(keys)
    )


def _cover_page_end(labels: Sequence[Label], recurring: set[str]) -> int:
    """Index of the last cover-page field ("Date: ...", "Interviewer: Yasmine Hassan"), or -1 if there is none.

    A cover page shows as two or more once-seen or stop labels before the first recurring one. It runs up to the
    last such label before some speaker's second turn, so a field named like a speaker ("Moderation: Dr. Lisa
    Brandt" above "Moderation: Willkommen") is part of it too.
    """
    if not recurring:
        return -1
    first_recurring = next(i for i, label in enumerate(labels) if label.key in recurring)
    if sum(1 for label in labels[:first_recurring] if label.key not in recurring) < 2:
        return -1
    seen: set[str] = set()
    end = -1
    for index, label in enumerate(labels):
        if label.key in recurring:
            if label.key in seen:
                break
            seen.add(label.key)
        else:
            end = index
    return end


@lru_cache(maxsize=4096)  # a transcript repeats a handful of labels thousands of times
def _label_parts(raw: str) -> tuple[str, str, bool, bool] | None:
    """(name, key, strong, stop) for a label-like text, or None when it cannot be a label."""
    shape = _shape(raw)
    return None if shape is None else (shape[0], speaker_key(shape[0]), shape[1], shape[2])


@lru_cache(maxsize=4096)
def _shape(raw: str) -> tuple[str, bool, bool] | None:
    """(name, strong, stop) for a label-like text, or None when it cannot be a label."""
    name = tidy_name(raw)
    if not name or not name[0].isalpha():  # "[Moderator]" is tidied to "Moderator"
        return None
    if ASR_LABEL.fullmatch(name):
        return name, True, False  # "SPEAKER_??" too, whose question marks are no sentence punctuation
    parts = _PARENTHETICAL.fullmatch(name)
    main = parts["main"] if parts is not None else name
    words = main.split()
    if not words or len(words) > 5 or len(main) > 40:
        return None
    if any(_WORD.fullmatch(word) is None for word in words):
        return None  # sentence punctuation, quotes, brackets: prose, not a label
    kinds = [_word_kind(word) for word in words]
    strong = kinds[0] == "cap" and all(kind != "lower" for kind in kinds)
    if not strong and len(words) > 3:
        return None
    folded = [word.casefold() for word in words]
    if len(words) == 1:
        stop = speaker_key(main) in _STOP_WORDS
    else:
        stop = folded[0] in _STOP_FIRST or any(word.strip(".") in _STOP_NOUNS for word in folded)
    return name, strong, stop


def _word_kind(word: str) -> str:
    core = word.strip(".-'’/&")
    if not core:
        return "particle"
    if core[0].isupper() or core.isdigit() or (any(c.isdigit() for c in core) and any(c.isalpha() for c in core)):
        return "cap"
    if word.casefold() in _PARTICLES or core.casefold() in _PARTICLES:
        return "particle"
    return "lower"


def _ends_like_name(text: str) -> bool:
    text = text.rstrip()
    return bool(text) and (text[-1].isalnum() or text[-1] == ")")
