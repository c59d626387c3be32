"""LibreOffice, when it is installed, lays out a Word report: as a PDF (``focuscoder export --format pdf``) and to
learn on which page each heading falls, for the table of contents' page numbers.

LibreOffice runs headless with a profile of its own in a temporary folder, so that it neither touches the user's
nor waits for a LibreOffice the user has open.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from app.export.files import ExportError

TIMEOUT_SECONDS = 300
NOT_INSTALLED = ("LibreOffice is not installed (no 'soffice' or 'libreoffice' on the PATH): a PDF is made with "
                 "it. Install LibreOffice, or export a Word report (--format docx) and save it as PDF in Word.")


def soffice() -> str | None:
    """The LibreOffice program, if one is on the PATH."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice() is not None


def convert(source: Path, to: str, folder: Path) -> Path:
    """``source`` converted by LibreOffice into format ``to`` ("pdf", "docx") in ``folder``; the new file's path."""
    program = soffice()
    if program is None:
        raise ExportError(NOT_INSTALLED)
    with tempfile.TemporaryDirectory(prefix="focuscoder-office-") as profile:
        command = [program, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--nologo", "--convert-to", to, "--outdir", str(folder), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False,
                                  env={**os.environ, "HOME": profile}, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise ExportError(f"LibreOffice took longer than {TIMEOUT_SECONDS} s for {source.name}.") from exc
        except OSError as exc:
            raise ExportError(f"LibreOffice could not be started ({exc.strerror or exc}).") from exc
    made = folder / f"{source.stem}.{to.split(':')[0]}"
    if not made.exists():
        said = (done.stderr or done.stdout).strip().splitlines()
        raise ExportError(f"LibreOffice did not convert {source.name}" + (f": {said[-1]}" if said else "."))
    return made


def heading_pages(pdf: Path) -> list[tuple[str, int]]:
    """The PDF's outline (LibreOffice writes the headings into it) as (title, page from 1), in order."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    found: list[tuple[str, int]] = []

    def walk(items) -> None:  # noqa: ANN001 - pypdf's nested outline list
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                page = reader.get_destination_page_number(item)
                if page is not None and page >= 0:
                    found.append((str(item.title), page + 1))

    walk(reader.outline)
    return found
