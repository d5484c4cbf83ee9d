"""The JSON contract of `gaplint diff`: what a new version of a policy gained and lost."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from gaplint.report import DocumentError, Notice, Severity, ToolInfo

DIFF_SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ChangeKind(str, Enum):
    LOST = "lost"
    GAINED = "gained"
    MOVED = "moved"


class SentenceChange(str, Enum):
    ADDED = "added"
    REMOVED = "removed"
    KEPT = "kept"


class ChangedSentence(_Model):
    """A sentence behind a change: evidence in one version, and whether the other has it."""

    change: SentenceChange = Field(
        description="added: only in the new version; removed: only in the old one; kept: in both"
    )
    version: str = Field(description="'old' or 'new': the version whose evidence it is")
    text: str
    page: int | None = None
    line: int | None = None
    paragraph: int | None = None
    section: list[str] = Field(default_factory=list)


class SubpointChange(_Model):
    rule: str
    title: str
    severity: Severity
    kind: ChangeKind = Field(
        description="lost: covered before, not now; gained: the reverse; moved: covered in "
        "both, but an old evidence sentence was removed and other sentences cover it now"
    )
    message: str = Field(
        description='one line, e.g. "GL502 Employee disclaimer is no longer covered: the '
        "sentence on page 3 'Employees who post…' was removed.\""
    )
    sentences: list[ChangedSentence] = Field(default_factory=list)


class DocumentDiff(_Model):
    old: str = Field(description="the old version: a path, or REV:path read from git")
    new: str
    old_sha256: str | None = None
    new_sha256: str | None = None
    old_coverage: float | None = None
    new_coverage: float | None = None
    error: DocumentError | None = Field(
        default=None, description="why the two versions could not be compared"
    )
    error_in: str | None = Field(default=None, description="the version that could not be read")
    notices: list[Notice] = Field(
        default_factory=list, description="e.g. a version that was not judged"
    )
    changes: list[SubpointChange] = Field(default_factory=list)

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for change in self.changes if change.kind is kind)


class DiffSummary(_Model):
    documents: int
    errors: int
    lost: int
    gained: int
    moved: int


class DiffReport(_Model):
    schema_version: str = DIFF_SCHEMA_VERSION
    generated_at: str | None = None
    tool: ToolInfo
    diffs: list[DocumentDiff]
    summary: DiffSummary


def summarize_diffs(diffs: list[DocumentDiff]) -> DiffSummary:
    return DiffSummary(
        documents=len(diffs),
        errors=sum(1 for diff in diffs if diff.error is not None),
        lost=sum(diff.count(ChangeKind.LOST) for diff in diffs),
        gained=sum(diff.count(ChangeKind.GAINED) for diff in diffs),
        moved=sum(diff.count(ChangeKind.MOVED) for diff in diffs),
    )
