"""The report models: the JSON contract that every reporter and dashboard reads."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timezone
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.3"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class SubpointStatus(str, Enum):
    COVERED = "covered"
    MISSING = "missing"


class ElementStatus(str, Enum):
    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Evidence(_Model):
    """A sentence that covers (or explicitly excludes) a sub-point."""

    text: str
    page: int | None = None
    line: int | None = Field(default=None, description="1-based source line (Markdown, text, HTML)")
    paragraph: int | None = Field(default=None, description="DOCX paragraph number")
    section: list[str] = Field(default_factory=list)
    start: int = Field(description="character offset into the document text")
    end: int
    pattern: str = Field(
        description="the rule and what matched in the sentence, "
        "e.g. 'GL101: gl1-role + on behalf of|…'"
    )
    source: Literal["ocr"] | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description='"ocr" when the sentence was read by OCR from a scanned page',
    )


class Location(_Model):
    path: str
    page: int | None = None
    line: int | None = Field(
        default=None,
        description="1-based source line (Markdown, text, HTML): the sentence, or for a gap "
        "the heading of the element's section",
    )
    paragraph: int | None = Field(default=None, description="DOCX paragraph number")
    section: list[str] = Field(default_factory=list)
    start: int | None = None
    end: int | None = None


class Waiver(_Model):
    rule: str
    reason: str
    expires: date | None = None
    paths: list[str] = Field(default_factory=list, description="globs; empty means every file")
    in_document: bool = Field(
        default=False,
        description="a suppression written in the policy itself (<!-- gaplint: ignore ... -->), "
        "not in the configuration",
    )


class Confidence(str, Enum):
    STRONG = "strong"
    WEAK = "weak"


class SubpointResult(_Model):
    id: str
    title: str
    status: SubpointStatus
    severity: Severity
    evidence: list[Evidence] = Field(default_factory=list)
    excluded_by: Evidence | None = Field(
        default=None, description="a sentence that explicitly declines this topic"
    )
    confidence: Confidence | None = Field(
        default=None,
        description="strong: several sentences, or a statement in the element's own section; "
        "or a gap where no sentence came close. weak: worth a reader's check",
    )
    confidence_reason: str = ""
    waiver: Waiver | None = None


class ElementResult(_Model):
    id: str
    title: str
    status: ElementStatus
    coverage: float = Field(description="share of this element's sub-points covered, 0..1")
    section: list[str] = Field(
        default_factory=list, description="heading of the document's section on this element"
    )
    subpoints: list[SubpointResult]


class FindingKind(str, Enum):
    GAP = "gap"
    ELEMENT_MISSING = "element-missing"
    EXCLUDED = "excluded"
    EXPIRED_WAIVER = "expired-waiver"


class Finding(_Model):
    rule: str
    kind: FindingKind
    severity: Severity
    message: str
    recommendation: str
    location: Location
    confidence: Confidence | None = Field(
        default=None, description="the decision's confidence (see SubpointResult)"
    )
    waived: bool = False
    waiver: Waiver | None = Field(default=None, description="what waived it, when waived")
    baselined: bool = Field(
        default=False, description="recorded in the baseline file, so it does not fail the run"
    )


class DocumentError(_Model):
    code: str
    message: str


class Notice(_Model):
    code: str
    message: str


class DocumentMetadata(_Model):
    """What the file says about itself (PDF info, DOCX core properties, HTML <title>)."""

    title: str | None = None
    author: str | None = None
    created: str | None = None
    modified: str | None = None


class JurisdictionSource(str, Enum):
    DETECTED = "detected"
    CONFIGURED = "configured"


class DocumentJurisdiction(_Model):
    """Whose laws the policy answers to, and why gaplint thinks so; the wording of GL7's
    gaps (and GL303's) follows it."""

    code: str = Field(description="us, uk, ca, au, nz, or generic when unsure")
    name: str = Field(description="e.g. 'United Kingdom'; 'no particular jurisdiction'")
    source: JurisdictionSource
    reason: str = Field(
        description="e.g. 'names the Data Protection Act 2018 and the Information "
        "Commissioner; British spellings', or 'set in configuration'"
    )
    names: list[str] = Field(
        default_factory=list, description="the laws and public bodies the document names"
    )

    def describe(self) -> str:
        """`uk (names the Data Protection Act 2018; British spellings)`, as reports show it."""
        return f"{self.code} ({self.reason})"


class DocumentReport(_Model):
    path: str
    title: str | None = Field(
        default=None, description="the document's own title (metadata), else its first heading"
    )
    metadata: DocumentMetadata = Field(default_factory=DocumentMetadata)
    format: str | None = None
    sha256: str | None = None
    pages: int | None = None
    words: int | None = None
    language: str | None = None
    error: DocumentError | None = None
    notices: list[Notice] = Field(default_factory=list)
    judged: bool = Field(
        default=True, description="false when the document was not judged (error, language)"
    )
    coverage: float | None = Field(default=None, description="share of sub-points covered, 0..1")
    jurisdiction: DocumentJurisdiction | None = Field(
        default=None, description="whose laws the recommendations follow (judged documents)"
    )
    elements: list[ElementResult] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    def subpoint(self, rule_id: str) -> SubpointResult:
        for element in self.elements:
            for sub in element.subpoints:
                if sub.id == rule_id:
                    return sub
        raise KeyError(rule_id)


class MemberEvidence(Evidence):
    """Evidence in a set's report: the sentence, and which member document it is in."""

    document: str = Field(description="path of the member document the sentence is in")


class SetSubpointResult(SubpointResult):
    evidence: list[MemberEvidence] = Field(default_factory=list)  # type: ignore[assignment]
    excluded_by: MemberEvidence | None = Field(
        default=None, description="a member's sentence that explicitly declines this topic"
    )
    covered_by: list[str] = Field(
        default_factory=list, description="paths of the members that cover it"
    )


class SetElementResult(ElementResult):
    subpoints: list[SetSubpointResult]  # type: ignore[assignment]
    section_document: str | None = Field(
        default=None, description="the member whose section on this element `section` names"
    )


class SetMember(_Model):
    path: str
    title: str | None = None
    judged: bool = True
    coverage: float | None = Field(default=None, description="the member's own coverage")
    error: DocumentError | None = None
    notices: list[Notice] = Field(default_factory=list)


class SetReport(_Model):
    """A policy split over several documents, judged as one: a sub-point is covered when any
    member covers it. Each member is still reported on its own in `documents`."""

    name: str
    members: list[SetMember]
    judged: bool = Field(default=True, description="false when no member could be judged")
    complete: bool = Field(
        default=True,
        description="false when a member could not be read, so the verdict may miss coverage",
    )
    error: DocumentError | None = Field(
        default=None, description="set when a member could not be read"
    )
    notices: list[Notice] = Field(default_factory=list)
    coverage: float | None = Field(default=None, description="share of sub-points covered, 0..1")
    elements: list[SetElementResult] = Field(default_factory=list)
    findings: list[Finding] = Field(
        default_factory=list,
        description="the set's gaps, each located on a member: the one with the element's "
        "section heading, otherwise the first",
    )

    @property
    def paths(self) -> list[str]:
        return [member.path for member in self.members]

    def subpoint(self, rule_id: str) -> SetSubpointResult:
        for element in self.elements:
            for sub in element.subpoints:
                if sub.id == rule_id:
                    return sub
        raise KeyError(rule_id)


class Summary(_Model):
    documents: int
    errors: int
    not_judged: int
    findings: dict[str, int] = Field(
        description="count of findings by severity, leaving out waived and baselined ones; a "
        "set member's own findings are counted through its set"
    )
    waived: int = 0
    baselined: int = 0
    baseline_closed: int = Field(default=0, description="baseline entries whose gap is now closed")
    mean_coverage: float | None = None
    sets: int = Field(default=0, description="policy sets judged as one (schema 1.3)")


class RulePackInfo(_Model):
    """Which rules judged: the built-in ones ship with (and are versioned as) the tool, so
    the digest over every rule file's name and content is what tells two packs apart."""

    digest: str = Field(description="sha256 of the rule files' names and content")
    files: list[str] = Field(default_factory=list, description="rule file names, in load order")

    @property
    def short(self) -> str:
        return self.digest[:12]


class ToolInfo(_Model):
    name: str = "gaplint"
    version: str
    rules: list[str] = Field(default_factory=list, description="rule packs used")
    rule_pack: RulePackInfo | None = None


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    generated_at: str | None = Field(
        default=None,
        description="when the report was made, ISO 8601 UTC (SOURCE_DATE_EPOCH when set)",
    )
    tool: ToolInfo
    documents: list[DocumentReport]
    sets: list[SetReport] = Field(
        default_factory=list,
        description="policy sets judged as one (schema 1.3); members are also in `documents`",
    )
    summary: Summary


SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def generated_at() -> str:
    """Now in ISO 8601 UTC, or SOURCE_DATE_EPOCH's time when set, so that two runs over the
    same input can be byte-identical (as reproducible-builds tools honour it)."""
    epoch = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    moment = datetime.now(timezone.utc)
    if epoch.isdigit():
        moment = datetime.fromtimestamp(int(epoch), timezone.utc)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def gated(
    documents: Iterable[DocumentReport], sets: Sequence[SetReport]
) -> list[DocumentReport | SetReport]:
    """What fails a run (fail-on, min-coverage) and what the summary counts: each document
    outside every set, then each set, whose members are judged through it, so a gap that a
    sibling fills fails nothing."""
    return list(iter_gated(documents, sets))


def iter_gated(
    documents: Iterable[DocumentReport], sets: Sequence[SetReport]
) -> Iterator[DocumentReport | SetReport]:
    """`gated`, one entry at a time: `documents` may be a batch's spool, read as it goes."""
    in_sets = {path for policy_set in sets for path in policy_set.paths}
    yield from (d for d in documents if d.path not in in_sets)
    yield from sets


class DocumentFacts(_Model):
    """A finished document's report in brief: what a batch's summary, exit status and notes
    need of it, small enough to keep for every document of a large batch. A policy set's
    facts stand for its members in the exit status and notes."""

    path: str
    judged: bool
    error: bool
    format: str | None = None
    coverage: float | None = None
    open: dict[str, int] = Field(
        default_factory=dict, description="findings neither waived nor baselined, by severity"
    )
    waived: int = 0
    baselined: int = 0

    @classmethod
    def of(cls, doc: DocumentReport | SetReport) -> DocumentFacts:
        open_by_severity = {severity.value: 0 for severity in Severity}
        waived = baselined = 0
        for finding in doc.findings:
            waived += finding.waived
            baselined += finding.baselined and not finding.waived
            if not finding.waived and not finding.baselined:
                open_by_severity[finding.severity.value] += 1
        return cls(
            path=doc.path if isinstance(doc, DocumentReport) else f"set {doc.name!r}",
            judged=doc.judged,
            error=doc.error is not None,
            format=doc.format if isinstance(doc, DocumentReport) else None,
            coverage=doc.coverage,
            open=open_by_severity,
            waived=waived,
            baselined=baselined,
        )


class SummaryTally:
    """The Summary counted one document at a time, as a batch finishes them.

    Coverages are summed in path order at the end, as `summarize` over the sorted reports
    did, so the mean's last digit does not depend on which worker finished first."""

    def __init__(self) -> None:
        self.documents = self.errors = self.not_judged = self.waived = self.baselined = 0
        self.counts = {severity.value: 0 for severity in Severity}
        self._coverages: list[tuple[str, int, float]] = []

    def add(self, facts: DocumentFacts, key: str = "") -> None:
        self.documents += 1
        self.errors += facts.error
        self.not_judged += not facts.judged
        self.waived += facts.waived
        self.baselined += facts.baselined
        for severity, count in facts.open.items():
            self.counts[severity] += count
        if facts.coverage is not None:
            self._coverages.append((key, len(self._coverages), facts.coverage))

    def summary(self) -> Summary:
        scored = [coverage for _, _, coverage in sorted(self._coverages)]
        return Summary(
            documents=self.documents,
            errors=self.errors,
            not_judged=self.not_judged,
            findings=dict(self.counts),
            waived=self.waived,
            baselined=self.baselined,
            mean_coverage=round(sum(scored) / len(scored), 4) if scored else None,
        )


def summarize(documents: list[DocumentReport], sets: Sequence[SetReport] = ()) -> Summary:
    """Counts over the batch; findings as they fail the run: a set member's through its set."""
    counts = {severity.value: 0 for severity in Severity}
    waived = baselined = 0
    for entry in gated(documents, sets):
        facts = DocumentFacts.of(entry)
        waived += facts.waived
        baselined += facts.baselined
        for severity, count in facts.open.items():
            counts[severity] += count
    scored = [doc.coverage for doc in documents if doc.coverage is not None]
    return Summary(
        documents=len(documents),
        errors=sum(1 for doc in documents if doc.error is not None),
        not_judged=sum(1 for doc in documents if not doc.judged),
        findings=counts,
        waived=waived,
        baselined=baselined,
        mean_coverage=round(sum(scored) / len(scored), 4) if scored else None,
        sets=len(sets),
    )
