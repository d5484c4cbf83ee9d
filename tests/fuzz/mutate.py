"""A seeded mutator for fuzzing the readers: real seed files, then byte-level damage.

Every case is reproducible from (reader, seed number): `case(kind, n)` rebuilds it. The
mutations are the damage real files suffer (truncated downloads, flipped bits, repeated
or lost chunks) plus format-aware ones: corrupting one member of a DOCX or ODT zip while keeping
the zip valid, so the XML parser itself gets the garbage, and hostile text constructs
(deep nesting, entity floods, NUL bytes, very long lines) for HTML and Markdown.
"""

from __future__ import annotations

import io
import random
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from tests.builders.docx import policy_docx, simple_docx
from tests.builders.odt import policy_odt
from tests.builders.pdf import policy_pdf

KINDS = ("pdf", "docx", "odt", "html", "markdown")
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "odt": ".odt", "html": ".html", "markdown": ".md"}

POLICY_HTML = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Social media policy</title></head>
<body><nav><a href="/">Home</a></nav>
<h1>Social media policy</h1>
<p>This policy applies to every employee who posts on the agency's official accounts.</p>
<h2>Account security</h2>
<ul><li>Passwords must be strong and kept secret.</li><li>Report phishing at once.</li></ul>
<h2>Records</h2>
<table><tr><th>Platform</th><th>Owner</th></tr><tr><td>Facebook</td><td>Comms</td></tr></table>
<p>Posts are public records and are retained for three years.</p>
<footer>Contact the communications office.</footer>
</body></html>
"""

POLICY_MARKDOWN = """\
---
title: Social media policy
author: Office of Communications
---
# Social media policy

This policy applies to every employee who posts on the agency's official accounts.

## Account security

- Passwords must be strong and kept secret.
- Report phishing at once.

| Platform | Owner |
|---|---|
| Facebook | Comms |

## Records

Posts are public records and are *retained* for three years. See [the schedule](http://x.example).

```
code block
```
"""


_TIMESTAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?")


def _fixed_dates(data: bytes) -> bytes:
    """The same zip with every member dated 1980-01-01 and every timestamp in it fixed:
    python-docx stamps the time of saving (and of comments), and a case must be the same
    bytes on every run to be reproducible."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(fixed, _TIMESTAMP.sub(b"2014-03-13T09:30:00Z", source.read(info)))
    return out.getvalue()


@cache
def seeds(kind: str) -> tuple[bytes, ...]:
    """The unmutated files for one reader, built once per test session."""
    if kind == "pdf":
        return (policy_pdf(),)
    if kind == "docx":
        simple = simple_docx("Staff must keep passwords secret.", "Posts are kept.")
        return (_fixed_dates(policy_docx()), _fixed_dates(simple))
    if kind == "odt":
        return (_fixed_dates(policy_odt()),)
    if kind == "html":
        return (POLICY_HTML.encode(),)
    return (POLICY_MARKDOWN.encode(),)


Mutation = Callable[[random.Random, bytes], bytes]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 2, 8, 64))):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def flip_bits(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 4, 16))):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, len(data))]


def duplicate_chunk(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.choice((1, 16, 256, 4096))]
    at = rng.randrange(len(data))
    return data[:at] + chunk * rng.choice((1, 2, 50)) + data[at:]


def delete_chunk(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.choice((1, 16, 256, 4096)) :]


def insert_bytes(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data))
    noise = rng.choice(
        (
            bytes(rng.randrange(256) for _ in range(rng.choice((1, 8, 64)))),
            b"\x00" * 100,
            b"\xff\xfe",
            b"\x1b[2J\x1b]0;x\x07",
            "\u202e\ufeff\u0000".encode(),
        )
    )
    return data[:at] + noise + data[at:]


def _structural(data: bytes) -> list[bytes]:
    # Tokens whose damage reaches deeper than the first parser: PDF objects and streams,
    # XML and HTML tags.
    return [b"obj", b"endobj", b"stream", b"endstream", b"/Length", b"xref", b"trailer",
            b"<", b">", b"</", b"/>", b"=\"", b"&", b";", b"#", b"|", b"-", b"\n"]  # fmt: skip


def damage_structure(rng: random.Random, data: bytes) -> bytes:
    """Find a structural token and cut, double or replace the bytes right after it."""
    token = rng.choice(_structural(data))
    places = [i for i in range(len(data)) if data.startswith(token, i)][:5000]
    if not places:
        return flip_bytes(rng, data)
    at = rng.choice(places) + len(token)
    span = rng.choice((1, 4, 32))
    choice = rng.randrange(3)
    if choice == 0:
        return data[:at] + data[at + span :]
    if choice == 1:
        return data[:at] + data[at : at + span] * 2 + data[at + span :]
    return data[:at] + bytes(rng.randrange(256) for _ in range(span)) + data[at + span :]


def corrupt_zip_member(rng: random.Random, data: bytes) -> bytes:
    """Rewrite a valid zip with one member mutated (or dropped, or stored twice)."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        members = [(info, source.read(info)) for info in source.infolist()]
    except Exception:  # an earlier mutation broke the zip itself (bad CRC, zlib error, ...)
        return flip_bytes(rng, data)
    names = [info.filename for info, _ in members]
    # Half the time the body itself, so most damage reaches the XML the reader parses.
    body = next((n for n in ("word/document.xml", "content.xml") if n in names), None)
    if body is not None and rng.random() < 0.5:
        target = names.index(body)
    else:
        target = rng.randrange(len(members))
    action = rng.randrange(4)
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        warnings.simplefilter("ignore")  # a duplicate member name is the point here
        for index, (info, content) in enumerate(members):
            if index == target and action == 0:
                continue  # a missing member
            if index == target:
                mutation = rng.choice(
                    (flip_bytes, truncate, duplicate_chunk, damage_structure, deep_nesting)
                )
                content = mutation(rng, content) if content else content
            zipped.writestr(info.filename, content)
            if index == target and action == 3:
                zipped.writestr(info.filename, content)  # the same name twice
    return out.getvalue()


def deep_nesting(rng: random.Random, data: bytes) -> bytes:
    """Thousands of nested elements (or list markers, or quotes) in the middle of the file."""
    depth = rng.choice((100, 5_000, 50_000))
    unit = rng.choice((b"<div>", b"<b><i>", b"<w:p>", b"> ", b"- ", b"[", b"*"))
    at = rng.randrange(len(data))
    return data[:at] + unit * depth + data[at:]


def text_flood(rng: random.Random, data: bytes) -> bytes:
    """Text-level floods: entities, one very long line, punctuation runs, many blank lines."""
    flood = rng.choice(
        (
            b"&amp;" * 20_000,
            b"&#x1b;[31m" * 200,
            b"x" * 200_000,
            b"!?" * 10_000,
            b"\n" * 50_000,
            b"| a " * 5_000 + b"|\n",
            b"<!--" + b"-" * 10_000,
            b"<![CDATA[" * 1000,
        )
    )
    at = rng.randrange(len(data))
    return data[:at] + flood + data[at:]


_BYTE_MUTATIONS: tuple[Mutation, ...] = (
    flip_bytes,
    flip_bits,
    truncate,
    duplicate_chunk,
    delete_chunk,
    insert_bytes,
    damage_structure,
)
MUTATIONS: dict[str, tuple[Mutation, ...]] = {
    "pdf": _BYTE_MUTATIONS,
    "docx": (*_BYTE_MUTATIONS, corrupt_zip_member, corrupt_zip_member, corrupt_zip_member),
    "odt": (*_BYTE_MUTATIONS, corrupt_zip_member, corrupt_zip_member, corrupt_zip_member),
    "html": (*_BYTE_MUTATIONS, deep_nesting, text_flood),
    "markdown": (*_BYTE_MUTATIONS, deep_nesting, text_flood),
}


@dataclass(frozen=True)
class Case:
    kind: str
    number: int
    mutations: tuple[str, ...]
    data: bytes

    @property
    def name(self) -> str:
        return f"fuzz-{self.kind}-{self.number}{SUFFIX[self.kind]}"


def case(kind: str, number: int) -> Case:
    """Case `number` for a reader: one to three mutations of a seed, all from one seed."""
    rng = random.Random(f"{kind}:{number}")
    data = rng.choice(seeds(kind))
    applied = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        mutation = rng.choice(MUTATIONS[kind])
        data = mutation(rng, data) or b" "  # never empty: the next mutation needs a byte
        applied.append(mutation.__name__)
    return Case(kind, number, tuple(applied), data)
