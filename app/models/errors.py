"""The errors of the project file layer (kept apart so ``locking`` and ``backups`` need not import each other)."""


class ProjectFileError(Exception):
    """A project file cannot be created or opened; the message says why, for a researcher."""
