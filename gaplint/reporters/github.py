"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from gaplint.neutralise import workflow_data as _data
from gaplint.neutralise import workflow_property as _property
from gaplint.report import Report
from gaplint.reporters import RenderContext, open_findings

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _command(level: str, path: str, title: str, message: str, line: int | None = None) -> str:
    props = f"file={_property(path)}"
    if line is not None:
        props += f",line={line}"
    return f"::{level} {props},title={_property(title)}::{_data(message)}"


def render(report: Report, context: RenderContext) -> str:
    lines: list[str] = []
    for doc in report.documents:
        if doc.error is not None:
            lines.append(_command("error", doc.path, f"error[{doc.error.code}]", doc.error.message))
            continue
        for notice in doc.notices:
            lines.append(_command("notice", doc.path, notice.code, notice.message))
        for finding in open_findings(doc):
            message = finding.message
            if finding.recommendation:
                message += f"\nRecommendation: {finding.recommendation}"
            lines.append(
                _command(
                    _LEVEL[finding.severity.value],
                    doc.path,
                    finding.rule,
                    message,
                    finding.location.line,
                )
            )
    return "".join(line + "\n" for line in lines)
