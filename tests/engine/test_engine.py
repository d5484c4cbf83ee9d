"""The rule engine on a small pack of its own, so these tests do not move when rules are tuned."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaplint.api import Checker
from gaplint.document import BlockKind, DocFormat, Document, DocumentBuilder
from gaplint.report import Confidence, ElementStatus, FindingKind, Severity, SubpointStatus

PACK = """
concepts:
  exclusion: ["does not address", "outside the scope"]
  must: [must, shall, "may not"]
  obligation: [{concept: must}]
element:
  id: TS1
  title: Test element
  heading: [testing]
  subpoints:
    - id: TS101
      name: passwords
      title: Passwords
      rationale: Because.
      recommendation: Add password rules.
      example_clause: Passwords must be secret.
      match: {all: [[password], {concept: must}]}
      unless: ["help desk"]
      examples: {covered: ["Passwords must be secret."], missing: ["Call the help desk."]}
    - id: TS102
      name: comments
      title: Comment rules
      rationale: Because.
      recommendation: Add comment rules.
      example_clause: We remove spam.
      match: {all: [[remove, delete], {inside: [comment policy, comments]}]}
      examples: {covered: ["We remove spam."], missing: ["We remove snow."]}
    - id: TS103
      name: lists
      title: Prohibited uses
      rationale: Because.
      recommendation: List prohibited uses.
      example_clause: Staff may not campaign.
      match:
        all:
          - [campaign, "political activity"]
          - {any: [{concept: must}, {inside: {concept: must}}]}
      examples: {covered: ["Staff may not campaign."], missing: ["The campaign ends."]}
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    folder = tmp_path_factory.mktemp("pack")
    (folder / "TS1.yaml").write_text(PACK, encoding="utf-8")
    return Checker(rule_dirs=[folder], builtin=False)


def document(*blocks: tuple[BlockKind, str, int]) -> Document:
    builder = DocumentBuilder()
    for kind, text, level in blocks:
        builder.add(kind, text, level=level or None)
    return Document(path="t.md", format=DocFormat.MARKDOWN, sha256="x", blocks=builder.blocks)


P, H, L, T = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL


def status(checker: Checker, doc: Document, rule: str) -> SubpointStatus:
    return checker.check_document(doc).subpoint(rule).status


def test_all_needs_every_concept_in_one_sentence(checker: Checker) -> None:
    together = document((P, "Passwords must never be shared with anyone at all.", 0))
    apart = document((P, "We like passwords. You must eat vegetables every day.", 0))
    assert status(checker, together, "TS101") is SubpointStatus.COVERED
    assert status(checker, apart, "TS101") is SubpointStatus.MISSING


def test_unless_rejects_the_wrong_context(checker: Checker) -> None:
    doc = document((P, "You must call the help desk to reset a password for your laptop.", 0))
    assert status(checker, doc, "TS101") is SubpointStatus.MISSING


def test_inside_looks_at_the_headings_above(checker: Checker) -> None:
    under = document((H, "Comment policy", 1), (P, "We remove posts that contain spam.", 0))
    elsewhere = document((H, "Snow clearing", 1), (P, "We remove snow from the sidewalks.", 0))
    assert status(checker, under, "TS102") is SubpointStatus.COVERED
    assert status(checker, elsewhere, "TS102") is SubpointStatus.MISSING


def test_list_item_inherits_its_lead_in(checker: Checker) -> None:
    doc = document(
        (P, "Employees shall not do the following:", 0), (L, "Engage in political activity.", 0)
    )
    report = checker.check_document(doc)
    sub = report.subpoint("TS103")
    assert sub.status is SubpointStatus.COVERED
    assert sub.evidence[0].text == "Engage in political activity."


def test_a_sentence_whose_subject_refers_back_is_about_the_sentence_before(
    checker: Checker,
) -> None:
    doc = document(
        (P, "Each administrator receives the account password. It must be kept secret.", 0)
    )
    sub = checker.check_document(doc).subpoint("TS101")
    assert sub.status is SubpointStatus.COVERED
    assert [e.text for e in sub.evidence] == ["It must be kept secret."]
    after_a_clause = "Passwords are issued once. Once issued, they must never be shared."
    assert status(checker, document((P, after_a_clause, 0)), "TS101") is SubpointStatus.COVERED


def test_only_a_subject_refers_back_and_only_within_its_block(checker: Checker) -> None:
    not_the_subject = "Each administrator receives a password. Staff must keep it in mind."
    assert status(checker, document((P, not_the_subject, 0)), "TS101") is SubpointStatus.MISSING
    next_block = document(
        (P, "Each administrator receives a password.", 0), (P, "It must be kept.", 0)
    )
    assert status(checker, next_block, "TS101") is SubpointStatus.MISSING
    # What the sentence before says of its subject ("must") is not taken over, only what it names.
    obligation_before = "Staff must attend the training. It covers the campaign."
    assert status(checker, document((P, obligation_before, 0)), "TS103") is SubpointStatus.MISSING


def test_the_sentences_after_a_question_answer_it(checker: Checker) -> None:
    answered = document((P, "What about passwords? Each one must be long. So must a PIN.", 0))
    sub = checker.check_document(answered).subpoint("TS101")
    assert [e.text for e in sub.evidence] == ["Each one must be long.", "So must a PIN."]
    apart = document((P, "What about passwords?", 0), (P, "Each one must be long.", 0))
    assert status(checker, apart, "TS101") is SubpointStatus.MISSING


def test_a_sentence_that_says_it_alone_is_cited_first(checker: Checker) -> None:
    doc = document(
        (P, "What about passwords? Each one must be long.", 0),
        (P, "Passwords must be secret. It is clear that passwords must change yearly.", 0),
    )
    evidence = checker.check_document(doc).subpoint("TS101").evidence
    # "It is clear that ..." refers back, but states the rule without the sentence before.
    assert [e.text for e in evidence] == [
        "Passwords must be secret.",
        "It is clear that passwords must change yearly.",
        "Each one must be long.",
    ]


def test_exclusion_is_not_coverage_and_says_so(checker: Checker) -> None:
    doc = document((P, "This policy does not address passwords, which must follow IT rules.", 0))
    report = checker.check_document(doc)
    sub = report.subpoint("TS101")
    assert sub.status is SubpointStatus.MISSING
    assert sub.excluded_by is not None
    kinds = {f.rule: f.kind for f in report.findings}
    assert kinds["TS101"] is FindingKind.EXCLUDED


def test_an_exclusions_lead_in_excludes_its_list_items(checker: Checker) -> None:
    doc = document(
        (P, "This policy does not address:", 0),
        (L, "Passwords, which must follow IT rules.", 0),
    )
    sub = checker.check_document(doc).subpoint("TS101")
    assert sub.status is SubpointStatus.MISSING and sub.excluded_by is not None
    stated = document(
        (P, "Account holders shall:", 0), (L, "Keep passwords, which must be long.", 0)
    )
    assert checker.check_document(stated).subpoint("TS101").status is SubpointStatus.COVERED


def test_a_whole_statement_is_cited_before_a_lists_lead_in(checker: Checker) -> None:
    doc = document(
        (P, "Passwords for every official account must meet these rules:", 0),
        (L, "Twelve characters or more.", 0),
        (P, "Passwords must never be shared.", 0),
    )
    evidence = checker.check_document(doc).subpoint("TS101").evidence
    assert [e.text for e in evidence] == [
        "Passwords must never be shared.",
        "Passwords for every official account must meet these rules:",
    ]


def test_a_statement_repeated_in_every_row_is_cited_once(checker: Checker) -> None:
    row = "Passwords must stay secret"
    doc = document((T, row, 0), (T, row + ".", 0), (T, row, 0), (P, "Passwords must be long.", 0))
    evidence = checker.check_document(doc).subpoint("TS101").evidence
    assert [e.text for e in evidence] == [row, "Passwords must be long."]


def test_a_columns_header_cell_is_cited_after_a_statement(checker: Checker) -> None:
    doc = document((T, "Password must", 0), (P, "Passwords must be long.", 0))
    evidence = checker.check_document(doc).subpoint("TS101").evidence
    assert [e.text for e in evidence] == ["Passwords must be long.", "Password must"]
    alone = checker.check_document(document((T, "Password must", 0))).subpoint("TS101")
    assert alone.status is SubpointStatus.COVERED and alone.confidence is Confidence.WEAK


def test_evidence_is_located(checker: Checker) -> None:
    doc = document((H, "Testing", 1), (P, "Intro text here. Passwords must be long.", 0))
    report = checker.check_document(doc)
    evidence = report.subpoint("TS101").evidence[0]
    assert evidence.text == "Passwords must be long."
    assert evidence.section == ["Testing"]
    assert doc.text[evidence.start : evidence.end] == evidence.text
    assert report.elements[-1].section == ["Testing"]


def test_element_status_and_findings(checker: Checker) -> None:
    empty = document((P, "Nothing relevant is said in this short paragraph of text.", 0))
    report = checker.check_document(empty)
    element = next(e for e in report.elements if e.id == "TS1")
    assert element.status is ElementStatus.MISSING
    element_finding = next(f for f in report.findings if f.rule == "TS1")
    assert element_finding.kind is FindingKind.ELEMENT_MISSING
    assert element_finding.severity is Severity.ERROR
    partial = document((P, "Passwords must be long and secret at all times.", 0))
    element = next(e for e in checker.check_document(partial).elements if e.id == "TS1")
    assert element.status is ElementStatus.PARTIAL
    assert element.coverage == pytest.approx(1 / 3, abs=1e-3)


def test_word_forms_are_normalised(checker: Checker) -> None:
    doc = document((P, "Staff members shall not be campaigning while on duty.", 0))
    assert status(checker, doc, "TS103") is SubpointStatus.COVERED


def test_other_language_is_not_judged(checker: Checker) -> None:
    japanese = "本ポリシーは、公式ソーシャルメディアアカウントの運用について定めるものです。"
    doc = document((P, japanese, 0))
    report = checker.check_document(doc)
    assert report.judged is False
    assert report.language == "ja"
    assert report.findings == []
    assert report.notices[0].code == "language-mismatch"


def test_check_api_reports_input_errors(tmp_path: Path) -> None:
    from gaplint import check

    report = check(tmp_path / "missing.pdf")
    assert report.error is not None
    assert report.error.code == "not-found"


def test_sentences_never_run_across_blocks(checker: Checker) -> None:
    # No full stop after the heading: the block break alone ends the sentence.
    doc = document((H, "Passwords", 1), (P, "Must be long and kept secret at all times.", 0))
    assert status(checker, doc, "TS101") is SubpointStatus.MISSING
    # "may" + "not" is the obligation phrase "may not" only within one block.
    split = document((P, "Staff members may", 0), (P, "not campaign here", 0))
    assert status(checker, split, "TS103") is SubpointStatus.MISSING
    joined = document((P, "Staff members may not campaign here", 0))
    assert status(checker, joined, "TS103") is SubpointStatus.COVERED


RANKING_PACK = """
element:
  id: TS2
  title: Ranking
  subpoints:
    - id: TS201
      name: retention
      title: Retention
      rationale: Because.
      recommendation: Say how long posts are kept.
      example_clause: Posts are retained for three years.
      match:
        any:
          - {all: [[retain], [years], [records]]}
          - {regex: 'kept\\s+for\\s+ever\\s+and\\s+a\\s+day'}
      examples: {covered: ["Posts are retained."], missing: ["Call the desk."]}
"""


def test_evidence_is_ranked_by_terms_met_not_by_the_label_text(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # The regex's label is full of '+' (\s+); it is still one term, so the sentence where all
    # three words of the other branch meet is cited first.
    folder = tmp_path_factory.mktemp("ranking")
    (folder / "TS2.yaml").write_text(RANKING_PACK, encoding="utf-8")
    ranking = Checker(rule_dirs=[folder], builtin=False)
    doc = document(
        (P, "The posts of the agency are kept for ever and a day by the web team.", 0),
        (P, "The agency will retain the records of its accounts for seven years.", 0),
    )
    evidence = ranking.check_document(doc).subpoint("TS201").evidence
    assert [ev.text[:20] for ev in evidence] == ["The agency will reta", "The posts of the age"]
    assert evidence[0].pattern == "TS201: retain + years + records"


def test_a_label_ranks_below_the_statements_after_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "Retain Records:" introduces the rule as a heading would; the statement is cited first,
    # and a label alone is no more sure than a heading alone.
    folder = tmp_path_factory.mktemp("labels")
    (folder / "TS2.yaml").write_text(RANKING_PACK, encoding="utf-8")
    ranking = Checker(rule_dirs=[folder], builtin=False)
    label = (P, "Retain Records For Years:", 0)
    statement = (P, "The agency will retain the records of its accounts for seven years.", 0)
    evidence = ranking.check_document(document(label, statement)).subpoint("TS201").evidence
    assert [ev.text[:20] for ev in evidence] == ["The agency will reta", "Retain Records For Y"]
    alone = ranking.check_document(document(label)).subpoint("TS201")
    assert alone.confidence is not None and alone.confidence.value == "weak"
    assert alone.confidence_reason == "only a heading names it"
