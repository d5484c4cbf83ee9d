"""Suppressions written in a policy document: `<!-- gaplint: ignore GL405 reason -->`.

Markdown and HTML have comments, so the people who own a policy can accept a gap in the
policy itself, as a waiver does in the configuration. The readers drop comments, so the raw
source is searched here. A suppressed gap is reported like a waived one, with its reason; a
suppression that suppresses nothing is reported (ruff's RUF100), since it is most often a
typo or a gap since closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gaplint.readers.encoding import decode_text
from gaplint.report import DocumentFacts, DocumentReport, Notice, Waiver
from gaplint.waivers import mark_waived

FORMATS_WITH_COMMENTS = frozenset({"markdown", "html"})

# One comment on one line; the reason is bounded so a hostile page cannot make it slow.
_SUPPRESSION = re.compile(
    r"<!--[ \t]*gaplint:[ \t]*ignore[ \t]+([A-Za-z0-9,]{1,200})[ \t]*([^\n]{0,500}?)[ \t]*-->"
)
_RULE_ID = re.compile(r"[A-Za-z]+[0-9]+")
NO_REASON = "no reason given"


@dataclass(frozen=True)
class Suppression:
    rules: tuple[str, ...]
    """Rule ids or prefixes, as `select` takes them: GL405, or GL4 for the element."""
    reason: str
    line: int


def find_suppressions(data: bytes) -> list[Suppression]:
    """Every `<!-- gaplint: ignore IDS reason -->` in the source, with its 1-based line."""
    text, _ = decode_text(data)
    found: list[Suppression] = []
    line, counted = 1, 0  # lines counted as the matches go, never from the start again
    for match in _SUPPRESSION.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        parts = match.group(1).split(",")
        rules = tuple(part.upper() for part in parts if _RULE_ID.fullmatch(part))
        if rules:
            found.append(Suppression(rules, match.group(2).strip() or NO_REASON, line))
    return found


def suppressions_for(doc: DocumentReport | DocumentFacts, data: bytes) -> list[Suppression]:
    """The suppressions that can apply to this report of `data`: none unless it was judged
    and its format has comments. Small, so a worker sends them back with its report."""
    if not doc.judged or doc.format not in FORMATS_WITH_COMMENTS:
        return []
    return find_suppressions(data)


def mark_suppressed(doc: DocumentReport, suppressions: list[Suppression]) -> None:
    """Mark the gaps a document's own comments suppress as waived, in place; each suppression
    that matches no open gap becomes an `unused-suppression` notice."""
    for suppression in suppressions:
        for rule in suppression.rules:
            reason = f"{suppression.reason} (line {suppression.line})"
            waiver = Waiver(rule=rule, reason=reason, in_document=True)
            if not mark_waived(doc, waiver):
                doc.notices.append(
                    Notice(
                        code="unused-suppression",
                        message=f"line {suppression.line}: `gaplint: ignore {rule}` "
                        "suppresses nothing; remove it",
                    )
                )
