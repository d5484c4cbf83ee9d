"""Rule regexes on the standard library's `re` where provably linear, on `regex` with a
time budget otherwise, and the same matches either way."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import regex

from gaplint.api import Checker
from gaplint.atoms import _has_capital
from gaplint.document import BlockKind, DocFormat, Document, DocumentBuilder
from gaplint.linear_regex import agrees_on, is_linear, prefers_stdlib
from gaplint.readers import read_document
from gaplint.regex_budget import RulePattern
from tests.corpus_files import corpus_documents


@pytest.mark.parametrize(
    "source",
    [
        r"\bwithout\s+consent",
        r"(?m)^[ \t]*(make|build)\b",
        r"\b(owners?|sponsor)\s*:",
        r"\b(19|20)\d\d\s*(-|to)\s*(19|20)?\d\d\b",
        r"(?m)^[ \t]*(lead|owner)[ \t]*:[ \t]*(?!n/?a\b)[a-z]",
        r"x(a\s+)?b",
        r"(?m)^[ \t]*(\S+[ \t]+){0,7}\S+[ \t]*$",  # a short line: rounds of a word and a gap
        r"x(a+b){0,3}c",
        r"\bnot\s+(\w+\s+){1,3}(reflect|represent)\b",
    ],
)
def test_fenced_repeats_are_linear(source: str) -> None:
    assert is_linear(source)


@pytest.mark.parametrize(
    "source",
    [
        r"(\w+\s*)*@",  # a repeat in a repeat: exponential
        r"(a|b)*c",  # alternation in a repeat
        r"(a)\1",  # a backreference
        r"[a-z]+:",  # entered from every letter of a run: quadratic
        r"a\s*\s*b",  # two repeats over the same run
        r"x\w+\d",  # what follows the run can be part of it
        r"x.*y",  # any character: not fenced
        r"x[^a]+y",  # a negated class is not analysed
        r"x(a\s+)?\s",  # the optional run and the next one overlap
        r"x(?=a+)b",  # an unbounded lookahead
        r"(?>a+)b",  # an atomic group is not analysed
        r"(a+){0,7}b",  # the rounds split one run many ways
        r"([a-z]+ ){0,3}[a-z]+",  # entered from every letter of a run
        r"x(\S+[ \t]+){0,7}\S+",  # the first run can take the x's neighbours
        r"(?m)^\s*(\S+\s+){0,7}\S+\s*$",  # \s holds the newline before a line start
        r"x(\S+ ){0,40}y",  # too many rounds to try over
        r"x(a+b|c){0,3}d",  # an alternation in the rounds
        r"(unclosed",
    ],
)
def test_backtracking_patterns_are_not_linear(source: str) -> None:
    assert not is_linear(source)
    assert RulePattern.compile(source.replace("(unclosed", "x"), False).stdlib is None or (
        source == "(unclosed"
    )


def test_stdlib_only_where_regex_has_no_shortcut() -> None:
    assert prefers_stdlib(r"(?m)^[ \t]*(make|build|grow|raise|cut)\b")  # no shortcut
    assert not prefers_stdlib(r"\bwithout\s+consent")  # a required literal to search for
    assert not prefers_stdlib(r"\b(19|20)\d\d\b")  # a rare first character
    assert not prefers_stdlib(r"x?")  # an empty match is placed differently
    assert not prefers_stdlib(r"(?i)\b(make|build|grow|raise|cut)\s+x")  # case folding
    assert not prefers_stdlib(r"[[:alpha:]]+")  # a POSIX class means other things in re


def test_a_linear_pattern_on_a_hostile_run_stays_fast() -> None:
    pattern = RulePattern.compile(r"\b(owners?|sponsor|custodian|keeper|lead)\s*:", False)
    assert pattern.stdlib is not None
    hostile = ("owner" + " " * 200_000 + "x ") * 5
    started = time.process_time()
    assert pattern.spans(hostile, stdlib_reads_alike=True) == []
    assert time.process_time() - started < 1.0


def test_a_bounded_repeat_of_runs_on_hostile_lines_stays_fast() -> None:
    pattern = RulePattern.compile(r"(?m)^[ \t]*(\S+[ \t]+){0,7}\S+[ \t]*$", False)
    assert pattern.stdlib is not None
    lines = ["a " * 200_000, " \t" * 100_000 + "x", "word" * 50_000]  # too long, two short
    started = time.process_time()
    found = pattern.spans("\n".join(lines), stdlib_reads_alike=True)
    assert [matched for _, _, matched in found] == lines[1:]
    assert time.process_time() - started < 1.0


@pytest.mark.parametrize(
    "source",
    [
        r"(?m)^[ \t]*(\S+[ \t]+){0,3}\S+[ \t]*$",
        r"x(a+b){0,3}c",
        r"\b(a|b)\s+(\w+\s+){1,3}(c|ab)\b",
    ],
)
def test_bounded_repeats_of_runs_find_what_regex_finds(source: str) -> None:
    import random

    rng = random.Random(source)
    stdlib, budgeted = re.compile(source), regex.compile(source)
    for _ in range(400):
        text = "".join(rng.choice(["a", "b", "c", "x", "ab", " ", "\t", "\n", "  "])
                       for _ in range(rng.randint(0, 40)))  # fmt: skip
        expected = [m.span() for m in budgeted.finditer(text)]
        assert [m.span() for m in stdlib.finditer(text)] == expected, repr(text)


def test_characters_the_engines_read_differently_are_caught() -> None:
    assert agrees_on("plain ascii text")
    assert agrees_on("curly \u2019quotes\u2019 and caf\u00e9")
    assert not agrees_on("cafe\u0301")  # a combining mark: a word character only to regex
    assert not agrees_on("a\x1cb")  # a separator: whitespace only to re


def test_built_in_regexes_find_the_same_on_both_engines() -> None:
    compiled = Checker().compiled
    stdlib = [lower for _, _, lower in compiled.regexes if lower and lower.stdlib]
    assert stdlib, "no built-in regex runs on re: the comparison would be empty"
    texts = [
        read_document(path).text.lower()
        for path in corpus_documents()
    ]
    for pattern in stdlib:
        for text in texts:
            assert pattern.spans(text, True) == pattern.spans(text, False)


PACK = r"""
element:
  id: TS3
  title: Regexes
  subpoints:
    - id: TS301
      name: pairs
      title: Pairs
      rationale: Because.
      recommendation: Pair them.
      example_clause: Alpha one.
      match: {regex: '\b(alpha|beta|gamma|delta|omega)[.]?\s+(one|two)\b'}
      examples: {covered: ["Alpha one."], missing: ["Alpha three."]}
"""
P = BlockKind.PARAGRAPH


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    folder = tmp_path_factory.mktemp("pack")
    (folder / "TS3.yaml").write_text(PACK, encoding="utf-8")
    return Checker(rule_dirs=[folder], builtin=False)


def _document(*paragraphs: str) -> Document:
    builder = DocumentBuilder()
    for text in paragraphs:
        builder.add(P, text)
    return Document(path="t.md", format=DocFormat.MARKDOWN, sha256="x", blocks=builder.blocks)


def _evidence(checker: Checker, *paragraphs: str) -> list[str]:
    result = checker.check_document(_document(*paragraphs)).subpoint("TS301")
    return [evidence.text for evidence in result.evidence]


def test_the_pack_regex_runs_on_re(checker: Checker) -> None:
    ((_, _, lower),) = checker.compiled.regexes
    assert lower is not None and lower.stdlib is not None


def test_a_match_belongs_to_the_sentence_it_starts_in(checker: Checker) -> None:
    # At a sentence's first character, and across a sentence end (it starts in the first).
    assert _evidence(checker, "Nothing here. Alpha one is next.") == ["Alpha one is next."]
    assert _evidence(checker, "We count to omega. Two more follow.") == ["We count to omega."]


def test_a_match_across_two_blocks_is_no_match(checker: Checker) -> None:
    assert _evidence(checker, "We count to omega", "two more follow.") == []
    assert _evidence(checker, "We count to omega two", "more follow.") == ["We count to omega two"]


def test_text_the_engines_read_differently_goes_to_regex(checker: Checker) -> None:
    # `re` sees a word boundary after the combining mark, `regex` none: regex decides.
    source = r"\b(alpha|beta|gamma|delta|omega)[.]?\s+(one|two)\b"
    text = "xe\u0301alpha one"
    assert re.search(source, text) and not regex.search(source, text)
    assert _evidence(checker, f"We wrote {text} here.") == []
    assert _evidence(checker, "We wrote alpha one here.") == ["We wrote alpha one here."]


SHORT_LINE_PACK = PACK.replace("TS3", "TS4").replace(
    r"'\b(alpha|beta|gamma|delta|omega)[.]?\s+(one|two)\b'",
    r"'(?m)^[ \t]*(\S+[ \t]+){0,2}\S+[ \t]*$'",
)


def test_a_pattern_whose_only_capital_is_the_escape_of_non_space_runs_on_re(
    tmp_path: Path,
) -> None:
    # \S reads alike on lower-cased text (no character becomes whitespace or stops being it),
    # so it runs unflagged there, on `re`; \W and capital letters still do not.
    assert not _has_capital(r"(\S+\s+)\\\S")  # a backslash, then \S
    assert _has_capital(r"\\S") and _has_capital(r"\W")  # a backslash, then S
    (tmp_path / "TS4.yaml").write_text(SHORT_LINE_PACK, encoding="utf-8")
    short_lines = Checker(rule_dirs=[tmp_path], builtin=False)
    ((_, flagged, lower),) = short_lines.compiled.regexes
    assert lower is not None and lower.stdlib is not None
    text = "Three Short Words\nFour WORDS are too many\n\tÉtat ÇA va\n\u00a0Ω x\u2028y"
    expected = [m.span() for m in flagged.budgeted.finditer(text)]
    assert len(expected) == 2 and agrees_on(text.lower())  # no-break space: no \\S, no [ \\t]
    assert [(start, end) for start, end, _ in lower.spans(text.lower(), True)] == expected
    long_line = "Staff must not post anything on the accounts that they would not say aloud."
    document = _document("Posting By Staff", long_line, "Be kind.")
    result = short_lines.check_document(document).subpoint("TS401")
    assert [evidence.text for evidence in result.evidence] == ["Posting By Staff", "Be kind."]
