"""The sequence matcher finds exactly what spaCy's Matcher finds, for every pattern it takes."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy
import pytest
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from gaplint import sequence
from gaplint.atoms import Planner, build_matchers
from gaplint.engine import _Compiler, _normalise_token_spec
from gaplint.errors import InputError
from gaplint.nlp import build_pipeline, normalise
from gaplint.readers import read_document
from gaplint.rules import Phrase, TokenPattern, load_pack, walk
from gaplint.sequence import SequenceMatcher

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def pack_patterns() -> list[list[dict[str, Any]]]:
    pack = load_pack()
    exprs: list[Any] = list(pack.concepts.values())
    for element, sub in pack.subpoints():
        exprs += [sub.match, sub.unless, element.heading]
    return [
        [_normalise_token_spec(spec) for spec in node.pattern]
        for expr in exprs
        for node in walk(expr)
        if isinstance(node, TokenPattern)
    ]


EXTRA: list[list[dict[str, Any]]] = [
    [{"LOWER": "only"}, {"OP": "?", "IS_PUNCT": False}, {"NORM": "post"}],
    [{"IS_TITLE": True, "LOWER": {"NOT_IN": ["the"]}}, {"LOWER": "policy"}],
    [{"NORM": {"IN": ["employe", "staff"]}}, {"OP": "?"}, {"OP": "?"}, {"LOWER": "not"}],
]


@pytest.fixture(scope="module")
def docs() -> list[Any]:
    nlp = build_pipeline()
    texts = [
        "Only staff may post. The Policy applies. Employees shall not, ever, post secrets.",
        "Only authorised employees post; Policy Office staff do not approve it.",
    ]
    for path in sorted(CORPUS.glob("*.*"))[:24]:
        try:
            texts += [b.text for b in read_document(path).blocks]
        except InputError:
            continue
    return list(nlp.pipe(texts))


@pytest.mark.parametrize("pattern", pack_patterns() + EXTRA, ids=lambda p: str(p)[:60])
def test_same_match_starts_as_spacy(docs: list[Any], pattern: list[dict[str, Any]]) -> None:
    vocab = docs[0].vocab
    ours = SequenceMatcher(vocab.strings)
    if not ours.add(7, pattern):
        pytest.fail(f"pattern not taken by the sequence matcher: {pattern}")
    theirs = Matcher(vocab)
    theirs.add("p", [pattern])
    for doc in docs:
        expected = sorted({start for _, start, _ in theirs(doc)})
        assert sorted({start for _, start in ours(doc)}) == expected, doc.text[:80]


def test_unsupported_shapes_are_left_to_spacy() -> None:
    strings = build_pipeline().vocab.strings
    matcher = SequenceMatcher(strings)
    assert not matcher.add(1, [{"LOWER": "a", "OP": "+"}])
    assert not matcher.add(1, [{"OP": "?"}, {"LOWER": "a"}])
    assert not matcher.add(1, [{"POS": "NOUN"}])
    assert len(matcher) == 0


WORDS = ["staff", "post", "posts", "Policy", "the", "not", "only", "may", ",", ".", "(", "The"]


def _random_spec(rng: random.Random, first: bool) -> dict[str, Any]:
    spec: dict[str, Any] = {}
    attr = rng.choice(["LOWER", "NORM", None])
    if attr is not None:
        words = [rng.choice(WORDS).lower() for _ in range(rng.randint(1, 3))]
        if attr == "NORM":
            words = [normalise(word) for word in words]
        spec[attr] = rng.choice([words[0], {"IN": words}, {"NOT_IN": words}])
    for flag in ("IS_PUNCT", "IS_TITLE"):
        if rng.random() < 0.2:
            spec[flag] = rng.random() < 0.5
    if not first and rng.random() < 0.4:
        spec["OP"] = "?"
    return spec


def test_random_patterns_over_chunked_docs_match_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Random pattern shapes, and Docs longer than a chunk (matches across chunk edges)."""
    monkeypatch.setattr(sequence, "CHUNK_TOKENS", 7)
    vocab = build_pipeline().vocab
    rng = random.Random(14)
    docs = [
        Doc(vocab, words=[rng.choice(WORDS) for _ in range(rng.randint(1, 40))]) for _ in range(30)
    ]
    for _ in range(150):
        pattern = [_random_spec(rng, i == 0) for i in range(rng.randint(1, 5))]
        ours = SequenceMatcher(vocab.strings)
        assert ours.add(3, pattern), pattern
        theirs = Matcher(vocab)
        theirs.add("p", [pattern])
        for doc in docs:
            expected = sorted({start for _, start, _ in theirs(doc)})
            atoms, starts = ours.find(doc)
            assert sorted(set(starts.tolist())) == expected, (pattern, doc.text)
            assert set(atoms.tolist()) <= {3}


def test_no_match_across_the_whitespace_between_blocks() -> None:
    nlp = build_pipeline()
    matcher = SequenceMatcher(nlp.vocab.strings)
    matcher.add(1, [{"LOWER": "staff"}, {"OP": "?"}, {"LOWER": "post"}])
    assert matcher(nlp.make_doc("Staff may post.")) == [(1, 0)]
    assert matcher(nlp.make_doc("Staff\n\npost.")) == []
    assert matcher(nlp.make_doc("Staff may\n\npost.")) == []


def test_phrase_atoms_find_what_one_phrase_matcher_finds(docs: list[Any]) -> None:
    """One-token terms go to the word table, longer ones to the PhraseMatcher: together
    they find every start a PhraseMatcher holding all of a phrase's terms finds."""
    nlp = build_pipeline()
    pack = load_pack()
    exprs: list[Any] = [*pack.concepts.values(), *(sub.match for _, sub in pack.subpoints())]
    phrases = {
        (node.exact, tuple(sorted(set(node.phrase))))
        for expr in exprs
        for node in walk(expr)
        if isinstance(node, Phrase)
    }
    planner = Planner(nlp)
    compiler = _Compiler(pack, planner)
    reference = {exact: PhraseMatcher(nlp.vocab, attr="LOWER" if exact else "NORM")
                 for exact in (True, False)}  # fmt: skip
    atoms = {}
    for exact, terms in phrases:
        atom = compiler.leaf(Phrase(phrase=list(terms), exact=exact))
        atoms[nlp.vocab.strings.add(f"reference{atom}")] = atom
        reference[exact].add(f"reference{atom}", [nlp.make_doc(term) for term in terms])
    built = build_matchers(planner.finish([]), nlp)
    assert len(built.sequences) > 100  # most phrase lists have one-token terms
    for doc in docs:
        expected = {(atoms[m], s) for r in reference.values() for m, s, _ in r(doc)}
        ours = set(built.sequences(doc))
        for matcher in (built.phrases, built.exact_phrases):
            ours |= {(built.atom_ids[m], s) for m, s, _ in matcher(doc)}
        assert ours == expected, doc.text[:80]


def test_a_hash_sharing_a_key_s_low_bits_is_not_that_key() -> None:
    # The key set's bitmap is read by the low bits alone: the sorted keys must decide.
    keys = sequence._Keys.of(numpy.array([5, 7 << 40, 9], dtype=numpy.uint64))
    values = numpy.array([5, 5 + (1 << 40), 7 << 40, 7, 9, 10], dtype=numpy.uint64)
    assert keys.look_up(values).tolist() == [0, 3, 2, 3, 1, 3]


def test_longer_phrase_terms_as_window_hashes() -> None:
    """Terms sharing a first pair, one inside another, overlapping, at the Doc's end."""
    nlp = build_pipeline()
    matcher = SequenceMatcher(nlp.vocab.strings)
    terms = ("social media", "social media policy", "media policy", "policy")
    lower = [[nlp.vocab.strings.add(word) for word in term.split()] for term in terms]
    matcher.add_phrases(1, "LOWER", lower[:2])
    matcher.add_phrases(2, "LOWER", lower[2:3])
    found = matcher(nlp.make_doc("Our Social Media Policy: social media. Media policy"))
    assert sorted(found) == [(1, 1), (1, 1), (1, 5), (2, 2), (2, 8)]
    with pytest.raises(ValueError, match="one token"):
        matcher.add_phrases(3, "LOWER", lower[3:])


def test_a_window_sharing_a_term_s_hash_is_not_that_term() -> None:
    # Two token pairs with one hash: (a, b) and (a + 1, b - base), mod 2**64.
    base, wrap = int(sequence._HASH_BASE), 1 << 64
    term = (1_000, 5 * base % wrap)
    other = (term[0] + 1, (term[1] - base) % wrap)
    assert (term[0] * base + term[1]) % wrap == (other[0] * base + other[1]) % wrap
    table = sequence._PhraseTable.build({term: [7]})
    values = numpy.array([*other, *term, 3], dtype=numpy.uint64)
    atoms, starts = table.find(values)
    assert atoms.tolist() == [7] and starts.tolist() == [2]
