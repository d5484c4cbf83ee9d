"""Header fields as units of their own: "EFFECTIVE DATE: 1 May 2024", "Owner | Communications".

Real policies open with a block of fields (number, dates, owner, approver). Readers lose its
shape in two ways: a PDF title block comes out as one line of fields run together, and a
two-cell table row ("Owner" | "Communications Office") comes out as two cells, the label apart
from its value. Either way a rule sees the wrong unit: words of five fields read as one
sentence, or a label with no value. `split_field_run` and `field_row` give each field back as
"Label: value", whatever the format.

The labels are a closed class of header-field names (subject, number, dates, owner, approver,
memo headings), not any document's wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEADS = (
    # identity
    "subject|title|number|no\\.|policy no\\.|policy number|policy|directive|order|index|reference|"
    "document reference|ref\\.?|file|category|type|classification|distribution|applies to|"
    "calea standards|standards|authority|"
    # dates and currency
    "date|dated|effective|effective date|date effective|issue date|date issued|issued|issued by|"
    "adopted|adopted by|approved|approved by|authori[sz]ed by|signed|review|reviewed|review date|"
    "next review|next review date|review cycle|revised|revision|revision date|last revised|"
    "updated|last updated|version|status|supersedes|replaces|rescinds|amends|page|pages|"
    # ownership
    "owner|document owner|policy owner|contact|staff contact|policy contact|division|department|"
    "directorate|responsible office|responsible officer|prepared by|author|sponsor|"
    # memo headings
    "to|from|re|cc|subj\\.?"
)
# A field label: one of the heads, capitalised as a label is, then ":".
_LABEL = re.compile(rf"(?:(?<=\s)|^)(?P<label>(?i:{_HEADS}))\s*:(?=\s|$)")
MIN_FIELDS = 3  # fewer is an ordinary sentence with a colon in it
MAX_RUN_CHARS = 2_000  # a title block is short; a longer paragraph is prose, or hostile
MAX_VALUE_WORDS = 40


def _written_as_label(label: str) -> bool:
    """Capitalised as a label is ("Effective Date", "Next review", "SUPERSEDES"), not "date"."""
    return label[0].isupper()


def split_field_run(text: str) -> list[str] | None:
    """The fields of a line of header fields run together, or None when it is not one.

    "Number: 12 Effective Date: 1 May 2024 Owner: IT" -> ["Number: 12",
    "Effective Date: 1 May 2024", "Owner: IT"]; text before the first label stays in front.
    """
    if len(text) > MAX_RUN_CHARS:
        return None
    labels = [m for m in _LABEL.finditer(text) if _written_as_label(m.group("label"))]
    if len(labels) < MIN_FIELDS:
        return None
    ends = [label.start() for label in labels[1:]] + [len(text)]
    if any(not text[label.end() : end].strip() for label, end in zip(labels, ends)):
        return None  # a label with no value: a form to fill in, not a header
    fields = [text[label.start() : end].strip() for label, end in zip(labels, ends)]
    prefix = text[: labels[0].start()].strip()
    return [prefix, *fields] if prefix else fields


def field_row(cells: Sequence[str]) -> str | None:
    """A two-cell table row that is a label and its value, as one "Label: value" field."""
    if len(cells) != 2:
        return None
    label, value = (" ".join(cell.split()) for cell in cells)
    label = label.rstrip(":").rstrip()
    if not label or not value or len(value.split()) > MAX_VALUE_WORDS:
        return None
    if not _LABEL.fullmatch(f"{label}:") or not _written_as_label(label):
        return None  # a table of other things: its rows stay cells
    return f"{label}: {value}"
