"""gaplint's sentence splitter gives the same sentences as spaCy's Sentencizer, faster."""

from __future__ import annotations

import random
from pathlib import Path

import spacy
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from gaplint.errors import InputError
from gaplint.nlp import build_pipeline, split_sentences
from gaplint.readers import read_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
TRICKY = [
    "One.",
    "...",
    "no end mark at all",
    'A. B! C? "Quoted." Next one (e.g. this). U.S. rules apply; see Sec. 4. End',
    "Wait... what?! Yes. 1. Numbered item. 2) Another.",
]


def test_same_sentences_as_spacy_sentencizer() -> None:
    ours = build_pipeline()
    reference = spacy.blank("en")
    reference.add_pipe("sentencizer")
    texts = list(TRICKY)
    for path in sorted(CORPUS.glob("*.*")):
        try:
            texts += [block.text for block in read_document(path).blocks]
        except InputError:
            continue
    assert len(texts) > 500
    for text in texts:
        expected = [s.text for s in reference(text).sents]
        assert [s.text for s in ours(text).sents] == expected, text[:80]


def _sentencizer_starts(doc: Doc, breaks: set[int]) -> list[bool]:
    """The Sentencizer's loop, token by token, with forced breaks (the reference)."""
    ends = set(Sentencizer.default_punct_chars)
    starts, seen_end = [], False
    for token in doc:
        start = token.i == 0 or token.i in breaks
        if token.i in breaks:
            seen_end = token.text in ends
        elif token.text in ends:
            seen_end = True
        elif seen_end and not token.is_punct:
            start, seen_end = True, False
        starts.append(start)
    return starts


def test_forced_breaks_and_random_token_runs_match_the_sentencizer_loop() -> None:
    nlp = build_pipeline()
    alphabet = ["word", "Policy", ".", "!", "?", "...", ",", ";", "(", ")", '"', "—", "1.", "\n\n"]
    rng = random.Random(14)
    for _ in range(400):
        words = [rng.choice(alphabet) for _ in range(rng.randint(1, 30))]
        doc = Doc(nlp.vocab, words=words, spaces=[rng.random() < 0.7 for _ in words])
        breaks = {i for i in range(len(doc)) if rng.random() < 0.15}
        split_sentences(doc, breaks)
        assert [bool(token.is_sent_start) for token in doc] == _sentencizer_starts(doc, breaks)
