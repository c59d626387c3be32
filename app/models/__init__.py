"""The domain model and the project file. No Qt, no business rules."""

from app.models.locking import ProjectLockedError
from app.models.project_file import Project, ProjectFileError, create_project, open_project
from app.models.schema import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Base,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    ProjectInfo,
    Speaker,
    SpeakerAlias,
    Turn,
)
from app.models.speaker_names import speaker_key
from app.models.text_index import CodeKeyword, StopList, Term, TextIndex

__all__ = [
    "Attribute",
    "AttributeScope",
    "AttributeType",
    "AttributeValue",
    "Base",
    "Code",
    "CodeKeyword",
    "Coder",
    "Coding",
    "Document",
    "Memo",
    "Project",
    "ProjectFileError",
    "ProjectInfo",
    "ProjectLockedError",
    "Speaker",
    "SpeakerAlias",
    "StopList",
    "Term",
    "TextIndex",
    "Turn",
    "create_project",
    "open_project",
    "speaker_key",
]
