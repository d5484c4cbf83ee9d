"""What can go wrong, in two kinds.

An InputError is one document gaplint cannot read: it has a stable code for JSON, becomes one
line for people, and the rest of the batch goes on. A UserError is a mistake in what the user
gave (configuration, rules, baseline): the command stops with one line and exit status 2.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):
    NOT_FOUND = "not-found"
    UNREADABLE = "unreadable"
    ENCRYPTED = "encrypted"
    NO_TEXT_LAYER = "no-text-layer"
    CORRUPT = "corrupt"
    MISMATCHED_TYPE = "mismatched-type"
    UNSUPPORTED = "unsupported-type"
    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too-large"
    UNSAFE_XML = "unsafe-xml"
    SYMLINK_LOOP = "symlink-loop"
    TIMEOUT = "timeout"
    REVISION = "revision"
    """`gaplint diff --rev`: not in git, an unknown revision, or a file the revision lacks."""
    INTERNAL = "internal"
    """A bug in gaplint met on this document; the rest of the batch is still judged."""


class InputError(Exception):
    """A document gaplint cannot read; `message` is one line without the path."""

    def __init__(self, code: ErrorCode, message: str, path: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def line(self) -> str:
        return f"{self.path}: error[{self.code.value}]: {self.message}"


class UserError(Exception):
    """A mistake in configuration, rules or a baseline; the message names the file."""
