"""Crashes the fuzzer found in the readers, one reproducer each, for the readers engineer.

All escape through gaplint/readers/sniff.py (`_zip_kind`), which runs before the readers'
catch-all in readers/__init__.py: its except clause misses NotImplementedError (zip version
or compression method) and zlib.error. 10 of 2,000 mutated DOCX cases hit one of these.
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

READERS_BUG = pytest.mark.xfail(
    strict=False, reason="readers: sniff._zip_kind lets NotImplementedError and zlib.error out"
)


@READERS_BUG
@pytest.mark.parametrize(
    "build", [unsupported_version_docx, broken_deflate_zip, unknown_compression_zip]
)
def test_damaged_zip_is_one_input_error(build: Callable[[], bytes]) -> None:
    with pytest.raises(InputError):
        read_bytes(build(), "damaged.docx")
