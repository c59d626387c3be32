"""One function per user-level change, each one transaction; used by the CLI and the desktop UI alike.

The names below are imported on first use (``from app.services import apply_code`` as before), so that reading
a project's data (``app.analysis``), which needs ``ServiceError`` and a few helpers, does not load every service.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# Each public name and the module that defines it.
_WHERE = {
    "create_project": "app.models",
    "open_project": "app.models",
    "set_attribute": "app.services.attributes",
    "code_passages": "app.services.autocode",
    "remove_codings": "app.services.autocode",
    **dict.fromkeys(("ChangeSet", "Ref", "ServiceError"), "app.services.changes"),
    **dict.fromkeys(("add_code", "delete_code", "merge_codes", "move_code", "rename_code", "update_code"),
                    "app.services.codes"),
    **dict.fromkeys(("apply_code", "apply_code_to_quote", "remove_coding", "update_coding"), "app.services.codings"),
    **dict.fromkeys(("delete_document", "import_documents", "rename_document"), "app.services.documents"),
    **dict.fromkeys(("set_memo", "set_project_memo"), "app.services.memos"),
    **dict.fromkeys(("SpeakerMergeRecord", "merge_speakers_undoably", "record_speaker_merge", "unmerge_speakers"),
                    "app.services.speaker_unmerge"),
    **dict.fromkeys(("merge_speakers", "rename_speaker"), "app.services.speakers"),
    **dict.fromkeys(("set_code_keywords", "set_document_language", "set_stop_words"), "app.services.text_settings"),
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # for type checkers and editors, which do not run __getattr__
    from app.models import create_project, open_project
    from app.services.attributes import set_attribute
    from app.services.autocode import code_passages, remove_codings
    from app.services.changes import ChangeSet, Ref, ServiceError
    from app.services.codes import add_code, delete_code, merge_codes, move_code, rename_code, update_code
    from app.services.codings import apply_code, apply_code_to_quote, remove_coding, update_coding
    from app.services.documents import delete_document, import_documents, rename_document
    from app.services.memos import set_memo, set_project_memo
    from app.services.speaker_unmerge import (
        SpeakerMergeRecord,
        merge_speakers_undoably,
        record_speaker_merge,
        unmerge_speakers,
    )
    from app.services.speakers import merge_speakers, rename_speaker
    from app.services.text_settings import set_code_keywords, set_document_language, set_stop_words
