"""The per-document guard: whatever one document does, the batch gets a DocumentReport back.

A document that takes longer than its time limit becomes `error[timeout]`; an unexpected
exception becomes `error[internal]` naming the exception. Both happen in the process that
checks the document (the main one with --jobs 1, a worker otherwise), so the rest of the
batch is still judged.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from gaplint.api import Checker, error_report
from gaplint.errors import ErrorCode, InputError
from gaplint.neutralise import terminal
from gaplint.report import DocumentReport
from gaplint.selection import Selection

MESSAGE_CHARS = 200


class DocumentTimeout(BaseException):
    """Raised by the alarm; a BaseException so no reader's `except Exception` swallows it."""


def can_time_limit() -> bool:
    """Whether `time_limit` can bound work here (only the main thread receives SIGALRM)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in this thread after `seconds` (0: no limit).

    SIGALRM interrupts Python code between bytecodes; the readers and rule regexes bound
    their own C-level work. Outside the main thread (or without setitimer) there is no bound.
    """
    if seconds <= 0 or not can_time_limit():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def one_line(error: BaseException) -> str:
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text if len(text) <= MESSAGE_CHARS else text[: MESSAGE_CHARS - 1] + "…"


BUG_NOTE = "(a gaplint bug; please report it)"


def internal_error(name: str, message: str) -> DocumentReport:
    return error_report(InputError(ErrorCode.INTERNAL, f"{message} {BUG_NOTE}", name))


def internal_error_line(error: BaseException) -> str:
    """The one line for a bug met outside any document (exit status 2, not Python's 1)."""
    return f"gaplint: error[{ErrorCode.INTERNAL.value}]: {terminal(one_line(error))} {BUG_NOTE}"


def guarded_check(
    checker: Checker, data: bytes, name: str, selection: Selection, timeout: float
) -> DocumentReport:
    """`checker.check_bytes`, but no document raises or takes much over `timeout` seconds."""
    # Compiling the pack (loading spaCy) is the batch's, paid once per process, not this
    # document's: before the clock starts, and outside the guard, since its failure (a rule
    # error, a missing model) is the whole batch's.
    checker.compiled  # noqa: B018
    try:
        with time_limit(timeout):
            return checker.check_bytes(data, name, selection)
    except DocumentTimeout:
        message = f"took longer than the time limit of {timeout:g} s; not judged"
        return error_report(InputError(ErrorCode.TIMEOUT, message, name))
    except Exception as error:  # any bug met on one document must not end the batch
        return internal_error(name, one_line(error))
