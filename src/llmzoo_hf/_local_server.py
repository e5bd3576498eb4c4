"""Run a server command in a subprocess on 127.0.0.1 until a block ends: the eval judge's ``llmzoo serve``.

The test suite starts its servers with the same helpers (``tests/_servers.py``).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LocalServer:
    """A running server: its base URL (``http://127.0.0.1:PORT``), process and log file."""

    url: str
    port: int
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        """Return what the server printed so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def wait_for_http(url: str, *, process: subprocess.Popen | None = None, timeout_s: float = 300) -> None:
    """Poll ``url`` until it answers 200.

    Raises:
        RuntimeError: ``process`` exited first.
        TimeoutError: ``url`` did not answer 200 within ``timeout_s`` seconds.
    """
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # a health probe, not a client: no retries
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):  # refused while starting, or a non-200 answer
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout_s} s")


@contextlib.contextmanager
def local_server(
    argv: list[str],
    *,
    port: int,
    log_path: Path,
    health_path: str = "/health",
    timeout_s: float = 300,
    env: dict[str, str] | None = None,
) -> Iterator[LocalServer]:
    """Run ``argv`` (a server listening on ``port``) until the block ends, once ``health_path`` answers 200.

    Raises:
        RuntimeError: the server exited or did not answer in ``timeout_s`` seconds; the message quotes its log.
    """
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w") as log:
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=full_env)
    server = LocalServer(f"http://127.0.0.1:{port}", port, process, log_path)
    try:
        try:
            wait_for_http(server.url + health_path, process=process, timeout_s=timeout_s)
        except (RuntimeError, TimeoutError) as exc:
            raise RuntimeError(f"{exc}\n--- server log ({log_path}) ---\n{server.log()[-4000:]}") from exc
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
