"""Rule regexes tried only where a required literal lets a match start
(gaplint.regex_anchors): the anchors found at compile time, and the same matches as a scan
of the whole text, on both engines."""

from __future__ import annotations

import random
import time

import pytest

from gaplint.api import Checker
from gaplint.document import BlockKind, DocFormat, Document, DocumentBuilder
from gaplint.regex_anchors import LiteralPositions, anchors
from gaplint.regex_budget import REGEX_BUDGET_SECONDS, RegexBudgetExceeded, RulePattern


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # An alternation: one literal per branch (re's parser factors out "do").
        (r"\b(access|use)\s+is", [("access", 0, 0), ("use", 0, 0)]),
        (r"\b(do|does)\s+x", [("do", 0, 0)]),
        (r"©|\bcopyright\s+\d{4}", [("copyright", 0, 0), ("©", 0, 0)]),
        # An optional group before the literal: the match starts 0 or 1 character before.
        (r"(x\s)?ab\d", [("ab", 0, 2)]),
        (r"x?ab\d", [("ab", 0, 1)]),
        # A small class of letters stands for each of them.
        (r"[ab]\d", [("a", 0, 0), ("b", 0, 0)]),
        # A prefix re's parser takes out of the branches is put back; a small class
        # after a literal extends it.
        (
            r"(authori[sz]ed|approved)\s",
            [("approved", 0, 0), ("authoris", 0, 0), ("authoriz", 0, 0)],
        ),
        (r"\b(did|do)\s", [("did", 0, 0), ("do", 0, 0)]),
        # A lookbehind takes no characters of the match.
        (r"(?<![\"'])\b(updated|revised)\s*:", [("revised", 0, 0), ("updated", 0, 0)]),
        (r"(?<=a)bc", [("bc", 0, 0)]),
        # A literal one anchor implies is no anchor of its own.
        (r"\b(rev|review)\s*\d", [("rev", 0, 0)]),
        (r"\b(19|20)\d\d", [("19", 0, 0), ("20", 0, 0)]),
    ],
)
def test_anchors_found(source: str, expected: list[tuple[str, int, int]]) -> None:
    assert anchors(source) == tuple(expected)


@pytest.mark.parametrize(
    "source",
    [
        r"\w+abc",  # any number of characters before the literal
        r"(?i)\bwhy\b",  # case folding is wider than str.lower ("ſ" matches "s")
        r"(?i:ab)c",  # the same, in one group
        r"[A-Za-z]{2}\d",  # a class too large to list
        r"(ab|\d+)\w",  # one branch without a literal, and of any length
        r"\bwithout\s+consent",  # regex searches for a required literal itself
        r"[[:alpha:]]x",  # read differently by re's parser
        r"(?m)^[ \t]*(make|build)\b",  # after a run of any length
    ],
)
def test_patterns_without_anchors_run_everywhere(source: str) -> None:
    assert anchors(source) is None
    pattern = RulePattern.compile(source, ignore_case=False)
    text = "xx make abc ab1 consent 1x why ab\nbuild ab"
    assert pattern.spans_in(text, LiteralPositions(text), False) == pattern.spans(text, False)


def test_a_case_insensitive_pattern_gets_no_anchors() -> None:
    # Patterns with capitals run case-insensitively on the text as written: no anchors.
    assert RulePattern.compile(r"\b[A-Z]{2}-\d+", ignore_case=True).anchors is None
    assert RulePattern.compile(r"\bpolicy\b", ignore_case=True).anchors is None


PATTERNS = [
    r"\b(access|use)\s+(is|are|will\s+be)\s+(given|granted)\b",
    r"(x\s)?ab\b",
    r"\b(comments?|moderation)\b[\w ,&-]{0,30}?\b(policy|rules)\b",
    r"(?<![\"'])\b(updated|revised|review)\s*:(?!\s*(n/?a|tbd)\b)|\b(version|ver)\.?\s*\d",
    r"\b(19|20)\d\d\s*(-|to)\s*(19|20)?\d\d\b",
    r"aa",  # a literal that overlaps itself: "aaa" holds it twice
    r"(?<=a)bc",
]
WORDS = [
    "access", "use", "is", "are", "will", "be", "given", "granted", "abc", "x", "comment",
    "comments", "moderation", "policy", "rules", "updated", "revised", "review", ":", "n/a",
    "tbd", "version", "ver.", "2019", "1999", "-", "to", "20", "aaa", "abcd", '"', "'",
    "ab", "c", "bc", "\n", ",",
]  # fmt: skip


@pytest.mark.parametrize("source", PATTERNS)
def test_anchored_spans_are_a_whole_scan_s(source: str) -> None:
    pattern = RulePattern.compile(source, ignore_case=False)
    assert pattern.anchors is not None
    chooser = random.Random(source)
    for _ in range(300):
        text = "".join(
            chooser.choice(WORDS) + chooser.choice(["", " ", "  "]) for _ in range(12)
        )
        literals = LiteralPositions(text)
        for reads_alike in (True, False):  # `re` where it may run, and `regex`
            assert pattern.spans_in(text, literals, reads_alike) == pattern.spans(
                text, reads_alike
            ), text


def test_matches_at_the_text_s_edges() -> None:
    pattern = RulePattern.compile(r"\b(access|use)\s+is\b", ignore_case=False)
    for text in ["use is", "access is here. use is", "use is. access is"]:
        assert pattern.spans_in(text, LiteralPositions(text), True) == pattern.spans(text, True)
    text = "access is here. use is"
    assert [start for start, _, _ in pattern.spans_in(text, LiteralPositions(text), True)] == [
        0,
        16,
    ]


PACK = r"""
element:
  id: TS4
  title: Anchored regexes
  subpoints:
    - id: TS401
      name: access
      title: Access
      rationale: Because.
      recommendation: Say who has access.
      example_clause: Access is granted.
      match: {regex: '\b(access|use)\s+(is|are)\s+(given|granted)\b'}
      examples: {covered: ["Access is granted."], missing: ["Access was granted."]}
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    folder = tmp_path_factory.mktemp("pack")
    (folder / "TS4.yaml").write_text(PACK, encoding="utf-8")
    return Checker(rule_dirs=[folder], builtin=False)


def _evidence(checker: Checker, *paragraphs: str) -> list[str]:
    builder = DocumentBuilder()
    for text in paragraphs:
        builder.add(BlockKind.PARAGRAPH, text)
    document = Document(path="t.md", format=DocFormat.MARKDOWN, sha256="x", blocks=builder.blocks)
    result = checker.check_document(document).subpoint("TS401")
    return [evidence.text for evidence in result.evidence]


def test_the_pack_regex_is_anchored(checker: Checker) -> None:
    ((_, _, lower),) = checker.compiled.regexes
    assert lower is not None and lower.anchors == (("access", 0, 0), ("use", 0, 0))


def test_hits_at_sentence_and_block_edges(checker: Checker) -> None:
    # The document's first characters, a sentence's first after another, a block's last.
    assert _evidence(checker, "Access is granted. Use is given.") == [
        "Access is granted.",
        "Use is given.",
    ]
    assert _evidence(checker, "Nothing here.", "We say use is given") == ["We say use is given"]
    # Capitals: the literal is found in the lower-cased text.
    assert _evidence(checker, "ACCESS IS GRANTED.") == ["ACCESS IS GRANTED."]
    # "misuse is given": no word boundary before "use", though the literal is there.
    assert _evidence(checker, "Misuse is given here.") == []
    # Across two blocks is no match, as before.
    assert _evidence(checker, "Access is", "granted to all.") == []


def test_anchored_places_are_tried_on_re_where_it_runs_alike() -> None:
    # Linear, but kept on `regex` for whole scans (a rare first character to skip to).
    dates = RulePattern.compile(r"\b(19|20)\d\d\s*(-|to)\s*(19|20)?\d\d\b", ignore_case=False)
    assert dates.stdlib is None and dates.anchored_stdlib is not None
    text = "from 2019 to 2021, and 1999-2000"
    literals = LiteralPositions(text)
    assert dates.spans_in(text, literals, True) == dates.spans(text, False)
    # A backreference is not linear: such a pattern keeps `regex` and its time budget.
    repeated = RulePattern.compile(r"\bab(c|cc)+\1@", ignore_case=False)
    assert repeated.anchors is not None and repeated.anchored_stdlib is None


def test_an_anchored_runaway_pattern_still_meets_its_budget() -> None:
    pattern = RulePattern.compile(r"\bx(a|aa)+\1@", ignore_case=False)
    assert pattern.anchors == (("x", 0, 0),)
    text = ("x" + "a" * 3000 + " ") * 3
    started = time.monotonic()
    with pytest.raises(RegexBudgetExceeded):
        pattern.spans_in(text, LiteralPositions(text), True)
    assert time.monotonic() - started < REGEX_BUDGET_SECONDS + 2
