"""gaplint: gap analysis of government social media policies against CTG's eight elements."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from gaplint.report import DocumentReport, SetReport

__all__ = ["__version__", "check", "check_set"]


def check(path: Any, **options: Any) -> DocumentReport:
    """Check one policy document and return its report (see `gaplint.api.check`)."""
    from gaplint.api import check as _check

    return _check(path, **options)


def check_set(name: str, paths: Any, **options: Any) -> SetReport:
    """Check documents that together make one policy and judge them as one set (see
    `gaplint.api.Checker.check_set`); `options` are the Checker's."""
    from gaplint.api import Checker

    return Checker(**options).check_set(name, paths)
