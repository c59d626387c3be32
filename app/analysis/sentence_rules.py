"""Where sentences end around emoji, for the language index and for the punctuation rule of "code the sentence".

Neither spaCy's sentencizer nor a punctuation rule knows emoji: "Das war gut 👍 Dann kam der Kurs." came out as one
sentence, and in "Das ist gut. 😀 Wirklich." the emoji opened the second sentence. In chat-like transcripts an
emoji is a sentence's last mark, so:

- an emoji (a run of them, with skin tones, joiners and variation selectors) belongs to the sentence before it:
  after "." "!" "?" or "…" it closes that sentence and the next word begins a new one
  ("Das ist gut. 😀" | "Wirklich.");
- without punctuation before it, it ends the sentence when the next word begins with a capital letter
  ("Das war gut 👍" | "Dann kam der Kurs."), and stays inside it otherwise ("Der Kurs war 👍 gut.");
- an emoji opening a turn has no sentence before it and stays with the one it opens ("👍🏽 Die Kurse helfen.").

The capital-letter rule splits "Wir finden 👍 Sprachkurse gut" too (a German noun after an emoji mid-sentence);
that is rare in transcripts, where an emoji mostly stands where the speaker stopped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Pictographs and emoticons, dingbats and symbols, arrows and stars, technical symbols (⌚ ⏰), regional
# indicators (flags); then what joins or modifies them: ZWJ, variation selectors, keycap, tags (skin tones lie
# in the first range).
_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u3030\u303D\u3297\u3299"
_JOINERS = "\u200D\uFE0E\uFE0F\u20E3\U000E0020-\U000E007F"
EMOJI = re.compile(f"[{_EMOJI}]")
# A run: emoji with their modifiers, several of them possibly apart by spaces ("👍 👍").
_RUN = re.compile(f"[{_EMOJI}][{_EMOJI}{_JOINERS}]*(?:[ \t]+[{_EMOJI}][{_EMOJI}{_JOINERS}]*)*")
_SENTENCE_MARK = re.compile(r"[.!?…][\"'“”‘’»«)\]]*$")
_NON_SPACE = re.compile(r"\S")
_LOOK_BACK = 40  # characters before an emoji in which a sentence mark (and spaces after it) is looked for


class EmojiRun(NamedTuple):
    start: int
    end: int
    ends_sentence: bool  # the next word begins a new sentence


def emoji_runs(text: str, start: int = 0, end: int | None = None) -> list[EmojiRun]:
    """The emoji runs of ``text[start:end]`` (one turn) and whether each ends its sentence (see module doc)."""
    end = len(text) if end is None else end
    runs = []
    for match in _RUN.finditer(text, start, end):
        # Only the neighbourhood is looked at (not the whole turn before it): a chat turn may hold many emoji.
        opens_turn = _NON_SPACE.search(text, start, match.start()) is None
        following = _NON_SPACE.search(text, match.end(), end)
        if opens_turn or following is None:  # no sentence before it, or none after it: no boundary to place
            runs.append(EmojiRun(match.start(), match.end(), False))
            continue
        before = text[max(start, match.start() - _LOOK_BACK):match.start()].rstrip()
        ends = bool(_SENTENCE_MARK.search(before)) or following.group().isupper()
        runs.append(EmojiRun(match.start(), match.end(), ends))
    return runs


def has_emoji(text: str) -> bool:
    return EMOJI.search(text) is not None


# A sentence ends with . ! ? or … (closing quotes and brackets included) before white space or the end.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'“”‘’»«)\]]*(?=\s|$)")


def sentences_by_rule(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` (one turn) by punctuation and emoji, without the white space around
    them: what the language index finds, for a document that has none yet."""
    breaks = {match.end() for match in _SENTENCE_END.finditer(text, start, end)}
    for run in emoji_runs(text, start, end):
        # A break just before the emoji (only white space between) moves behind it.
        breaks = {b for b in breaks if not (b <= run.start and not text[b:run.start].strip())}
        if run.ends_sentence:
            breaks.add(run.end)
    spans, begin = [], start
    for position in sorted(breaks):
        spans.append((begin, position))
        begin = position
    spans.append((begin, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed
