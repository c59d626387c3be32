"""What bringing in a colleague's work (or an exchange file) did: added, matched, left out and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app.services.changes import ChangeSet

# Kinds in the order a summary lists them, with their plural for messages.
KINDS = {
    "coder": "coders",
    "code": "codes",
    "speaker": "speakers",
    "document": "documents",
    "coding": "codings",
    "memo": "memos",
    "attribute": "attributes",
    "value": "attribute values",
    "vote": "votes",
}


@dataclass(slots=True)
class MergeSummary:
    added: Counter[str] = field(default_factory=Counter)
    matched: Counter[str] = field(default_factory=Counter)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (kind, reason)
    notes: list[str] = field(default_factory=list)  # things done that the researcher should know
    changes: ChangeSet = field(default_factory=ChangeSet)

    def leave_out(self, kind: str, reason: str) -> None:
        self.left_out.append((kind, reason))

    def lines(self) -> list[str]:
        """The summary as lines for the command line and a dialog."""
        def counts(counter: Counter[str]) -> str:
            parts = [f"{counter[kind]} {plural}" for kind, plural in KINDS.items() if counter[kind]]
            return ", ".join(parts) or "nothing"

        out = [f"Added: {counts(self.added)}.", f"Matched (already there): {counts(self.matched)}."]
        if self.left_out:
            out.append(f"Left out: {len(self.left_out)}")
            out += [f"  - {kind}: {reason}" for kind, reason in self.left_out]
        out += [f"Note: {note}" for note in self.notes]
        return out

    def as_json(self) -> dict:
        return {
            "added": {kind: self.added[kind] for kind in KINDS if self.added[kind]},
            "matched": {kind: self.matched[kind] for kind in KINDS if self.matched[kind]},
            "left_out": [{"kind": kind, "reason": reason} for kind, reason in self.left_out],
            "notes": list(self.notes),
        }
