"""Text that is legal but hostile to the NLP pipeline: a handbook over spaCy's max_length,
long runs of punctuation (quadratic in spaCy's tokenizer) and megabyte-long words. Each is
judged in bounded time, and evidence is still the document's own text."""

from __future__ import annotations

import random
import time
from pathlib import Path

import spacy

from gaplint.api import Checker
from gaplint.nlp import (
    _LONG_WORD,
    _PUNCTUATION_RUN,
    MAX_PUNCTUATION_RUN,
    _break_word,
    _cut_run,
    iter_block_docs,
    tokenizable,
)
from gaplint.readers import read_bytes, read_document
from gaplint.report import DocumentReport

EVIDENCE = "Staff must keep the passwords of the agency accounts secret and strong."


def handbook(characters: int) -> str:
    """A long generated handbook in Markdown, with one sentence the built-in rules quote."""
    parts = ["# Social media handbook", "", EVIDENCE, ""]
    size = 0
    section = 0
    while size < characters:
        section += 1
        part = (
            f"## Section {section}\n\nEmployees who post on the agency accounts follow rule "
            f"{section} of this handbook, and the team reviews each post on topic {section}.\n"
        )
        parts.append(part)
        size += len(part)
    return "\n".join(parts)


def _check(path: Path, text: str) -> tuple[DocumentReport, str]:
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    return Checker().check_document(document), document.text


def _evidence_is_real_text(report: DocumentReport, text: str) -> None:
    quotes = [ev for e in report.elements for s in e.subpoints for ev in s.evidence]
    assert quotes
    for ev in quotes:
        assert text[ev.start : ev.end] == ev.text


def test_a_handbook_over_a_million_characters_is_judged(tmp_path: Path) -> None:
    report, text = _check(tmp_path / "handbook.md", handbook(1_050_000))
    assert len(text) > 1_000_000
    assert report.error is None and report.judged and report.coverage is not None
    _evidence_is_real_text(report, text)


def test_long_punctuation_runs_are_bounded(tmp_path: Path) -> None:
    noise = "!?" * 8_000 + " " + "=" * 20_000 + " " + "a." * 8_000
    started = time.monotonic()
    policy = handbook(60_000)  # enough words that the language is still recognised
    report, text = _check(tmp_path / "noise.md", f"{policy}\n{noise} {EVIDENCE}\n\n{noise}\n")
    assert time.monotonic() - started < 10  # about 50 s for the "!?" run alone before
    assert report.error is None
    _evidence_is_real_text(report, text)


def test_a_megabyte_word_is_bounded(tmp_path: Path) -> None:
    word = "abcdefghij" * 100_000
    started = time.monotonic()
    report, text = _check(tmp_path / "word.md", f"{handbook(60_000)}\n{EVIDENCE} {word}\n")
    assert time.monotonic() - started < 10
    assert report.error is None
    _evidence_is_real_text(report, text)


def test_tokenizable_text_keeps_every_offset() -> None:
    text = "Hi " + "!?" * 50 + " there " + "x" * 2_500
    bounded = tokenizable(text)
    assert len(bounded) == len(text)
    assert bounded.startswith("Hi " + ("!?" * 50)[:MAX_PUNCTUATION_RUN] + " ")
    assert " there " in bounded
    assert tokenizable("Plain text, short.") == "Plain text, short."


def test_tokenizable_skips_only_texts_the_regexes_leave_alone() -> None:
    """Its short cut (no whitespace-separated chunk over the run length) changes nothing."""
    rng = random.Random(14)
    pieces = ["!?", ".", "word", " ", "\n", "\u00a0", "\u2003", "\x1c", "\t", "-" * 11, "é"]
    edge = "!" * (MAX_PUNCTUATION_RUN + 1)
    assert tokenizable(f"a {edge} b") == f"a {edge[:-1]}  b"
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        expected = _LONG_WORD.sub(_break_word, _PUNCTUATION_RUN.sub(_cut_run, text))
        assert tokenizable(text) == (expected if len(text) > MAX_PUNCTUATION_RUN else text)


def test_a_block_over_a_trained_pipelines_max_length_is_split_not_refused() -> None:
    # A pipeline with its own sentence splitter is run per block; spaCy refuses a text over
    # max_length (E088). Lowered here so the test stays small.
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 1_000
    text = "# Policy\n\n" + "Staff post daily. " * 200 + "\n"
    document = read_bytes(text.encode(), "long.md")
    docs = list(iter_block_docs(nlp, document))
    assert len(docs) == len(document.blocks)
    assert len(list(docs[-1][2].sents)) == 200
