"""Try an installed FocusCoder as a newcomer would, with nothing of this checkout around it.

    python installer/smoke_test.py dist/FocusCoder/FocusCoder       (the desktop bundle: make bundle-test)
    python installer/smoke_test.py /some/venv/bin/focuscoder         (a wheel installed into a fresh venv)

In an empty home folder and a German locale it writes the sample project, opens it in the desktop app offscreen
and saves a screenshot, searches it by lemma (spaCy and its lookup tables) and writes its Word report. It fails
when a command fails, when Qt reports a file it cannot open (a missing icon), or when a translation is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROBLEMS_ON_STDERR = ("Cannot open file", "Traceback", "No such file", "not found")


def run(program: list[str], arguments: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run([*program, *arguments], env=env, capture_output=True, text=True, timeout=600)
    shown = " ".join(arguments)
    if result.returncode != 0:
        raise SystemExit(f"focuscoder {shown} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    problems = [line for line in result.stderr.splitlines() if any(p in line for p in PROBLEMS_ON_STDERR)]
    if problems:
        raise SystemExit(f"focuscoder {shown} reported missing files:\n" + "\n".join(problems))
    print(f"ok: focuscoder {shown}")
    return result


def smoke_test(program: list[str], folder: Path) -> Path:
    home = folder / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "LC_", "PYTHON"))}
    env.update(HOME=str(home), LANG="de_DE.UTF-8", LANGUAGE="de", QT_QPA_PLATFORM="offscreen")
    env.pop("VIRTUAL_ENV", None)
    sample = Path(run(program, ["sample"], env).stdout.strip().splitlines()[-1])
    if not sample.is_file() or home not in sample.parents:
        raise SystemExit(f"the sample project is not where it should be: {sample}")
    screenshot = folder / "screenshot.png"
    shown = run(program, ["gui", "--screenshot", str(screenshot)], env).stdout
    for translation in ("focuscoder_de.qm", "qtbase_de.qm"):
        if translation not in shown:
            raise SystemExit(f"the German translation {translation} was not loaded: {shown.strip()}")
    if not screenshot.is_file() or screenshot.stat().st_size < 10_000:
        raise SystemExit(f"no screenshot was written: {screenshot}")
    hits = run(program, ["search", str(sample), "Sprachkurs", "--lemma", "--json"], env).stdout
    if '"hits": []' in hits or "Sprachkurs" not in hits:
        raise SystemExit("the lemma search found nothing in the sample: spaCy's lookup tables are missing")
    report = folder / "report.docx"
    run(program, ["export", str(sample), "--output", str(report)], env)
    if not report.is_file() or report.stat().st_size < 20_000:
        raise SystemExit(f"no Word report was written: {report}")
    return screenshot


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    keep = os.environ.get("FOCUSCODER_SMOKE_KEEP")  # a folder to keep the screenshot and report in, to look at
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="focuscoder-smoke-"))
    folder.mkdir(parents=True, exist_ok=True)
    screenshot = smoke_test([str(Path(sys.argv[1]).resolve()), *sys.argv[2:]], folder)
    print(f"The installed FocusCoder works; its screenshot: {screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
