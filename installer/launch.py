"""The desktop bundle's program: the ``focuscoder`` command (without arguments the desktop app on the last project or
the sample)."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # Windows: a frozen program must say so before any worker process starts
    sys.exit(main())
