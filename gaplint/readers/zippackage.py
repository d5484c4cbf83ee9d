"""Zipped XML documents (DOCX, ODT): refused before parsing when they are bombs or unsafe.

Sizes are checked from the zip's central directory alone, before anything is inflated; every
part an XML parser might see is scanned, streamed, for DOCTYPE and ENTITY declarations
("billion laughs", external entities), and parts read directly use a parser with no DTD,
no entities and no network. `label` names the format in every message ("DOCX", "ODT").
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable

from lxml import etree

from gaplint.errors import ErrorCode, InputError
from gaplint.readers.base import Limits
from gaplint.readers.zipfailures import ZIP_FAILURES, zip_failure

_MIN_BOMB_BYTES = 1 << 20  # a part under 1 MiB cannot exhaust anything, whatever its ratio
_MAX_MEMBERS = 10_000
_SCAN_CHUNK = 1 << 20
_UNSAFE_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!doctype", "<!entity")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)
_XML_NAME = re.compile(r"\.(?:xml|rels|vml)$", re.IGNORECASE)
# A safe parser for the parts read directly: no DTD, no entities, no network, default limits.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
)

XmlMembers = Callable[[zipfile.ZipFile], list[str]]
"""The parts of a package that an XML parser may read."""


def xml_named(names: Iterable[str]) -> list[str]:
    """Parts whose name says XML."""
    return sorted(name for name in names if _XML_NAME.search(name))


def open_zip(data: bytes, label: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except ZIP_FAILURES as error:
        raise InputError(
            ErrorCode.CORRUPT, f"not a readable {label} (damaged or truncated zip: {error})"
        ) from None


def check_sizes(archive: zipfile.ZipFile, limits: Limits, label: str) -> None:
    """Refuse zip bombs from the central directory alone, before inflating anything.

    The declared sizes can be trusted as bounds: zipfile stops reading a member at its
    declared size and fails on a CRC mismatch, so a lying header cannot inflate further.
    """
    members = archive.infolist()
    if len(members) > _MAX_MEMBERS:
        raise InputError(
            ErrorCode.TOO_LARGE, f"{label} has {len(members):,} parts; too many to be a policy"
        )
    total = sum(member.file_size for member in members)
    if total > limits.max_uncompressed_bytes:
        raise InputError(
            ErrorCode.TOO_LARGE,
            f"{label} inflates to {total:,} bytes, "
            f"over the limit of {limits.max_uncompressed_bytes:,}",
        )
    for member in members:
        if member.flag_bits & 0x1:
            raise InputError(ErrorCode.ENCRYPTED, f"{label} part {member.filename} is encrypted")
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _MIN_BOMB_BYTES and ratio > limits.max_compression_ratio:
            raise InputError(
                ErrorCode.TOO_LARGE,
                f"{label} part {member.filename} inflates {ratio:,.0f}-fold, over the limit of "
                f"{limits.max_compression_ratio} (a zip bomb?)",
            )


def xml_problem(error: etree.XMLSyntaxError) -> str:
    """libxml2's complaint in the user's terms: past its depth limit (parts are parsed
    without huge_tree) it says "use XML_PARSE_HUGE option", advice meant for programmers."""
    if "Excessive depth" in str(error):
        return "XML nested over 256 levels deep, which no real document is"
    return str(error)


def scan_part(archive: zipfile.ZipFile, name: str, label: str) -> None:
    """Refuse a part with a DOCTYPE or ENTITY declaration; streamed, so never all in memory."""
    overlap = b""
    with archive.open(name) as part:
        while chunk := part.read(_SCAN_CHUNK):
            window = (overlap + chunk).lower()
            if any(marker in window for marker in _UNSAFE_MARKERS):
                raise InputError(
                    ErrorCode.UNSAFE_XML,
                    f"{label} part {name} declares a DOCTYPE or entities (refused: entity "
                    "expansion and external entities are unsafe)",
                )
            overlap = chunk[-32:]


def checked_zip(
    data: bytes, limits: Limits, label: str, required: tuple[str, str], xml_members: XmlMembers
) -> zipfile.ZipFile:
    """The opened zip, once it is known to be small enough, XML-safe and to hold `required`:
    (part name, what a package without it probably is not)."""
    archive = open_zip(data, label)
    check_sizes(archive, limits, label)
    part, kind = required
    if part not in set(archive.namelist()):
        raise InputError(ErrorCode.CORRUPT, f"{label} has no {part} (not {kind}?)")
    try:
        for name in xml_members(archive):
            scan_part(archive, name, label)
    except etree.XMLSyntaxError as error:
        raise InputError(ErrorCode.CORRUPT, f"damaged {label}: {xml_problem(error)}") from None
    except ZIP_FAILURES as error:
        raise zip_failure(error, label) from None
    return archive
