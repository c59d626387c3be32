"""``python -m app`` is the ``focuscoder`` command."""

import sys

from app.cli import main

sys.exit(main())
