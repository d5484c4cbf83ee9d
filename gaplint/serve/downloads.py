"""What a result can be downloaded as, each rendered on request from the stored Report.

The result page's buttons and the `/result/TOKEN/report.EXT` route both follow DOWNLOADS.
The DOCX addendum (`gaplint draft`) is drafted for one document, so it is offered only when
the result has exactly one judged document.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from gaplint.report import DocumentReport, Report
from gaplint.reporters import RenderContext, render


def _always(report: Report) -> bool:
    return True


def _the_one_judged(report: Report) -> DocumentReport | None:
    judged = [doc for doc in report.documents if doc.judged]
    return judged[0] if len(judged) == 1 else None


def _drafts_one(report: Report) -> bool:
    return _the_one_judged(report) is not None


def _addendum(report: Report, context: RenderContext) -> bytes:
    from gaplint.draft import write_addendum

    doc = _the_one_judged(report)
    if doc is None:
        raise ValueError("an addendum is drafted for one judged document")
    out = io.BytesIO()
    write_addendum(doc, context.pack, out, fmt="docx")
    return out.getvalue()


@dataclass(frozen=True)
class Download:
    extension: str
    label: str
    content_type: str
    render: Callable[[Report, RenderContext], str | bytes]
    applies: Callable[[Report], bool] = _always
    """Whether this result can be had in this form."""
    stem: str = "gaplint-report"

    @property
    def filename(self) -> str:
        return f"{self.stem}.{self.extension}"


DOWNLOADS = {
    download.extension: download
    for download in (
        Download("html", "HTML", "text/html; charset=utf-8", partial(render, "html")),
        Download("json", "JSON", "application/json", partial(render, "json")),
        Download("csv", "CSV", "text/csv; charset=utf-8", partial(render, "csv")),
        Download(
            "docx",
            "addendum (DOCX)",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _addendum,
            applies=_drafts_one,
            stem="gaplint-addendum",
        ),
    )
}
