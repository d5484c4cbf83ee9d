"""`gaplint check --statistics`: how many documents have each gap, across the batch."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from gaplint.report import FindingKind, Report, iter_gated

if TYPE_CHECKING:
    from gaplint.rules import RulePack

_GAPS = (FindingKind.GAP, FindingKind.ELEMENT_MISSING)


@dataclass(frozen=True)
class RuleCount:
    rule: str
    severity: str
    title: str
    count: int


def gap_statistics(report: Report, pack: RulePack) -> list[RuleCount]:
    """Open gaps per rule (waived and baselined ones left out, and a set member's counted
    through its set, as in the summary), most frequent first, then by rule id."""
    counts: Counter[tuple[str, str]] = Counter(
        (finding.rule, finding.severity.value)
        for doc in iter_gated(report.documents, report.sets)
        for finding in doc.findings
        if finding.kind in _GAPS and not finding.waived and not finding.baselined
    )
    rows = []
    for (rule, severity), count in counts.items():
        info = pack.get(rule)
        rows.append(RuleCount(rule, severity, info.title if info else rule, count))
    return sorted(rows, key=lambda row: (-row.count, row.rule))


def render_statistics(rows: list[RuleCount], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([asdict(row) for row in rows], indent=2) + "\n"
    if not rows:
        return "no gaps\n"
    width = max(len(str(row.count)) for row in rows)
    return "".join(
        f"{row.count:>{width}}  {row.rule:<6} {row.severity:<8} {row.title}\n" for row in rows
    )
