"""A real HTTP server on 127.0.0.1 whose answers a test scripts, path by path."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class Script:
    """``path → list of answers``; the last answer repeats. Requests are logged."""

    def __init__(self) -> None:
        self.answers: dict[str, list[Answer]] = {}
        self.log: list[tuple[float, str, dict[str, str]]] = []

    def on(self, path: str, *answers: Answer) -> None:
        self.answers[path] = list(answers)

    def next(self, path: str) -> Answer:
        queue = self.answers.get(path.split("?")[0])
        if not queue:
            return Answer(404, b"not found")
        return queue.pop(0) if len(queue) > 1 else queue[0]


@contextmanager
def serve(script: Script) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            script.log.append((time.monotonic(), self.path, dict(self.headers)))
            answer = script.next(self.path)
            if answer.delay:
                time.sleep(answer.delay)
            try:
                self.send_response(answer.status)
                for key, value in answer.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
