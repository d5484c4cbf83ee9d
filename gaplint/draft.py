"""A drafted addendum for every gap: what a policy needs, clause by clause, for legal review.

`build_addendum` turns a DocumentReport and its rule pack into plain data (a cover table of
the gaps by element and severity; per element with gaps, where its clauses would go; per
missing sub-point its recommendation and example clause with the agency's name filled in).
`write_addendum` renders it as DOCX (gaplint.draft_docx) or Markdown (gaplint.draft_markdown);
it is the API the web page's "download DOCX addendum" button calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from gaplint.agency import DEFAULT_AGENCY, detect_agency
from gaplint.document import BlockKind, Document
from gaplint.report import DocumentReport, ElementStatus, Severity, SubpointStatus
from gaplint.rules import RulePack

DRAFT_FORMATS = ("docx", "md")
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True)
class DraftClause:
    rule: str
    title: str
    severity: Severity
    recommendation: str
    clause: str


@dataclass(frozen=True)
class DraftSection:
    element: str
    title: str
    status: ElementStatus
    placement: str
    """Where the clauses would go: "Add to § 4 Employee Conduct", or a new section."""
    clauses: list[DraftClause]


@dataclass(frozen=True)
class CoverRow:
    element: str
    title: str
    status: ElementStatus
    missing: dict[Severity, int]
    """Missing sub-points by severity (waived ones left out)."""
    total: int


@dataclass(frozen=True)
class Addendum:
    title: str
    source: str
    """The policy it was drafted for: its title, else its path."""
    agency: str
    coverage: float | None
    rows: list[CoverRow] = field(default_factory=list)
    sections: list[DraftSection] = field(default_factory=list)

    @property
    def intro(self) -> str:
        share = "" if self.coverage is None else f" (coverage {self.coverage * 100:.0f}%)"
        return (
            f"This addendum to “{self.source}”{share} drafts, for {self.agency}, a clause for "
            "each sub-point of the Center for Technology in Government's checklist that gaplint "
            "found missing. Each clause is an example for legal review: adapt it to the agency's "
            "practice before adoption."
        )


AGENCY_LINES = 3
"""The agency's name is looked for in the title and the document's first blocks."""


def _placement(section: list[str], title: str, headings: list[str]) -> str:
    if not section:
        return f"Add as a new section on {title.lower()}: the policy has no section on it."
    # The report names a heading by its sentence ("Employee Conduct"); the heading itself
    # keeps its number ("6. Employee Conduct"), which is what a reader looks for.
    found = section[-1]
    whole = next((h for h in headings if h.endswith(found)), found)
    return f"Add to § {whole}."


def build_addendum(
    report: DocumentReport,
    pack: RulePack,
    agency: str | None = None,
    document: Document | None = None,
) -> Addendum:
    """The addendum for a judged report; `agency` wins over a name read from the report's
    title and metadata or the `document`'s first blocks, and "the agency" is the default.
    The document's headings also give each section's number (a cached report has none)."""
    blocks = document.blocks if document is not None else []
    headings = [block.text for block in blocks if block.kind is BlockKind.HEADING]
    first_lines = [block.text for block in blocks[:AGENCY_LINES]]
    name = agency or detect_agency([report.metadata.title, report.title, *first_lines])
    # The wording the report's gaps were given: the jurisdiction's laws where they differ.
    jurisdiction = report.jurisdiction.code if report.jurisdiction is not None else None
    rows: list[CoverRow] = []
    sections: list[DraftSection] = []
    for element in report.elements:
        open_gaps = [s for s in element.subpoints
                     if s.status is SubpointStatus.MISSING and s.waiver is None]  # fmt: skip
        missing = {level: sum(1 for s in open_gaps if s.severity is level) for level in SEVERITIES}
        rows.append(CoverRow(element.id, element.title, element.status, missing,
                             len(element.subpoints)))  # fmt: skip
        if not open_gaps:
            continue
        clauses = []
        for result in open_gaps:
            sub = pack.subpoint(result.id).localised(jurisdiction)
            clauses.append(
                DraftClause(
                    rule=sub.id,
                    title=sub.title,
                    severity=result.severity,
                    recommendation=" ".join(sub.recommendation.split()),
                    clause=" ".join(sub.clause(name).split()),
                )
            )
        sections.append(
            DraftSection(
                element=element.id,
                title=element.title,
                status=element.status,
                placement=_placement(element.section, element.title, headings),
                clauses=clauses,
            )
        )
    source = report.title or Path(report.path).name
    return Addendum(
        title="Social media policy addendum",
        source=source,
        agency=name or DEFAULT_AGENCY,
        coverage=report.coverage,
        rows=rows,
        sections=sections,
    )


def output_format(path: Path) -> str:
    """The format a file name asks for: `.docx`, else Markdown (`.md`, `.markdown`)."""
    return "docx" if path.suffix.lower() == ".docx" else "md"


def write_addendum(
    report: DocumentReport,
    pack: RulePack,
    out: Path | BinaryIO,
    agency: str | None = None,
    fmt: str | None = None,
    document: Document | None = None,
) -> Addendum:
    """Write the addendum to a path (written whole, never half a file) or a binary stream.
    `fmt` is "docx" or "md"; by default the path's suffix decides (a stream gets DOCX)."""
    from gaplint.paths import write_named_file

    addendum = build_addendum(report, pack, agency, document)
    chosen = fmt or (output_format(out) if isinstance(out, Path) else "docx")
    if chosen not in DRAFT_FORMATS:
        raise ValueError(f"unknown addendum format {chosen!r}; one of {', '.join(DRAFT_FORMATS)}")
    if chosen == "docx":
        from gaplint.draft_docx import render_docx

        data = render_docx(addendum)
    else:
        from gaplint.draft_markdown import render_markdown

        data = render_markdown(addendum).encode("utf-8")
    if isinstance(out, Path):
        write_named_file(out, data)
    else:
        out.write(data)
    return addendum
