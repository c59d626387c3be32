"""The ``focuscoder`` command line (``main``); one module per group of commands, their shared parts in
``common``."""

from app.cli.main import main

__all__ = ["main"]
