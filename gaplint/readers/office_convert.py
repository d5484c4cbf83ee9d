""".doc and .rtf: converted to DOCX by LibreOffice's headless converter, then read as DOCX.

The converter runs on a copy of the bytes in a private temporary folder (never beside the
input), with a profile of its own there (so it neither touches the user's LibreOffice
settings nor waits on a running LibreOffice's lock), in a process group of its own that is
killed whole when the time limit (`convert_seconds`) passes. Without LibreOffice the file is
`unsupported-type`, and the message says what to install.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from gaplint.errors import ErrorCode, InputError
from gaplint.readers.base import Limits, ReadResult

CONVERTERS = ("soffice", "libreoffice")
INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: `apt-get install libreoffice-writer-nogui`) "
    "or save it as .docx or PDF"
)
_KINDS = {".doc": "a legacy Word .doc file", ".rtf": "an RTF document"}


def converter() -> str | None:
    """LibreOffice's executable, or None when it is not installed."""
    for name in CONVERTERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_converter_message(suffix: str) -> str:
    return f"{_KINDS.get(suffix, 'this file')} needs LibreOffice to be read; {INSTALL_HINT}"


def to_docx(data: bytes, suffix: str, limits: Limits) -> bytes:
    """The document converted to DOCX bytes, or InputError (unsupported, timeout, corrupt)."""
    executable = converter()
    if executable is None:
        raise InputError(ErrorCode.UNSUPPORTED, missing_converter_message(suffix))
    with tempfile.TemporaryDirectory(prefix="gaplint-convert-") as work:
        folder = Path(work)
        source = folder / f"document{suffix}"
        source.write_bytes(data)
        out = folder / "out"
        command = [
            executable,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ]
        _run(command, folder, limits.convert_seconds)
        result = out / "document.docx"
        if not result.is_file():
            raise InputError(
                ErrorCode.CORRUPT,
                f"LibreOffice could not convert {_KINDS.get(suffix, 'the file')} (damaged?)",
            )
        if result.stat().st_size > limits.max_bytes:
            raise InputError(ErrorCode.TOO_LARGE, "the converted document is over `max_bytes`")
        return result.read_bytes()


def _run(command: list[str], folder: Path, seconds: float) -> None:
    env = {**os.environ, "HOME": str(folder)}  # nothing LibreOffice writes lands in ~
    with subprocess.Popen(
        command,
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, so a timeout kills all of it
    ) as process:
        try:
            process.wait(timeout=seconds or None)
        except BaseException as error:  # the time limit, or the document's own (SIGALRM)
            _kill_group(process)
            if isinstance(error, subprocess.TimeoutExpired):
                raise InputError(
                    ErrorCode.TIMEOUT,
                    f"LibreOffice took longer than {seconds:g} s to convert it (`convert_seconds`)",
                ) from None
            raise


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def read_converted(data: bytes, limits: Limits, suffix: str) -> ReadResult:
    from gaplint.readers.docx import read_docx

    return read_docx(to_docx(data, suffix, limits), limits)
