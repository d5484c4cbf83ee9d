"""Fixtures for the `gaplint serve` tests: one real server for the module's tests, and the
HTML report tests' headless Chromium and axe-core."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.html_report.conftest import axe_source, browser

from .server import Server, start_server

__all__ = ["axe_source", "browser"]

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "serve"
MAX_FILES = 6
MAX_UPLOAD_MB = 3


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("serve")
    running = start_server(
        folder,
        "--isolated",
        "--max-files", str(MAX_FILES),
        "--max-upload-mb", str(MAX_UPLOAD_MB),
    )  # fmt: skip
    try:
        yield running
    finally:
        status = running.stop()
    assert status == 0, "SIGTERM stops the server cleanly"


@pytest.fixture(scope="session")
def serve_artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
