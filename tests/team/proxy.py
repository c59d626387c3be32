"""A TCP relay on the loopback address between FocusCoder and the throwaway server, which can fail as a network
does: go away for a while (every connection dropped, new ones turned back), or drop a connection at the worst
moment, right as a change's COMMIT is on its way, either before it reaches the server or after, losing its answer.

Plain threads and sockets, all stopped by ``close()``; it relays only to the cluster's own port on 127.0.0.1.
"""

from __future__ import annotations

import socket
import threading
from contextlib import suppress

COMMIT = b"COMMIT\x00"  # psycopg's commit: a simple-query message holding this text


class Relay:
    def __init__(self, server_port: int) -> None:
        self.server_port = server_port
        self.listening = socket.create_server(("127.0.0.1", 0))
        self.listening.settimeout(0.2)
        self.port = self.listening.getsockname()[1]
        self.down = False  # the network is away: connections dropped, new ones closed at once
        # "before": the next COMMIT is swallowed and its connection dropped; "after": it reaches the server, the
        # answer is swallowed and the connection dropped. Reset once used.
        self.cut_at_commit: str | None = None
        self.cuts = 0
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def url(self, cluster_url: str) -> str:
        return cluster_url.replace(f":{self.server_port}/", f":{self.port}/")

    def go_down(self) -> None:
        self.down = True
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            _close(*pair)

    def come_back(self) -> None:
        self.down = False

    def close(self) -> None:
        self._stop.set()
        self.go_down()
        self.listening.close()
        for thread in self._threads:
            thread.join(timeout=2)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listening.accept()
            except (TimeoutError, OSError):
                continue
            if self.down:
                client.close()
                continue
            try:
                server = socket.create_connection(("127.0.0.1", self.server_port), timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._pairs.append((client, server))
            for source, target, upstream in ((client, server, True), (server, client, False)):
                thread = threading.Thread(target=self._pump, args=(source, target, upstream, (client, server)),
                                          daemon=True)
                thread.start()

    def _pump(self, source: socket.socket, target: socket.socket, upstream: bool, pair) -> None:  # noqa: ANN001
        try:
            while not self._stop.is_set():
                data = source.recv(65536)
                if not data:
                    break
                if upstream and COMMIT in data and self.cut_at_commit is not None:
                    how, self.cut_at_commit = self.cut_at_commit, None
                    self.cuts += 1
                    if how == "after":
                        target.sendall(data)  # the server commits ...
                        pair[0].shutdown(socket.SHUT_RDWR)  # ... and the client never hears of it
                        threading.Timer(0.5, _close, pair).start()
                    else:
                        _close(*pair)
                    break
                target.sendall(data)
        except OSError:
            pass
        finally:
            if not upstream:
                _close(*pair)


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        with suppress(OSError):
            sock.close()
