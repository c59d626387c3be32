"""The files FocusCoder ships beside its code: the sample workshop (``sample``), the icons (``icons``), the
compiled translations (``translations``) and the desktop entry (``desktop``).

In a checkout this is the top-level ``resources/`` folder; installed (a wheel, pipx, the desktop bundle) it is the
package ``app.resources`` inside FocusCoder (setup.py maps the one to the other, for editable installs too).
Everything finds its files here, through importlib.resources, never by a path relative to the source tree.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The file or folder ``parts`` of the resources, as a path on disk (Qt's loaders need one)."""
    # A package unpacked on disk (every way FocusCoder is installed) gives a real path; a zipped one is not supported.
    found = files(__name__).joinpath(*parts)
    return Path(str(found))
