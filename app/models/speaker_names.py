"""When two spellings name the same speaker.

Transcribers are inconsistent: ``Interviewer 1``, ``Interviewer1`` and ``INTERVIEWER 1`` are one person, and so is
``Dr.\u00a0Weber`` with a non-breaking space. Speakers are matched on this key, within a document and across the
project; the name shown stays the first spelling met.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)  # called for every label of every transcript; few distinct names
def speaker_key(name: str) -> str:
    """The key under which speaker names are compared: case, spacing and trailing punctuation ignored."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in folded if not ch.isspace()).rstrip(":.-–—")
