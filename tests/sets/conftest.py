"""The CLI tests' `project` fixture (a temporary project with its own rule pack)."""

from tests.cli.conftest import project

__all__ = ["project"]
