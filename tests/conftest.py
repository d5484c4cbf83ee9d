"""Suite-wide: a fixed report time, so runs compared byte for byte stay comparable."""

from __future__ import annotations

import pytest

from gaplint.report import SOURCE_DATE_EPOCH

FIXED_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


@pytest.fixture(autouse=True)
def _fixed_report_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SOURCE_DATE_EPOCH, FIXED_EPOCH)
