"""Hearing colleagues' changes in a team project as they happen (PostgreSQL LISTEN/NOTIFY).

The triggers of migration 0004 send one notification per changed table and transaction on the channel
``focuscoder``, marked with the client that made the change. A ``ChangeListener`` holds one extra connection that
waits for them in a thread and hands the names of the tables that others changed to a callback, which re-reads what
it shows. A lost connection is re-made; after a gap every table counts as changed, as something may have been missed.
The same connection says every little while who else has FocusCoder open on the project (``on_presence``).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import psycopg
from sqlalchemy.engine import URL

from app.models.team import COLLEAGUES_HERE, KEEPALIVES

CHANNEL = "focuscoder"
EVERYTHING = "*"  # handed to the callback after a reconnection: anything may have changed meanwhile
PRESENCE_S = 15.0  # how often the listener looks who else is working in the project


def _conninfo(url: URL, password: str | None) -> str:
    parts = {
        "host": url.host, "port": url.port, "dbname": url.database, "user": url.username,
        "password": password, "application_name": "FocusCoder (listening)", "connect_timeout": 10,
        **KEEPALIVES,  # a listener on a dead network finds out in about a minute, and says so
    }
    conninfo = psycopg.conninfo.make_conninfo(**{key: value for key, value in parts.items() if value is not None})
    # TLS and other libpq settings given in the address (?sslmode=...) apply to this connection too.
    extra = {key: value for key, value in url.query.items() if isinstance(value, str)}
    return psycopg.conninfo.make_conninfo(conninfo, **extra) if extra else conninfo


class ChangeListener:
    """Calls ``on_change(tables)`` from its own thread whenever another client changed the team project."""

    def __init__(
        self, project, on_change: Callable[[set[str]], None],  # noqa: ANN001 - TeamProject
        on_connection: Callable[[bool], None] | None = None,
        on_presence: Callable[[list[str]], None] | None = None,
    ) -> None:
        """``on_connection(False)`` when the server can no longer be heard, ``(True)`` when it can again;
        ``on_presence(users)`` with the other users working in the project, on connecting and when they change."""
        self._conninfo = _conninfo(project.url, project.password)
        self._client = project.client
        self._on_change = on_change
        self._on_connection = on_connection or (lambda _connected: None)
        self._on_presence = on_presence
        self.presence_s = PRESENCE_S
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="focuscoder-team-listener", daemon=True)

    def start(self, *, wait_s: float = 5.0) -> ChangeListener:
        self._thread.start()
        self._ready.wait(wait_s)  # listening before we return, so no change after start() is missed
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=3)

    @property
    def listening(self) -> bool:
        return self._ready.is_set() and self._thread.is_alive()

    def _run(self) -> None:
        missed = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._ready.set()
                    if missed:
                        missed = False
                        self._on_connection(True)
                        self._on_change({EVERYTHING})
                    present, looked = None, 0.0
                    while not self._stop.is_set():  # the timeout only lets stop() be noticed
                        if self._on_presence is not None and time.monotonic() - looked >= self.presence_s:
                            looked = time.monotonic()
                            now = [row[0] for row in connection.execute(COLLEAGUES_HERE)]
                            if now != present:
                                present = now
                                self._on_presence(now)
                        for notification in connection.notifies(timeout=0.25):
                            tables = self._tables_of(notification.payload)
                            if tables:
                                self._on_change(tables)  # at once: the app gathers what comes close together
                            if self._stop.is_set():
                                break
            except psycopg.Error:
                if not missed and not self._stop.is_set():
                    self._on_connection(False)
                missed = True
                self._stop.wait(1.0)  # the server is away; try again in a moment

    def _tables_of(self, payload: str) -> set[str]:
        try:
            event = json.loads(payload)
        except ValueError:
            return set()
        if not isinstance(event, dict) or event.get("client") == self._client:
            return set()  # our own change: the app already shows it
        table = event.get("table")
        return {table} if isinstance(table, str) else set()
