"""The domain model and the project file. No Qt, no business rules.

The names below are imported on first use (``from app.models import Code`` as before): a command that only reads
a project needs neither SQLAlchemy's ORM nor the declarative schema, whose classes alone took a fifth of such a
command's time.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# Each public name and the module that defines it.
_WHERE = {
    "ProjectLockedError": "locking",
    "Project": "project_file",
    "ProjectFileError": "errors",
    "create_project": "project_file",
    "open_project": "project_file",
    **dict.fromkeys(
        ("Attribute", "AttributeScope", "AttributeType", "AttributeValue", "Base", "Code", "Coder", "Coding",
         "Document", "Memo", "ProjectInfo", "Speaker", "SpeakerAlias", "Study", "Turn", "Vote"),
        "schema",
    ),
    "speaker_key": "speaker_names",
    **dict.fromkeys(("CodeKeyword", "StopList", "Term", "TextIndex"), "text_index"),
}

# The declarative classes are one model: their tables are complete in ``Base.metadata`` only with both modules.
_MODEL = ("schema", "text_index")

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    for part in _MODEL if module in _MODEL else (module,):
        import_module(f"{__name__}.{part}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # for type checkers and editors, which do not run __getattr__
    from app.models.errors import ProjectFileError
    from app.models.locking import ProjectLockedError
    from app.models.project_file import Project, create_project, open_project
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
        Study,
        Turn,
        Vote,
    )
    from app.models.speaker_names import speaker_key
    from app.models.text_index import CodeKeyword, StopList, Term, TextIndex
