"""What a result can be downloaded as, each rendered on request from the stored Report.

The result page's buttons and the `/result/TOKEN/report.EXT` route both follow DOWNLOADS.
Seam: the DOCX addendum (gaplint.draft, not landed yet) joins as one more Download whose
renderer returns the document's bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from gaplint.report import Report
from gaplint.reporters import RenderContext, render


@dataclass(frozen=True)
class Download:
    extension: str
    label: str
    content_type: str
    render: Callable[[Report, RenderContext], str | bytes]

    @property
    def filename(self) -> str:
        return f"gaplint-report.{self.extension}"


DOWNLOADS = {
    download.extension: download
    for download in (
        Download("html", "HTML", "text/html; charset=utf-8", partial(render, "html")),
        Download("json", "JSON", "application/json", partial(render, "json")),
        Download("csv", "CSV", "text/csv; charset=utf-8", partial(render, "csv")),
    )
}
