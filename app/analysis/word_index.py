"""Counting the words of many passages at once: where each word of a text is, found once.

``count_words(text[start:end])`` for 100,000 codings scans the same text many times over. Here every word's
start and end is found once per document, so the words of any number of passages are two vectorised binary
searches; only a word cut by a passage's edge is counted again on the part inside. The result is exactly
``count_words`` of each slice. Document text never changes after import, so a document's word positions are kept
by the text's SHA-256 for the next analysis.

A word cut by a passage's edge counts when its part inside holds a letter or digit. Separators (``-``, ``'``,
``’``) stand single between word characters, so only a part of one character can lack one, and it lacks one
exactly when that character is a separator: the separators' positions, kept with the words', decide it for all
passages at once (looking at each such part's text cost a Python call per coding).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from app.analysis.words import count_words


# Enough for a large study; positions cost 16 bytes per word.
_CACHE_LIMIT_CHARACTERS = 60_000_000
_cache: OrderedDict[str, tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = OrderedDict()


class _LaidOut(Protocol):
    sha256: str
    text: str
    offset: int


def word_positions(sha256: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """The start and end of every word of ``text``, computed on first use and then kept."""
    kept = _kept(sha256, text)
    return kept[1], kept[2]


def separator_positions(sha256: str, text: str) -> np.ndarray:
    """Where ``text`` holds a separator character (``-``, ``'``, ``’``), sorted; kept with the word positions."""
    return _kept(sha256, text)[3]


def line_break_positions(sha256: str, text: str) -> np.ndarray:
    """Where ``text`` holds a line break, sorted; kept with the word positions (a quote's paragraph)."""
    return _kept(sha256, text)[4]


def _kept(sha256: str, text: str) -> tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    kept = _cache.get(sha256)
    if kept is not None and (kept[0] is text or kept[0] == text):
        _cache.move_to_end(sha256)
        return kept
    codes = _code_points(text)
    starts, ends = _word_spans(codes)
    separators = np.flatnonzero(_is_separator(codes)).astype(np.int64)
    line_breaks = np.flatnonzero(codes == 0x0A).astype(np.int64)
    kept = _cache[sha256] = (text, starts, ends, separators, line_breaks)
    held = sum(len(entry[0]) for entry in _cache.values())
    while held > _CACHE_LIMIT_CHARACTERS and len(_cache) > 1:
        _, dropped = _cache.popitem(last=False)
        held -= len(dropped[0])
    return kept


def _word_character_table() -> np.ndarray:
    # What the regular expression's \w matches (str.isalnum() or "_"), for every character of the Basic
    # Multilingual Plane; the few characters above it (emoji, rare scripts) are looked up one by one. Found by
    # the expression itself in one string of them all, a few hundred runs: asking each character took a tenth
    # of a command's time.
    plane = np.arange(0x10000, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    table = np.zeros(0x10000, dtype=bool)
    for run in re.finditer(r"\w+", plane):
        table[run.start() : run.end()] = True
    return table


_WORD_CHARACTERS: np.ndarray | None = None
_SEPARATORS = (ord("-"), ord("'"), ord("’"))  # what joins the parts of one word (words.WORD)


def _is_separator(codes: np.ndarray) -> np.ndarray:
    # Three comparisons: np.isin took a hundred times as long over a text's code points (a tenth of a command).
    return (codes == _SEPARATORS[0]) | (codes == _SEPARATORS[1]) | (codes == _SEPARATORS[2])


def word_spans(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end of every match of ``words.WORD`` in ``text``, in code points, found with numpy.

    The same words as ``WORD.finditer`` (tests compare them on generated and real texts), about ten times faster:
    scanning two million words with the regular expression took seconds. A word is a maximal run of word
    characters, joined to the next run when a single separator stands between them.
    """
    return _word_spans(_code_points(text))


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _word_spans(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    global _WORD_CHARACTERS
    if _WORD_CHARACTERS is None:
        _WORD_CHARACTERS = _word_character_table()
    wide = codes > 0xFFFF
    is_word = _WORD_CHARACTERS[np.where(wide, 0, codes)]
    if wide.any():
        for code in np.unique(codes[wide]).tolist():
            is_word[codes == code] = chr(code).isalnum()
    edges = np.flatnonzero(np.diff(np.concatenate(([False], is_word, [False])).view(np.int8)))
    starts, ends = edges[0::2].astype(np.int64), edges[1::2].astype(np.int64)
    if len(starts) > 1:
        between = ends[:-1]  # the character after each run but the last
        joined = (starts[1:] - between == 1) & _is_separator(codes[between])
        starts = starts[np.concatenate(([True], ~joined))]
        ends = ends[np.concatenate((~joined, [True]))]
    return starts, ends


_corpus: list[tuple[list[tuple[str, int]], list[str], tuple[np.ndarray, np.ndarray]]] = []


def corpus_word_positions(documents: Sequence[_LaidOut]) -> tuple[np.ndarray, np.ndarray]:
    """Every word's start and end in the global layout of ``documents`` (each shifted by its ``offset``).

    The last two layouts are kept: analyses of an unchanged project ask for the same one again, and joining two
    million word positions each time cost more than counting the coded words with them. A layout is reused only
    for the very same texts at the same offsets.
    """
    key = [(doc.sha256, doc.offset) for doc in documents]
    for kept_key, kept_texts, kept in _corpus:
        if kept_key == key and all(a is b.text or a == b.text for a, b in zip(kept_texts, documents)):
            return kept
    starts, ends = [], []
    for doc in documents:
        doc_starts, doc_ends = word_positions(doc.sha256, doc.text)
        starts.append(doc_starts + doc.offset)
        ends.append(doc_ends + doc.offset)
    empty = np.zeros(0, dtype=np.int64)
    joined = (np.concatenate(starts) if starts else empty, np.concatenate(ends) if ends else empty)
    _corpus.insert(0, (key, [doc.text for doc in documents], joined))
    del _corpus[2:]
    return joined


class WordCounter:
    """Counts words of passages of one text (a document, or all documents laid end to end).

    ``text(start, end)`` gives a slice of that text: only the few cut words at passage edges are looked at, and
    with ``separators`` (the sorted positions of ``separator_positions``, in the same layout) none are.
    """

    def __init__(
        self, text: Callable[[int, int], str], starts: np.ndarray, ends: np.ndarray,
        separators: np.ndarray | None = None,
    ) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends
        self.separators = separators

    def count(self, span_starts: np.ndarray, span_ends: np.ndarray) -> np.ndarray:
        """The words of each passage ``text[span_starts[i]:span_ends[i]]``."""
        span_starts = np.asarray(span_starts, dtype=np.int64)
        span_ends = np.asarray(span_ends, dtype=np.int64)
        total = len(self.starts)
        first = np.searchsorted(self.ends, span_starts, side="right")  # first word ending after the start
        last = np.searchsorted(self.starts, span_ends, side="left")  # one past the last word starting before the end
        words = np.maximum(last - first, 0)
        if total == 0:
            return words
        has = words > 0
        first_c = np.minimum(first, total - 1)
        last_c = np.clip(last - 1, 0, total - 1)
        cut_left = has & ((self.starts[first_c] < span_starts) | (self.ends[first_c] > span_ends))
        cut_right = (words > 1) & (self.ends[last_c] > span_ends)
        # A cut word counts once if its inside part holds a letter or digit. Separators (- ' ’) stand single
        # between word characters, so only a part of length 1 (or an empty span) can lack one: look at those only.
        for cut, word in ((cut_left, first_c), (cut_right, last_c)):
            inside_start = np.maximum(span_starts, self.starts[word])
            inside_end = np.minimum(span_ends, self.ends[word])
            short = np.flatnonzero(cut & (inside_end - inside_start <= 1))
            if self.separators is None:
                for i in short.tolist():
                    words[i] -= 1 - count_words(self.text(int(inside_start[i]), int(inside_end[i])))
                continue
            at = inside_start[short]
            found = np.searchsorted(self.separators, at)
            separator = self.separators[np.minimum(found, len(self.separators) - 1)] == at if len(self.separators) \
                else np.zeros(len(at), dtype=bool)
            words[short[separator | (inside_end[short] <= at)]] -= 1  # indexes are distinct: no lost update
        return words

    def count_one(self, start: int, end: int) -> int:
        return int(self.count(np.array([start]), np.array([end]))[0])
