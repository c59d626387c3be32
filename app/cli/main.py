"""The ``focuscoder`` command line: the same operations as the desktop app, without a display.

Exit status 0 on success, 2 for a usage error, 1 for anything else, with one ``error: ...`` line on stderr (a
traceback only with ``--debug``). JSON output is one object on stdout. Each group of commands lives in a module of
its own and adds its commands to the parser here; heavy modules are imported inside the commands, so
``focuscoder --help`` answers at once. Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from app.cli import coding, exchange, install, project, reliability, reports, team, text, votes
from app.cli.common import Options, Parser, UsageError

# In the order ``focuscoder --help`` lists them.
GROUPS = (project, coding, reports, text, exchange, reliability, team, install, votes)


def build_parser() -> Parser:
    from app import __version__

    parser = Parser(prog="focuscoder", description="Qualitative coding of focus-group and interview transcripts.")
    parser.add_argument("--debug", action="store_true", help="show a traceback when something fails")
    parser.add_argument("--take-over", action="store_true",
                        help="take over the lock of a FocusCoder that is no longer running")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, handler: Callable[[argparse.Namespace], int], help: str) -> Parser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    for group in GROUPS:
        group.add_commands(command)
    parser.commands = set(sub.choices)
    return parser


def _with_default_command(argv: list[str], commands: set[str]) -> list[str]:
    """``focuscoder`` and ``focuscoder PROJECT`` open the desktop app: supply the implied ``gui``."""
    if {"-h", "--help", "--version"} & set(argv):
        return argv
    first = next((index for index, arg in enumerate(argv) if not arg.startswith("-")), None)
    if first is None:
        return [*argv, "gui"]
    if argv[first] not in commands:
        return [*argv[:first], "gui", *argv[first:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    # numpy's OpenBLAS starts a thread per core when numpy is imported, and they spin: 100-140 ms of the 380 ms of
    # CPU that `focuscoder stats` took on two cores, taken from the command itself on a busy machine. FocusCoder does
    # no linear algebra that threads would speed up. Set before any command imports numpy; the user's setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    argv = _with_default_command(argv, parser.commands)
    debug = "--debug" in argv
    try:
        args = parser.parse_args(argv)
        Options.take_over = args.take_over
        check = getattr(args, "check", None)  # a command's checks of its arguments beyond argparse's own
        if check is not None:
            check(args)
        return args.handler(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except BrokenPipeError:  # `focuscoder info ... | head`: the reader has gone, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the contract: one readable line, never a traceback
        if debug:
            raise
        from app.logfile import record_failure

        logged = record_failure(exc, what="focuscoder " + " ".join(argv))
        hint = f" (details in {logged})" if logged and not _expected(exc) else ""
        print(f"error: {_describe(exc)}{hint}", file=sys.stderr)
        previous_hook = sys.unraisablehook
        # A writer the failure left half-done (a zip file on a full disk) fails again when it is collected as
        # the error is released; that second report would only bury the one line above.
        sys.unraisablehook = lambda _unraisable: None
    try:
        import gc

        gc.collect()
    finally:
        sys.unraisablehook = previous_hook
    return 1


def _expected(exc: Exception) -> bool:
    """An error a user can cause, whose message says all; other failures point to the log."""
    from app.export.files import ExportError
    from app.importers.base import ReaderError
    from app.models import ProjectFileError
    from app.services import ServiceError

    return isinstance(exc, (ReaderError, ProjectFileError, ServiceError, ExportError, OSError))


def _describe(exc: Exception) -> str:
    from app.export.files import ExportError
    from app.importers.base import ReaderError
    from app.models import ProjectFileError, ProjectLockedError
    from app.services import ServiceError

    if isinstance(exc, ProjectLockedError):
        if exc.stale:
            return (f"{exc.path.name} is open by {exc.holder.describe()}, but that FocusCoder is no longer running; "
                    "run the command again with --take-over to take over its lock")
        return f"{exc.path.name} is open by {exc.holder.describe()}; close it there and try again"
    if isinstance(exc, (ReaderError, ProjectFileError, ServiceError, ExportError)):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc} ({exc.filename})" if exc.filename else str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
