"""A throwaway PostgreSQL cluster on the loopback address, for the team tests and the team benchmark.

It is made with the distribution's own ``initdb``/``pg_ctl`` in a temporary folder, listens on a free port of
127.0.0.1 only, and is stopped and deleted afterwards. Password authentication (scram) is on for TCP, as on a real
server, so the tests exercise how FocusCoder finds passwords. Running as root (CI containers), the server runs as
the ``postgres`` system user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "fc_admin"
SUPERUSER_PASSWORD = "admin-secret"


def find_bindir() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, or where Debian puts them (not on PATH there)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Cluster:
    bindir: Path
    folder: Path
    port: int
    run_as: str | None

    def url(self, user: str = SUPERUSER, database: str = "postgres", password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql+psycopg://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = list(args)
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self) -> None:
        data = self.folder / "data"
        pwfile = self.folder / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        if self.run_as:
            entry = pwd.getpwnam(self.run_as)
            for path in (self.folder, pwfile):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self._run(
            str(self.bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, f"--pwfile={pwfile}",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
        )
        pwfile.unlink()
        self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-o", self._options(), "-l",
                  str(self.folder / "log"), "-w", "start")

    def _options(self) -> str:
        return (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )

    def restart(self) -> None:
        """Restart the server as for maintenance: ``-m fast`` ends every connection and rolls back open changes."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-o", self._options(), "-l",
                  str(self.folder / "log"), "-m", "fast", "-w", "restart")

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb); `.ci/run` installs it with apt-get")
    run_as = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="fc-pg-"))
    os.chmod(folder, 0o755)
    cluster = Cluster(bindir=bindir, folder=folder, port=_free_port(), run_as=run_as)
    try:
        cluster.start()
    except subprocess.CalledProcessError as exc:
        log = (folder / "log").read_text() if (folder / "log").exists() else ""
        cluster.stop()
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr or exc}\n{log}") from exc
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", cluster.port)) == 0:
                break
        time.sleep(0.05)
    return cluster
