"""The PDF's info dictionary: title, author and dates."""

from __future__ import annotations

import re

import pypdfium2 as pdfium

from gaplint.document import Metadata

_PDF_DATE = re.compile(
    r"^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz+\-])(\d{2})?'?(\d{2})?'?)?"
)


def metadata(pdf: pdfium.PdfDocument) -> Metadata:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # a broken info dict should not stop the text being read
        return Metadata()
    title = (info.get("Title") or "").strip()
    title = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", title) or None
    return Metadata(
        title=title,
        author=(info.get("Author") or "").strip() or None,
        created=iso_date(info.get("CreationDate")),
        modified=iso_date(info.get("ModDate")),
    )


def iso_date(value: str | None) -> str | None:
    """'D:20140313091500-05'00'' -> '2014-03-13T09:15:00-05:00'; partial dates stay partial."""
    if not value:
        return None
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, sign, tz_hour, tz_min = match.groups()
    if not month:
        return year
    if not day:
        return f"{year}-{month}"
    date = f"{year}-{month}-{day}"
    if not hour:
        return date
    stamp = f"{date}T{hour}:{minute or '00'}:{second or '00'}"
    if sign in ("Z", "z"):
        return stamp + "Z"
    if sign:
        return f"{stamp}{sign}{tz_hour or '00'}:{tz_min or '00'}"
    return stamp
