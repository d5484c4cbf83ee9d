"""Fixtures for the hostile-input tests: the CLI tests' temporary project is reused."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.cli.conftest import project  # noqa: E402

__all__ = ["project"]
