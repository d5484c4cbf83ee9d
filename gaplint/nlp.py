"""Builds the spaCy pipeline once and splits a Document into located sentences.

The default pipeline is `spacy.blank("en")` with spaCy's rule-based sentence splitting, so it
works offline from what pip installs. Word forms are normalised by the Snowball stemmer
(gaplint.stemmer: PyStemmer's compiled one, or the pure-Python one) into
`Token.norm_`, so one rule term matches "post", "posts", "posted" and "posting" with no model
download.
A trained pipeline (e.g. en_core_web_sm) is used when asked for and installed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from gaplint.document import Block, BlockKind, Document
from gaplint.sequence import COLUMNS as SEQUENCE_COLUMNS
from gaplint.stemmer import english_stemmer
from gaplint.word_senses import SENSE_OF

STEMMER = english_stemmer()
# Stems already known (from the compiled-pack cache), so start-up does not stem them again.
_known_stems: dict[str, str] = {}


class ModelNotInstalled(Exception):
    """The trained pipeline asked for is not installed (it is never downloaded)."""


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """The form rules match on: lower case, stemmed, with curly apostrophes straightened; a
    word whose stem is another sense's keeps its own (gaplint.word_senses)."""
    lowered = word.lower().replace("\u2019", "'")
    if not lowered.isalpha():
        return lowered
    return SENSE_OF.get(lowered) or _known_stems.get(lowered) or str(STEMMER.stem(lowered))


def seed_stems(stems: dict[str, str]) -> None:
    """Stems computed by an earlier run (lower-case word: stem), by the same stemmer."""
    _known_stems.update(stems)


def forget_stems(vocab: Vocab) -> None:
    """Drop every seeded stem (they came with a stored pack found unusable) and stem the
    vocabulary afresh, so nothing from that file outlives it."""
    _known_stems.clear()
    normalise.cache_clear()
    _use_stems(vocab)


def known_stems(vocab: Vocab, words: Iterable[str] = ()) -> dict[str, str]:
    """The stem of every alphabetic word in the vocabulary and of `words`, to seed a later
    run with."""
    stems: dict[str, str] = {}
    for word in itertools.chain((lexeme.text for lexeme in vocab), words):
        lowered = word.lower().replace("\u2019", "'")
        if lowered.isalpha():
            stems[lowered] = normalise(lowered)
    return dict(sorted(stems.items()))  # the same file from every process


def _use_stems(vocab: Vocab) -> None:
    """Make every word's NORM its stem: new words get it when the vocabulary first meets them
    (spaCy computes NORM with this getter), words already known are set once here. No work
    is left for each document."""
    vocab.lex_attr_getters[NORM] = normalise  # type: ignore[attr-defined]
    for lexeme in vocab:
        lexeme.norm_ = normalise(lexeme.text)


SENTENCES = "gaplint_sentences"


@lru_cache(maxsize=4)
def _sentence_end_hashes(strings: object) -> numpy.ndarray:
    from spacy.pipeline import Sentencizer

    hashes = {strings.add(char) for char in Sentencizer.default_punct_chars}  # type: ignore[attr-defined]
    return numpy.array(sorted(hashes), dtype=numpy.uint64)


# Every token column matching reads, in this order, from one `Doc.to_array` (each call
# walks every token): the sequence matcher's first (gaplint.sequence), then these.
TOKEN_COLUMNS = (*SEQUENCE_COLUMNS, ORTH, IDX, LENGTH)
PUNCT_COLUMN, SPACE_COLUMN = TOKEN_COLUMNS.index(IS_PUNCT), TOKEN_COLUMNS.index(IS_SPACE)
ORTH_COLUMN, IDX_COLUMN, LENGTH_COLUMN = (TOKEN_COLUMNS.index(a) for a in (ORTH, IDX, LENGTH))


def token_columns(doc: Doc) -> numpy.ndarray:
    """The Doc's TOKEN_COLUMNS as one uint64 array, [token, column]."""
    return numpy.asarray(doc.to_array(list(TOKEN_COLUMNS)), dtype=numpy.uint64).reshape(
        len(doc), len(TOKEN_COLUMNS)
    )


def split_sentences(doc: Doc, breaks: Iterable[int] = ()) -> Doc:
    """spaCy's rule-based Sentencizer over token columns (no loop per token): a sentence
    starts at the first non-punctuation token after an end mark, and at every token index in
    `breaks` (the first token of each block of a whole document)."""
    if not len(doc):
        return doc
    columns = doc.to_array([ORTH, IS_PUNCT])
    starts = sentence_starts(doc, columns[:, 0], columns[:, 1], breaks)
    sent_start = numpy.where(starts, 1, -1).astype("int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], sent_start)  # type: ignore[arg-type]
    return doc


def sentence_starts(
    doc: Doc, orth: numpy.ndarray, punct: numpy.ndarray, breaks: Iterable[int] = ()
) -> numpy.ndarray:
    """Where split_sentences starts a sentence, from the ORTH and IS_PUNCT columns, as
    booleans (the Doc is not written)."""
    ends = _sentence_end_hashes(doc.vocab.strings)
    # Membership by one sorted look-up (numpy.isin sorts the whole column with the marks).
    nearest = numpy.minimum(numpy.searchsorted(ends, orth), len(ends) - 1)
    is_end = ends[nearest] == orth
    is_punct = punct.astype(bool)
    forced = numpy.zeros(len(doc), dtype=bool)
    forced[numpy.fromiter(breaks, dtype=numpy.intp)] = True
    # The Sentencizer's "seen an end mark" state before each token is set by the last token
    # before it that changes it: an end mark sets it, a word clears it, a forced break sets
    # it to whether the break token is an end mark; other punctuation leaves it.
    word = ~is_end & ~is_punct
    changes = forced | is_end | word
    state = is_end  # the state each changing token leaves (a word: False)
    positions = numpy.arange(len(doc))
    last_change = numpy.maximum.accumulate(numpy.where(changes, positions, -1))
    seen_end = numpy.zeros(len(doc), dtype=bool)
    seen_end[1:] = (last_change[:-1] >= 0) & state[numpy.maximum(last_change[:-1], 0)]
    starts: numpy.ndarray = forced | (word & seen_end)
    starts[0] = True
    return starts


@Language.component(SENTENCES)
def _split_sentences(doc: Doc) -> Doc:
    return split_sentences(doc)


@lru_cache(maxsize=4)
def build_pipeline(model: str | None = None) -> Language:
    import spacy

    if model is None:
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(model, exclude=["ner", "textcat"])
        except OSError:
            raise ModelNotInstalled(
                f"spaCy pipeline {model!r} is not installed; gaplint never downloads models "
                f"(install it with pip, or omit --model to use the built-in pipeline)"
            ) from None
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter")):
        nlp.add_pipe(SENTENCES)
    _use_stems(nlp.vocab)
    return nlp


# spaCy's tokenizer strips prefixes and suffixes from a whitespace-delimited chunk one at a
# time, searching the rest of the chunk each time: quadratic in the chunk. 8 KB of "!?" takes
# 12 s, 16 KB about 50 s; a 400 KB word takes 1.1 s. Runs of punctuation longer than this are
# cut, and words longer than that are broken, before tokenizing.
MAX_PUNCTUATION_RUN = 32
MAX_WORD = 1000
_PUNCTUATION_RUN = re.compile(rf"[^\w\s]{{{MAX_PUNCTUATION_RUN + 1},}}")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def _cut_run(match: re.Match[str]) -> str:
    run = match.group()
    return run[:MAX_PUNCTUATION_RUN] + " " * (len(run) - MAX_PUNCTUATION_RUN)


def _break_word(match: re.Match[str]) -> str:
    word = list(match.group())
    for index in range(MAX_WORD, len(word), MAX_WORD):
        word[index] = " "
    return "".join(word)


def tokenizable(text: str) -> str:
    """The text the tokenizer is given: the same length, so every token offset is an offset
    into `text` and evidence is quoted from the real text, with the tail of each long
    punctuation run replaced by spaces and a space every MAX_WORD characters of a long word.
    Such runs carry no words a rule could match."""
    if len(text) <= MAX_PUNCTUATION_RUN:
        return text
    punctuation_run, long_word = _may_need_bounds(text)  # most texts: neither
    bounded = _PUNCTUATION_RUN.sub(_cut_run, text) if punctuation_run else text
    # Cutting a punctuation run only shortens words: one the original lacks, so does this.
    return _LONG_WORD.sub(_break_word, bounded) if long_word else bounded


# By ASCII code: characters that are surely \w, and surely \s. Any other character may be
# either (outside ASCII, or \x1c-\x1f) and is taken as the one that lengthens a run.
_WORD_CHAR = numpy.array([chr(c).isalnum() or chr(c) == "_" for c in range(128)])
_SPACE_CHAR = numpy.array([chr(c) in " \t\n\r\x0b\x0c" for c in range(128)])


def _may_need_bounds(text: str) -> tuple[bool, bool]:
    """Whether the text may hold a punctuation run over MAX_PUNCTUATION_RUN, and a word
    over MAX_WORD, from its code points as an array (a few array passes, where two regex
    scans or `str.split`'s string per word cost more). False is always right; True only
    means the regex must look."""
    if text.isascii():
        codes = numpy.frombuffer(text.encode("ascii"), dtype=numpy.uint8)
        space, word = _SPACE_CHAR[codes], _WORD_CHAR[codes]
    else:
        wide = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
        in_ascii = wide < 128
        ascii_codes = numpy.where(in_ascii, wide, 0)
        space = _SPACE_CHAR[ascii_codes] & in_ascii
        word = _WORD_CHAR[ascii_codes] & in_ascii
    return (
        _longest_run(~(space | word)) > MAX_PUNCTUATION_RUN,
        len(text) > MAX_WORD and _longest_run(~space) > MAX_WORD,
    )


def _longest_run(mask: numpy.ndarray) -> int:
    """The length of the longest run of True."""
    falses = numpy.flatnonzero(~mask)
    # Each run's length plus one: from a False (or the start, at -1) to the next (or the end).
    return int(numpy.diff(falses, prepend=-1, append=len(mask)).max()) - 1


def tokenize(nlp: Language, text: str) -> Doc:
    """The tokenizer alone, over the bounded text. Unlike `nlp.make_doc` it has no max_length
    (E088 refuses 1,000,000 characters): that limit protects the parser's memory, and the
    tokenizer's Doc costs about 400 bytes per token (a 1.2 MB handbook: about 90 MB)."""
    return nlp.tokenizer(tokenizable(text))


def _block_docs(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    """The full pipeline per block; a block too long for it (a trained parser's max_length)
    gets the tokenizer and the rule-based sentence splitter instead of being refused."""
    bounded = [tokenizable(text) for text in texts]
    if all(len(text) < nlp.max_length for text in bounded):
        yield from nlp.pipe(bounded, batch_size=256)
        return
    for text in bounded:
        yield nlp(text) if len(text) < nlp.max_length else split_sentences(nlp.tokenizer(text))


def make_pattern_doc(nlp: Language, text: str) -> Doc:
    """Tokenise a rule term the same way as the document's text (stems come with the words)."""
    return nlp.make_doc(text)


@dataclass(frozen=True)
class Sentence:
    """A sentence with its place in the document: block, page, section and offsets."""

    text: str
    start: int
    end: int
    block: int
    kind: BlockKind
    page: int | None
    section: tuple[str, ...]
    line: int | None = None
    """Source line of the sentence's block (Markdown, text, HTML)."""
    paragraph: int | None = None
    """DOCX paragraph number of the sentence's block."""
    source: str | None = None
    """"ocr" when the sentence's block was read by OCR."""


class WholeDocument(NamedTuple):
    doc: Doc
    text: str
    """The text the Doc was made from (Doc.text would rebuild it)."""
    columns: numpy.ndarray
    """The Doc's TOKEN_COLUMNS (token_columns)."""
    sentence_starts: numpy.ndarray
    """Per token, whether a sentence starts there (split_sentences' rule; the Doc's own
    SENT_START is not set)."""


def whole_document_doc(nlp: Language, document: Document) -> WholeDocument | None:
    """The whole document as one Doc, with a sentence break at every block: one pass instead
    of one per block, and its token columns read once. Only for the default pipeline; a
    trained one (whose parser sets its own sentences) gets one Doc per block from
    `iter_block_docs`. None then."""
    if nlp.pipe_names != [SENTENCES]:
        return None
    text = document.text
    doc = tokenize(nlp, text)
    columns = token_columns(doc)
    if not len(doc):
        return WholeDocument(doc, text, columns, numpy.zeros(0, dtype=bool))
    offsets = columns[:, IDX_COLUMN]
    block_starts = numpy.array([block.start for block in document.blocks[1:]], dtype=offsets.dtype)
    breaks = numpy.searchsorted(offsets, block_starts)
    starts = sentence_starts(
        doc, columns[:, ORTH_COLUMN], columns[:, PUNCT_COLUMN], breaks[breaks < len(doc)].tolist()
    )
    return WholeDocument(doc, text, columns, starts)


def iter_block_docs(nlp: Language, document: Document) -> Iterator[tuple[int, Block, Doc]]:
    """Run the pipeline over every block, in order; sentences never cross a block."""
    blocks: list[Block] = document.blocks
    docs = _block_docs(nlp, [block.text for block in blocks])
    for index, (block, doc) in enumerate(zip(blocks, docs)):
        yield index, block, doc
