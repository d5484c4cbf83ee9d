"""A real `gaplint serve` in a child process on a free port, and a small HTTP client.

The client is the standard library's http.client, so a test can send any Host, Origin or
length it likes; multipart bodies are built here byte by byte.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import FIXED_EPOCH

START_SECONDS = 180  # loading spaCy on a busy machine
SERVE = "from gaplint.cli import main; main()"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


def multipart(
    files: list[tuple[str, bytes]],
    field: str = "documents",
    fields: dict[str, str] | None = None,
) -> tuple[bytes, str]:
    boundary = "gaplint-test-" + secrets.token_hex(8)
    parts: list[bytes] = []
    for name, value in (fields or {}).items():
        parts += [
            f"--{boundary}\r\n".encode(),
            f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode(),
            value.encode("utf-8"),
            b"\r\n",
        ]
    for name, data in files:
        quoted = name.replace("\\", "\\\\").replace('"', '\\"')  # a quoted-string
        parts += [
            f"--{boundary}\r\n".encode(),
            f'Content-Disposition: form-data; name="{field}"; filename="{quoted}"\r\n'.encode(),
            b"Content-Type: application/octet-stream\r\n\r\n",
            data,
            b"\r\n",
        ]
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    port: int
    uploads_tmp: Path
    """The TMPDIR the server runs with: its upload folders are made here."""

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            return Reply(response.status, dict(response.getheaders()), response.read())
        finally:
            connection.close()

    def upload(
        self,
        files: list[tuple[str, bytes]],
        headers: dict[str, str] | None = None,
        fields: dict[str, str] | None = None,
    ) -> Reply:
        body, content_type = multipart(files, fields=fields)
        sent = {"Content-Type": content_type, **(headers or {})}
        return self.request("POST", "/check", body, sent)

    def check(self, files: list[tuple[str, bytes]]) -> str:
        """Upload and return the result page's path."""
        reply = self.upload(files, {"Accept": "application/json"})
        assert reply.status == 200, reply.text
        where: str = reply.json()["result"]
        return where

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


def start_server(folder: Path, *args: str) -> Server:
    """`gaplint serve --port 0 ARGS` run in `folder`; waits for the address it prints."""
    uploads_tmp = folder / "server-tmp"
    uploads_tmp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(uploads_tmp), "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, "serve", "--port", "0", *args],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 1.0)
        if ready:
            line = process.stdout.readline()
            if line.startswith("gaplint serve: http://"):
                url = line.split()[2]
                port = int(url.rstrip("/").rsplit(":", 1)[1])
                return Server(process, url, port, uploads_tmp)
        if process.poll() is not None:
            break
    process.kill()
    _, errors = process.communicate(timeout=30)
    raise AssertionError(f"gaplint serve did not start: {errors}")
