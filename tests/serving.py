"""Real servers for tests on the loopback address: a free port, and an ASGI app served by uvicorn in a
thread for as long as a ``with`` block runs."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(app, start_s: float = 10.0, stop_s: float = 10.0) -> Iterator[tuple[str, int]]:
    """(base URL, port) of ``app`` served on 127.0.0.1; the server stops when the block ends."""
    import uvicorn
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=server.run, daemon=True)
    th.start()
    deadline = time.monotonic() + start_s
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", port
    finally:
        server.should_exit = True
        th.join(stop_s)
