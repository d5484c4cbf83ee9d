"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

GitHub shows at most 10 annotations of each type per step and drops the rest silently, so
past 10 errors or warnings the others are counted in one last notice that points at the
full report instead (and the notices keep a place free for it).
"""

from __future__ import annotations

from collections import Counter

from gaplint.neutralise import workflow_data as _data
from gaplint.neutralise import workflow_property as _property
from gaplint.report import Finding, Report
from gaplint.reporters import RenderContext, open_findings

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}

ANNOTATIONS_PER_LEVEL = 10
"""GitHub's limit of annotations per type (error, warning, notice) in one step."""

FULL_REPORT_HINT = (
    "the full report is in the SARIF upload (code scanning) or `gaplint check --format text`"
)


def _command(level: str, path: str, title: str, message: str, line: int | None = None) -> str:
    props = f"file={_property(path)}"
    if line is not None:
        props += f",line={line}"
    return f"::{level} {props},title={_property(title)}::{_data(message)}"


def _annotations(report: Report) -> list[tuple[str, str]]:
    """(level, command) for every error, notice and open finding, in report order."""
    out: list[tuple[str, str]] = []
    members = {path for policy_set in report.sets for path in policy_set.paths}
    for doc in report.documents:
        if doc.error is not None:
            title = f"error[{doc.error.code}]"
            out.append(("error", _command("error", doc.path, title, doc.error.message)))
            continue
        for notice in doc.notices:
            out.append(("notice", _command("notice", doc.path, notice.code, notice.message)))
        if doc.path not in members:  # a member's gaps are its set's, below
            out += [_annotation(finding) for finding in open_findings(doc)]
    for policy_set in report.sets:
        out += [_annotation(f, policy_set.name) for f in open_findings(policy_set)]
    return out


def _annotation(finding: Finding, policy_set: str | None = None) -> tuple[str, str]:
    """A gap on its document (for a set's gap, the member it is located on)."""
    message = finding.message
    if finding.recommendation:
        message += f"\nRecommendation: {finding.recommendation}"
    if policy_set is not None:
        message += f"\nPolicy set: {policy_set} (no member covers it)"
    level = _LEVEL[finding.severity.value]
    where = finding.location
    return level, _command(level, where.path, finding.rule, message, where.line)


def render(report: Report, context: RenderContext) -> str:
    annotations = _annotations(report)
    totals = Counter(level for level, _ in annotations)
    overflows = any(count > ANNOTATIONS_PER_LEVEL for count in totals.values())
    room = {
        level: ANNOTATIONS_PER_LEVEL - (1 if overflows and level == "notice" else 0)
        for level in _LEVEL.values()
    }
    shown: Counter[str] = Counter()
    lines: list[str] = []
    for level, command in annotations:
        if shown[level] < room[level]:
            shown[level] += 1
            lines.append(command)
    if overflows:
        left = {level: totals[level] - shown[level] for level in room}
        counted = ", ".join(
            f"{count} {level}{'s' if count != 1 else ''}" for level, count in left.items() if count
        )
        message = (
            f"GitHub shows {ANNOTATIONS_PER_LEVEL} annotations of each type per step; "
            f"not shown: {counted}; {FULL_REPORT_HINT}."
        )
        title = f"gaplint: {sum(left.values())} more not annotated"
        lines.append(f"::notice title={_property(title)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)
