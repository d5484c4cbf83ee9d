"""Data that lives beside the repository in ../shared (the real dev policies, schemas).

A fresh clone has no ../shared: tests that need it skip, saying so, instead of failing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "corpus" / "dev"


def need(path: Path) -> Path:
    """`path` under ../shared, or skip the calling test with the reason."""
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside this checkout)")
    return path
