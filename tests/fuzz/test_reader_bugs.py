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


def _deep_docx(levels: int) -> bytes:
    import io
    import zipfile

    from tests.builders.docx import simple_docx

    source = zipfile.ZipFile(io.BytesIO(simple_docx("Staff must keep passwords secret.")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                nested = b"<w:sdt><w:sdtContent>" * levels + b"<w:p/>"
                nested += b"</w:sdtContent></w:sdt>" * levels
                data = data.replace(b"<w:sectPr", nested + b"<w:sectPr", 1)
            target.writestr(item, data)
    return out.getvalue()


def _deep_odt(levels: int) -> bytes:
    from tests.builders.odt import content_xml, p, package

    body = "<text:section>" * levels + p("deep") + "</text:section>" * levels
    return package(content_xml(body))


@pytest.mark.parametrize(("build", "name"), [(_deep_docx, "deep.docx"), (_deep_odt, "deep.odt")])
def test_xml_past_the_depth_limit_says_so_in_the_users_terms(
    build: Callable[[int], bytes], name: str
) -> None:
    with pytest.raises(InputError) as raised:
        read_bytes(build(3_000), name)
    # libxml2 said "Excessive depth in document: 256, use XML_PARSE_HUGE option".
    assert raised.value.message.endswith("nested over 256 levels deep, which no real document is")
    assert "XML_PARSE_HUGE" not in raised.value.message
