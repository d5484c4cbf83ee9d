"""Compare two versions of a policy: the sub-points the new one gained and lost, the sentences
added or removed behind each change, and evidence that moved when a section was rewritten.

Both versions are judged by the one Checker (so a diff costs two checks and a comparison of
their evidence); whether a sentence is still there is decided on the other version's text
with whitespace folded, so a re-wrapped paragraph keeps its sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gaplint.diff_model import (
    ChangedSentence,
    ChangeKind,
    DocumentDiff,
    SentenceChange,
    SubpointChange,
)
from gaplint.document import Document
from gaplint.report import DocumentReport, Evidence, Notice, SubpointResult

QUOTE_WIDTH = 40
"""Characters of a sentence quoted in a one-line message."""


def _folded(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Version:
    """One side of a diff: its name as shown, its report and the document it was judged on."""

    name: str
    report: DocumentReport
    document: Document | None = None
    _text: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Folded once: `has` runs for every evidence sentence of the other version.
        self._text = _folded(self.document.text) if self.document is not None else ""

    def has(self, sentence: str) -> bool:
        return _folded(sentence) in self._text


def _quote(text: str) -> str:
    text = _folded(text)
    if len(text) <= QUOTE_WIDTH:
        return text
    cut = text[:QUOTE_WIDTH].rsplit(" ", 1)[0] or text[:QUOTE_WIDTH]
    return cut.rstrip(",;:") + "…"


def where(sentence: ChangedSentence) -> str:
    """'on page 3', 'on line 57', 'in paragraph 12', or the section when that is all there is."""
    if sentence.page:
        return f"on page {sentence.page}"
    if sentence.line:
        return f"on line {sentence.line}"
    if sentence.paragraph:
        return f"in paragraph {sentence.paragraph}"
    if sentence.section:
        return f"in § {sentence.section[-1]}"
    return ""


def _sentence(evidence: Evidence, version: str, change: SentenceChange) -> ChangedSentence:
    return ChangedSentence(
        change=change,
        version=version,
        text=evidence.text,
        page=evidence.page,
        line=evidence.line,
        paragraph=evidence.paragraph,
        section=evidence.section,
    )


def _statements(evidence: list[Evidence]) -> list[Evidence]:
    # Several headings can name a sub-point; quote each sentence once.
    seen: set[str] = set()
    kept = []
    for item in evidence:
        if item.text not in seen:
            seen.add(item.text)
            kept.append(item)
    return kept


def _phrase(sentences: list[ChangedSentence], verb_one: str, verb_many: str) -> str:
    """ "the sentence on page 3 'Employees who post…' was removed" (or the plural)."""
    quoted = [f"{where(s)} '{_quote(s.text)}'".strip() for s in sentences]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    if len(sentences) == 1:
        return f"the sentence {listed} {verb_one}"
    return f"the sentences {listed} {verb_many}"


def _lost(old: SubpointResult, new: SubpointResult, after: Version) -> SubpointChange:
    sentences = [
        _sentence(ev, "old", SentenceChange.KEPT if after.has(ev.text) else SentenceChange.REMOVED)
        for ev in _statements(old.evidence)
    ]
    removed = [s for s in sentences if s.change is SentenceChange.REMOVED]
    kept = [s for s in sentences if s.change is SentenceChange.KEPT]
    reasons = []
    if removed:
        reasons.append(_phrase(removed, "was removed", "were removed"))
    if kept:
        reasons.append(_phrase(kept, "no longer counts", "no longer count"))
    if new.excluded_by is not None:
        reasons.append(f"the new version excludes it: '{_quote(new.excluded_by.text)}'")
        sentences.append(_sentence(new.excluded_by, "new", SentenceChange.ADDED))
    because = "; ".join(reasons) or "its evidence no longer counts"
    return SubpointChange(
        rule=new.id,
        title=new.title,
        severity=new.severity,
        kind=ChangeKind.LOST,
        message=f"{new.id} {new.title} is no longer covered: {because}.",
        sentences=sentences,
    )


def _gained(new: SubpointResult, before: Version) -> SubpointChange:
    sentences = [
        _sentence(ev, "new", SentenceChange.KEPT if before.has(ev.text) else SentenceChange.ADDED)
        for ev in _statements(new.evidence)
    ]
    added = [s for s in sentences if s.change is SentenceChange.ADDED]
    kept = [s for s in sentences if s.change is SentenceChange.KEPT]
    reasons = []
    if added:
        reasons.append(_phrase(added, "was added", "were added"))
    if kept:
        reasons.append(_phrase(kept, "counts now", "count now"))
    return SubpointChange(
        rule=new.id,
        title=new.title,
        severity=new.severity,
        kind=ChangeKind.GAINED,
        message=f"{new.id} {new.title} is now covered: {'; '.join(reasons)}.",
        sentences=sentences,
    )


def _moved(
    old: SubpointResult, new: SubpointResult, before: Version, after: Version
) -> SubpointChange | None:
    """Covered in both, but by other sentences only, and some old evidence was removed: the
    section was rewritten and still covers the point. (A sentence that still counts, or one
    that is merely ranked lower now, is no change.)"""
    old_evidence = _statements(old.evidence)
    if {ev.text for ev in old_evidence} & {ev.text for ev in new.evidence}:
        return None
    removed = [
        _sentence(ev, "old", SentenceChange.REMOVED)
        for ev in old_evidence
        if not after.has(ev.text)
    ]
    if not removed:
        return None
    now = [
        _sentence(ev, "new", SentenceChange.KEPT if before.has(ev.text) else SentenceChange.ADDED)
        for ev in _statements(new.evidence)
    ]
    message = (
        f"{new.id} {new.title} is still covered: "
        f"{_phrase(now, 'covers it now', 'cover it now')}; "
        f"{_phrase(removed, 'was removed', 'were removed')}."
    )
    return SubpointChange(
        rule=new.id,
        title=new.title,
        severity=new.severity,
        kind=ChangeKind.MOVED,
        message=message,
        sentences=[*removed, *now],
    )


def _results(report: DocumentReport) -> dict[str, SubpointResult]:
    return {sub.id: sub for element in report.elements for sub in element.subpoints}


def _unjudged_notices(version: Version, label: str) -> list[Notice]:
    report = version.report
    if report.judged:
        return []
    why = "; ".join(notice.message for notice in report.notices) or "it was not judged"
    return [Notice(code="not-judged", message=f"the {label} version was not judged: {why}")]


def compare(before: Version, after: Version) -> DocumentDiff:
    """What changed from `before` to `after`, sub-point by sub-point in the pack's order."""
    diff = DocumentDiff(
        old=before.name,
        new=after.name,
        old_sha256=before.report.sha256,
        new_sha256=after.report.sha256,
        old_coverage=before.report.coverage,
        new_coverage=after.report.coverage,
    )
    for version in (before, after):
        if version.report.error is not None:
            diff.error = version.report.error
            diff.error_in = version.report.path or version.name
            return diff
    diff.notices = _unjudged_notices(before, "old") + _unjudged_notices(after, "new")
    if diff.notices:
        return diff
    old_results = _results(before.report)
    for rule, new in _results(after.report).items():
        old = old_results.get(rule)
        if old is None:
            continue  # not judged in the old version (a rule pack of another time)
        was, now = old.status.value == "covered", new.status.value == "covered"
        change: SubpointChange | None = None
        if was and not now:
            change = _lost(old, new, after)
        elif now and not was:
            change = _gained(new, before)
        elif was and now:
            change = _moved(old, new, before, after)
        if change is not None:
            diff.changes.append(change)
    return diff
