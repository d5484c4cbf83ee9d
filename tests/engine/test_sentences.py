"""gaplint's sentence splitter gives the same sentences as spaCy's Sentencizer, faster."""

from __future__ import annotations

from pathlib import Path

import spacy

from gaplint.errors import InputError
from gaplint.nlp import build_pipeline
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
