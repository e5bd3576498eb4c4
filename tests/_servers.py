"""Start real servers on 127.0.0.1 for tests: ``llmzoo serve`` (or any command) in a subprocess."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
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
class ServerHandle:
    """A running server: its base URL (``http://127.0.0.1:PORT``), process and log file."""

    url: str
    port: int
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        """Return what the server printed so far."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def wait_for_http(url: str, *, process: subprocess.Popen | None = None, timeout: float = 300) -> None:
    """Poll ``url`` until it answers 200, the process dies, or ``timeout`` seconds pass."""
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode} before {url} answered")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@contextlib.contextmanager
def running_command(
    argv: list[str], *, port: int, log_path: Path, health_path: str = "/health", timeout: float = 300, env=None
) -> Iterator[ServerHandle]:
    """Run ``argv`` (a server listening on ``port``) until the block ends; wait for ``health_path`` first."""
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w") as log:
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=full_env)
    handle = ServerHandle(f"http://127.0.0.1:{port}", port, process, log_path)
    try:
        try:
            wait_for_http(handle.url + health_path, process=process, timeout=timeout)
        except (RuntimeError, TimeoutError) as exc:
            raise RuntimeError(f"{exc}\n--- server log ---\n{handle.log()[-4000:]}") from exc
        yield handle
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def llmzoo_serve(model: str | Path, tmp_path: Path, *extra_args: str, timeout: float = 300) -> Iterator[ServerHandle]:
    """Run ``llmzoo serve --model MODEL --host 127.0.0.1 --port N [extra_args]`` until the block ends."""
    port = free_port()
    argv = [sys.executable, "-m", "llmzoo_hf.cli", "serve", "--model", str(model), "--host", "127.0.0.1"]
    argv += ["--port", str(port), *extra_args]
    with running_command(argv, port=port, log_path=Path(tmp_path) / f"serve-{port}.log", timeout=timeout) as handle:
        yield handle
