"""Crashes the fuzzer found in the readers, one reproducer each.

They escaped through the zip sniffing, which ran before the readers' error handling:
NotImplementedError (zip version or compression method) and zlib.error. 10 of 2,000 mutated
DOCX cases hit one of these; each is now one input error.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gaplint.errors import InputError
from gaplint.readers import read_bytes
from tests.fuzz.zip_builders import (
    broken_deflate_zip,
    unknown_compression_zip,
    unsupported_version_docx,
)


@pytest.mark.parametrize(
    "build", [unsupported_version_docx, broken_deflate_zip, unknown_compression_zip]
)
def test_damaged_zip_is_one_input_error(build: Callable[[], bytes]) -> None:
    with pytest.raises(InputError):
        read_bytes(build(), "damaged.docx")
