"""The WSGI app in process (werkzeug's test client), for what a real server cannot be made
to do on demand: a bug in a request, every check slot taken, malformed uploads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from werkzeug.test import Client, TestResponse

from gaplint.run import NamedInput, RunResult
from gaplint.serve.app import ServeApp
from gaplint.serve.checking import CheckService
from gaplint.serve.settings import ServeSettings

from .server import multipart

JSON = {"Accept": "application/json"}


@pytest.fixture(scope="module")
def app() -> Iterator[ServeApp]:
    settings = ServeSettings(isolated=True, concurrent_checks=1, queue_seconds=0.01)
    yield ServeApp(settings, CheckService(settings))


def _post(app: ServeApp, body: bytes, content_type: str) -> TestResponse:
    return Client(app).post("/check", data=body, content_type=content_type, headers=JSON)


def _upload(app: ServeApp) -> TestResponse:
    return _post(app, *multipart([("policy.md", b"# Policy\n\nStaff must not post.\n")]))


def test_a_bug_in_a_request_is_one_line_and_a_500(
    app: ServeApp, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(inputs: list[NamedInput], set_name: str | None = None) -> RunResult:
        raise RuntimeError("boom")

    monkeypatch.setattr(app.service, "check", broken)
    reply = _upload(app)
    assert reply.status_code == 500
    assert reply.json == {"error": "internal error (a gaplint bug; please report it)"}
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("gaplint: error[internal]: RuntimeError: boom")


def test_when_every_check_slot_is_taken_the_answer_is_503(app: ServeApp) -> None:
    with app.service.slots:  # the one slot, held by "another" check
        reply = _upload(app)
    assert reply.status_code == 503 and reply.headers["Retry-After"] == "60"
    assert reply.json is not None and "try again" in reply.json["error"]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"garbage without any boundary", "multipart/form-data; boundary=xyz"),
        (b"--xyz\r\nContent-Disposition: form-data\r\n\r\n", "multipart/form-data; boundary=xyz"),
        (b"documents=policy.md", "application/x-www-form-urlencoded"),
        (b"%PDF-1.4", "application/pdf"),
    ],
)
def test_malformed_uploads_are_refused(app: ServeApp, body: bytes, content_type: str) -> None:
    reply = _post(app, body, content_type)
    assert reply.status_code == 400, reply.text
    assert reply.json is not None and reply.json["error"]
