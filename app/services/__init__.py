"""One function per user-level change, each one transaction; used by the CLI and the desktop UI alike."""

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

__all__ = [
    "ChangeSet",
    "Ref",
    "ServiceError",
    "SpeakerMergeRecord",
    "add_code",
    "apply_code",
    "apply_code_to_quote",
    "code_passages",
    "create_project",
    "delete_code",
    "delete_document",
    "import_documents",
    "merge_codes",
    "merge_speakers",
    "merge_speakers_undoably",
    "move_code",
    "open_project",
    "record_speaker_merge",
    "remove_coding",
    "remove_codings",
    "rename_code",
    "rename_document",
    "rename_speaker",
    "set_attribute",
    "set_code_keywords",
    "set_document_language",
    "set_memo",
    "set_project_memo",
    "set_stop_words",
    "update_code",
    "unmerge_speakers",
    "update_coding",
]
