"""A question heading lends its answer a topic, never an obligation (the `obligation` concept)."""

from __future__ import annotations

import pytest

from gaplint.api import Checker
from gaplint.document import BlockKind, DocFormat, Document, DocumentBuilder
from gaplint.report import SubpointStatus

PACK = """
concepts:
  obligation: [must, should, "may not"]
element:
  id: TQ1
  title: Test element
  subpoints:
    - id: TQ101
      name: campaigning
      title: Campaigning
      rationale: Because.
      recommendation: Say whether staff may campaign.
      example_clause: Staff must not campaign.
      match:
        all:
          - [campaign]
          - {any: [{concept: obligation}, {inside: {concept: obligation}}]}
      examples: {covered: ["Staff must not campaign."], missing: ["The campaign ends."]}
"""

H, P, L = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    folder = tmp_path_factory.mktemp("pack")
    (folder / "TQ1.yaml").write_text(PACK, encoding="utf-8")
    return Checker(rule_dirs=[folder], builtin=False)


def status(checker: Checker, *blocks: tuple[BlockKind, str]) -> SubpointStatus:
    builder = DocumentBuilder()
    for kind, text in blocks:
        builder.add(kind, text, level=2 if kind is H else None)
    doc = Document(path="t.md", format=DocFormat.MARKDOWN, sha256="x", blocks=builder.blocks)
    return checker.check_document(doc).subpoint("TQ101").status


def test_a_question_heading_gives_no_obligation(checker: Checker) -> None:
    asked = status(checker, (H, "What should I do?"), (P, "The campaign ends in May."))
    assert asked is SubpointStatus.MISSING


def test_a_stated_heading_still_gives_one(checker: Checker) -> None:
    stated = status(checker, (H, "Staff should stay neutral"), (P, "The campaign ends in May."))
    assert stated is SubpointStatus.COVERED


def test_a_lead_in_under_a_question_heading_still_obliges(checker: Checker) -> None:
    found = status(
        checker,
        (H, "What can't I post?"),
        (P, "You must never post the following:"),
        (L, "anything that supports a campaign."),
    )
    assert found is SubpointStatus.COVERED
