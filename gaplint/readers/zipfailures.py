"""What reading a damaged zip can raise, and the one error line each becomes.

zipfile raises far more than BadZipFile on hostile archives: RuntimeError for the encryption
flag, NotImplementedError for an unknown compression method, zlib.error for bad deflate data.
"""

from __future__ import annotations

import zipfile
import zlib

from gaplint.errors import ErrorCode, InputError

ZIP_FAILURES: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)


def is_encrypted(error: BaseException) -> bool:
    return isinstance(error, RuntimeError) and "encrypted" in str(error)


def zip_failure(error: BaseException, label: str = "DOCX") -> InputError:
    """ENCRYPTED for a password-protected part, else CORRUPT naming what went wrong."""
    if is_encrypted(error):
        return InputError(
            ErrorCode.ENCRYPTED,
            f"{label} is password-protected (encrypted zip); save an unprotected copy",
        )
    detail = " ".join(str(error).split())[:200] or type(error).__name__
    return InputError(ErrorCode.CORRUPT, f"damaged {label}: {detail}")
