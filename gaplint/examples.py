"""Run a rule's own examples: each `covered` text must be judged covered, each `missing` not."""

from __future__ import annotations

from gaplint.api import Checker
from gaplint.document import BlockKind, DocFormat, Document, DocumentBuilder
from gaplint.judge import judge
from gaplint.report import SubpointStatus
from gaplint.selection import Selection


def example_document(text: str) -> Document:
    """One paragraph, or a small Markdown document when the example has several lines."""
    if "\n" in text:
        from gaplint.readers import read_bytes

        return read_bytes(text.encode("utf-8"), "example.md")
    builder = DocumentBuilder()
    builder.add(BlockKind.PARAGRAPH, text)
    return Document(path="example.txt", format=DocFormat.TEXT, sha256="", blocks=builder.blocks)


def judged_covered(checker: Checker, rule_id: str, text: str) -> bool:
    # Judged directly, without language detection or the not-a-policy test: an example is a
    # sentence or two.
    document = example_document(text)
    hits = checker.compiled.hits(document, [rule_id])
    selection = Selection(select=(rule_id,), judge_all=True)
    report = judge(checker.compiled.pack, document, hits, selection)
    return report.subpoint(rule_id).status is SubpointStatus.COVERED
