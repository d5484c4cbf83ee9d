"""Turn text bytes into str: BOMs, a declared charset, UTF-8, then Windows-1252, plus a binary test.

Deliberately plain fallbacks instead of statistical detection: policies are UTF-8, UTF-16 from
Windows tools, or legacy Windows-1252, and a wrong guess among those is easy to see and explain.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG: pages labelled Latin-1 or ASCII are really Windows-1252 (smart quotes in 0x80-0x9F).
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
}

_HTML_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


def _cp1252_table() -> dict[int, str]:
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue  # the five bytes cp1252 leaves undefined keep their Latin-1 meaning
    return table


# Windows-1252 that never fails: Latin-1 with 0x80-0x9F remapped (smart quotes, dashes, €).
_CP1252_OVER_LATIN1 = _cp1252_table()

_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")  # \x1a ends old DOS text files


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces and the BOM's length, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _normalise_label(label: str) -> str | None:
    label = label.strip().lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A charset label read as ASCII cannot truly be UTF-16/32 (WHATWG treats it as UTF-8).
    return None if name.startswith(("utf-16", "utf-32")) else name


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in <meta> or an XML declaration, if Python knows it."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _HTML_CHARSET.search(head)
    return _normalise_label(match.group(1).decode("ascii")) if match else None


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes; returns (text, encoding used). Never fails: Windows-1252 is the floor.

    Order: BOM, BOM-less UTF-16, strict UTF-8 (bytes that decode as UTF-8 rarely mean anything
    else, and pages labelled Latin-1 are often UTF-8), the declared charset, then Windows-1252
    (falling back to Latin-1 for the five bytes it leaves undefined).
    """
    found = bom_encoding(data)
    if found:
        name, skip = found
        return data[skip:].decode(name, errors="replace"), name
    # Before UTF-8: NUL is valid UTF-8, so BOM-less UTF-16 would otherwise "decode".
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    candidates = ["utf-8", declared] if declared else ["utf-8"]
    for name in candidates:
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1").translate(_CP1252_OVER_LATIN1), "cp1252"


def looks_binary(text: str) -> bool:
    """True when decoded text is really binary data: NULs or many control characters."""
    sample = text[:65536]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    controls = sum(
        1 for char in sample if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return controls > max(2, len(sample) // 100)
