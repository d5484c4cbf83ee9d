"""Suite-wide: a fixed report time, so runs compared byte for byte stay comparable, and a user
cache folder of its own for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaplint.report import SOURCE_DATE_EPOCH

FIXED_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


@pytest.fixture(autouse=True)
def _fixed_report_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SOURCE_DATE_EPOCH, FIXED_EPOCH)


@pytest.fixture(autouse=True)
def user_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's cache folder (`gaplint diff` and `draft` keep the rule pack there when the
    project's is in a git work tree): a fresh one per test, never the real home's."""
    folder = tmp_path_factory.mktemp("user-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "gaplint"
