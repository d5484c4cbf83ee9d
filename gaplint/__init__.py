"""gaplint: gap analysis of government social media policies against CTG's eight elements."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from gaplint.report import DocumentReport

__all__ = ["__version__", "check"]


def check(path: Any, **options: Any) -> DocumentReport:
    """Check one policy document and return its report (see `gaplint.api.check`)."""
    from gaplint.api import check as _check

    return _check(path, **options)
