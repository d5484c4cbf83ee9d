"""Compiles a rule pack into spaCy matchers and per-sentence predicates, and finds hits.

Every leaf of a match expression (a phrase list, a token pattern or a regex) becomes one
*atom*. Matching runs all atoms once over a block with spaCy's Matcher and PhraseMatcher,
and records which atoms occur in each sentence. Rules are then boolean predicates over those
atom sets, so a sentence is judged against 38 rules without running any matcher again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import reduce
from itertools import pairwise, product, repeat
from math import prod
from operator import or_
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from gaplint.atoms import AtomPlan, Planner, StoredAtoms, build_matchers
from gaplint.document import Block, BlockKind, Document
from gaplint.hits import DocumentHits, RuleHit
from gaplint.nlp import (
    Sentence,
    iter_block_docs,
    located,
    normalise,
    whole_document_doc,
)
from gaplint.regex_budget import (
    Pattern,
    RegexBudgetExceeded,
    find_spans,
)
from gaplint.rules import (
    All,
    AnyOf,
    ConceptRef,
    Expr,
    Inside,
    Not,
    Phrase,
    Regex,
    RuleError,
    RulePack,
    TokenPattern,
    check_token_patterns,
)
from gaplint.sequence import SequenceMatcher

if TYPE_CHECKING:  # numpy.typing costs start-up time; annotations only
    from numpy.typing import NDArray

EXCLUSION_CONCEPT = "exclusion"
# Words that say a sentence is about the pack's subject (social media); a document with none
# is not a policy on it.
SUBJECT_CONCEPT = "subject"
# Words a title uses for a policy document ("policy", "general order", "terms of use").
POLICY_TITLE_CONCEPT = "policy-title"
# A question heading ("What should I do?") lends its answer its topic, not this concept's words.
OBLIGATION_CONCEPT = "obligation"
_INHERITS_LEAD_IN = (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL)
_BLOCK_BREAK = "\n\n"  # Document.text joins blocks with it; block text has no newline


@dataclass(frozen=True)
class SentenceHits:
    """The atoms found in a sentence, and in its context (headings above, a list's lead-in)."""

    sentence: Sentence
    atoms: frozenset[int]
    context: frozenset[int]


# What a predicate found: a short description for people, and how many terms met (a leaf,
# a concept or a `not` is one term; `all` adds up its parts) to rank evidence by.
Found = tuple[str, int]
# A predicate returns what it found, or None when it does not hold.
Predicate = Callable[[SentenceHits], "Found | None"]


@dataclass
class CompiledRule:
    id: str
    match: Predicate
    unless: Predicate | None
    triggers: frozenset[int] | None


@dataclass
class CompiledPack:
    pack: RulePack
    nlp: Language
    matcher: Matcher
    phrases: PhraseMatcher
    exact_phrases: PhraseMatcher
    sequences: SequenceMatcher
    regexes: list[tuple[int, Pattern, Pattern | None]]
    rules: dict[str, CompiledRule]
    headings: dict[str, Predicate]
    exclusion: Predicate | None
    subject: Predicate | None = None
    policy_title: Predicate | None = None
    _atom_ids: dict[int, int] = field(default_factory=dict)
    _obligation_atoms: frozenset[int] = frozenset()

    def hits(self, document: Document, rule_ids: Iterable[str]) -> DocumentHits:
        """Everything the judge needs about `document` for the given rules."""
        sentences = self.find(document)
        wanted = list(rule_ids)
        exclusion = self.exclusion
        near_misses: dict[str, int] = {}
        rules = {
            rule_id: [
                RuleHit(hits.sentence, label, terms, bool(exclusion and exclusion(hits)))
                for hits, (label, terms) in found
            ]
            for rule_id, found in iter_rule_hits(self, sentences, wanted, near_misses).items()
        }
        chosen = set(wanted)
        headings: dict[str, Sentence] = {}
        for element in self.pack.elements:
            predicate = self.headings.get(element.id)
            if predicate is None or not any(s.id in chosen for s in element.subpoints):
                continue
            heading = next((hits.sentence for hits in sentences
                            if hits.sentence.kind is BlockKind.HEADING and predicate(hits)),
                           None)  # fmt: skip
            if heading is not None:
                headings[element.id] = heading
        subject, title = self.subject, self.policy_title
        mentions = sum(1 for hits in sentences if subject(hits)) if subject else None
        # A title: a heading, or the document's first block (a memo's subject line).
        titled = title is not None and any(
            title(hits) for hits in sentences
            if hits.sentence.kind is BlockKind.HEADING or hits.sentence.block == 0
        )  # fmt: skip
        return DocumentHits(
            rules=rules,
            headings=headings,
            near_misses=near_misses,
            subject_mentions=mentions,
            titled_as_policy=titled,
        )

    def find(self, document: Document) -> list[SentenceHits]:
        """Match every atom over the document and return its sentences with their atoms.
        A rule regex over its time budget is the rule pack's fault: RuleError, one line."""
        try:
            return self._find(document)
        except RegexBudgetExceeded as error:
            raise RuleError(f"{document.path}: {error}") from None

    def _find(self, document: Document) -> list[SentenceHits]:
        found: list[SentenceHits] = []
        heading_atoms: dict[str, frozenset[int]] = {}
        lead_in: frozenset[int] = frozenset()
        for index, block, per_sentence in self._block_sentences(document):
            # Context: the atoms of the headings above, and for a list item or table cell
            # those of the paragraph that introduces it ("Employees shall not:"), so a rule
            # can ask for them with `inside`. Headings come before their blocks, so it is
            # complete here; one value serves every sentence of the block.
            context = frozenset().union(
                lead_in if block.kind in _INHERITS_LEAD_IN else frozenset(),
                *(heading_atoms.get(heading, frozenset()) for heading in block.section),
            )
            for sent, atoms in per_sentence:
                sentence = located(block, index, sent.text.strip(), sent.start_char, sent.end_char)
                found.append(SentenceHits(sentence=sentence, atoms=atoms, context=context))
            block_atoms = frozenset().union(*(atoms for _, atoms in per_sentence))
            if block.kind is BlockKind.HEADING:
                if block.text.rstrip().endswith("?"):  # a question obliges no one
                    block_atoms -= self._obligation_atoms
                heading_atoms[block.text] = block_atoms
                lead_in = frozenset()
            elif block.kind is BlockKind.PARAGRAPH:
                lead_in = block_atoms if block.text.rstrip().endswith(":") else frozenset()
        return found

    def _block_sentences(
        self, document: Document
    ) -> Iterator[tuple[int, Block, list[tuple[_Sent, frozenset[int]]]]]:
        """Each block with its sentences and their atoms; sentence offsets within the block."""
        whole = whole_document_doc(self.nlp, document)
        if whole is None:
            for index, block, doc in iter_block_docs(self.nlp, document):
                yield index, block, self._atoms_per_sentence(doc, block.text)
            return
        # One Doc for the whole document costs less than one per block; split back by offset.
        doc, text = whole
        blocks = document.blocks
        per_sentence = self._atoms_per_sentence(doc, text)
        block_starts = numpy.array([block.start for block in blocks])
        sentence_starts = numpy.array([sent.start_char for sent, _ in per_sentence], dtype=int)
        in_block = _index_at(block_starts, sentence_starts).tolist()
        grouped: list[list[tuple[_Sent, frozenset[int]]]] = [[] for _ in blocks]
        for index, (sent, atoms) in zip(in_block, per_sentence):
            start = blocks[index].start
            moved = _Sent(sent.text, sent.start_char - start, sent.end_char - start)
            grouped[index].append((moved, atoms))
        for index, block in enumerate(blocks):
            yield index, block, grouped[index]

    def _atoms_per_sentence(self, doc: Doc, text: str) -> list[tuple[_Sent, frozenset[int]]]:
        """`text` is the text the doc was made from (Doc.text would rebuild it)."""
        sents, token_starts, char_starts = _sentences(doc, text)
        if not sents:
            return []
        ids = self._atom_ids
        spacy_matches = list(self.phrases(doc)) if len(self.phrases) else []
        if len(self.exact_phrases):
            spacy_matches += self.exact_phrases(doc)
        if len(self.matcher):
            spacy_matches += self.matcher(doc)
        sequence_atoms, sequence_starts = self.sequences.find(doc)
        # Every (sentence, atom) found, as two parallel arrays: sentences from one sorted
        # look-up of all match starts, not one bisect per match.
        sentences = [_index_at(token_starts, sequence_starts)]
        atoms = [sequence_atoms]
        if spacy_matches:
            matched = numpy.array([start for _, start, _ in spacy_matches], dtype=numpy.intp)
            sentences.append(_index_at(token_starts, matched))
            atoms.append(numpy.array([ids[match_id] for match_id, _, _ in spacy_matches]))
        if self.regexes:
            lowered = text.lower()
            if len(lowered) != len(text):  # a few characters lower-case to two: offsets move
                lowered = ""
            for atom, regex, lower in self.regexes:
                spans = find_spans(lower, lowered) if lower and lowered else find_spans(regex, text)
                # never across two blocks
                starts = [start for start, _, matched in spans if _BLOCK_BREAK not in matched]
                if starts:
                    sentences.append(_index_at(char_starts, numpy.array(starts, dtype=int)))
                    atoms.append(numpy.full(len(starts), atom, dtype=numpy.intp))
        per_sentence = _group_atoms(
            numpy.concatenate(sentences), numpy.concatenate(atoms), len(sents)
        )
        return [(sent, found) for sent, found in zip(sents, per_sentence) if sent.text.strip()]


class _Sent(NamedTuple):  # a tuple: one per sentence, built twice, cheaper than a dataclass
    text: str
    start_char: int
    end_char: int


_NO_ATOMS: frozenset[int] = frozenset()


def _group_atoms(
    sentences: NDArray[numpy.intp], atoms: NDArray[numpy.intp], count: int
) -> list[frozenset[int]]:
    """The set of atoms of each of `count` sentences, from (sentence, atom) pairs."""
    width = int(atoms.max()) + 1 if len(atoms) else 1
    # Sorted, not unique: the frozensets drop repeats, at less than numpy.unique's cost.
    pairs = numpy.sort(sentences.astype(numpy.int64) * width + atoms)
    owners = pairs // width
    bounds = numpy.searchsorted(owners, numpy.arange(count + 1)).tolist()
    found = (pairs % width).tolist()
    return [
        frozenset(found[begin:end]) if end > begin else _NO_ATOMS
        for begin, end in pairwise(bounds)
    ]


def _sentences(
    doc: Doc, text: str
) -> tuple[list[_Sent], NDArray[numpy.intp], NDArray[numpy.intp]]:
    """Sentence spans, and their first tokens and characters, from one array read
    (`doc.sents` builds a Span per call and is slow). Whitespace tokens (the breaks between
    blocks of a whole document) are left out of a sentence's span; a sentence of whitespace
    alone gets empty text."""
    if not len(doc):
        empty = numpy.zeros(0, dtype=numpy.intp)
        return [], empty, empty
    columns = doc.to_array([SENT_START, IDX, LENGTH, IS_SPACE]).astype(numpy.intp)
    starts = numpy.flatnonzero(columns[:, 0] == 1)
    if not len(starts) or starts[0] != 0:
        starts = numpy.concatenate([[0], starts])
    # The last token of each sentence that is not whitespace (or its first token).
    positions = numpy.arange(len(doc))
    last_word = numpy.maximum.accumulate(numpy.where(columns[:, 3] == 0, positions, -1))
    ends = numpy.append(starts[1:], len(doc))
    last = numpy.maximum(last_word[ends - 1], starts)
    start_chars = columns[starts, 1]
    end_chars = columns[last, 1] + columns[last, 2]
    sents = [
        _Sent(text[start:end], start, end)
        for start, end in zip(start_chars.tolist(), end_chars.tolist())
    ]
    return sents, starts, start_chars


def _index_at(starts: NDArray[numpy.intp], offsets: NDArray[numpy.intp]) -> NDArray[numpy.intp]:
    """For each offset, the index of the last start at or before it (0 before the first)."""
    return numpy.maximum(numpy.searchsorted(starts, offsets, side="right") - 1, 0)


class AtomTable(Protocol):
    """Gives each distinct leaf, by key, its atom id: a Planner records what the matchers
    need for a new one, StoredAtoms looks it up in a plan read from the cache."""

    def phrase(self, key: str, terms: list[str], exact: bool) -> int: ...

    def pattern(self, key: str, pattern: list[dict[str, Any]]) -> int: ...

    def regex(self, key: str, source: str) -> int: ...

    def finish(self, words: Iterable[str]) -> AtomPlan:
        """The plan; `words` were stemmed outside the vocabulary (token patterns' NORM)."""
        ...


class _Compiler:
    """Turns expressions into predicates, giving each distinct leaf one atom id."""

    def __init__(self, pack: RulePack, atoms: AtomTable) -> None:
        self.pack = pack
        self.atoms = atoms
        self._concepts: dict[str, tuple[Predicate, frozenset[int] | None]] = {}
        self._resolving: set[str] = set()
        self.norm_words: set[str] = set()

    def leaf(self, expr: Phrase | TokenPattern | Regex) -> int:
        if isinstance(expr, TokenPattern):
            # spaCy's Matcher is the slow path; a pattern that only lists words is a phrase.
            expr = _as_phrase(expr) or expr
        if isinstance(expr, Phrase):
            terms = sorted(set(expr.phrase))
            key = ("exact:" if expr.exact else "phrase:") + "|".join(terms)
            return self.atoms.phrase(key, terms, expr.exact)
        if isinstance(expr, TokenPattern):
            pattern = [_normalise_token_spec(spec) for spec in expr.pattern]
            self.norm_words.update(_norm_words(expr.pattern))
            return self.atoms.pattern("pattern:" + repr(pattern), pattern)
        return self.atoms.regex("regex:" + expr.regex, expr.regex)

    def compile(self, expr: Expr) -> tuple[Predicate, frozenset[int] | None]:
        """Return the predicate and its triggers: atoms at least one of which must be present."""
        if isinstance(expr, (Phrase, TokenPattern, Regex)):
            atom = self.leaf(expr)
            leaf: Found = (_label(expr), 1)
            return (lambda hits: leaf if atom in hits.atoms else None), frozenset({atom})
        if isinstance(expr, ConceptRef):
            return self._concept(expr.concept)
        if isinstance(expr, AnyOf):
            parts = [self.compile(child) for child in expr.any]
            preds = [p for p, _ in parts]

            def any_of(hits: SentenceHits) -> Found | None:
                for pred in preds:
                    found = pred(hits)
                    if found:
                        return found
                return None

            triggers = [t for _, t in parts]
            union = None if any(t is None for t in triggers) else frozenset().union(*triggers)  # type: ignore[arg-type]
            return any_of, union
        if isinstance(expr, All):
            parts = [self.compile(child) for child in expr.all]
            preds = [p for p, _ in parts]

            def all_of(hits: SentenceHits) -> Found | None:
                found = []
                for pred in preds:
                    got = pred(hits)
                    if not got:
                        return None
                    found.append(got)
                return " + ".join(label for label, _ in found), sum(n for _, n in found)

            known = [t for _, t in parts if t is not None]
            return all_of, min(known, key=len) if known else None
        if isinstance(expr, Not):
            inner, _ = self.compile(expr.not_)
            negated: Found = ("not", 1)
            return (lambda hits: None if inner(hits) else negated), None
        assert isinstance(expr, Inside)
        inner, _ = self.compile(expr.inside)

        def inside(hits: SentenceHits) -> Found | None:
            found = inner(SentenceHits(hits.sentence, hits.context, hits.context))
            return (f"inside({found[0]})", found[1]) if found else None

        return inside, None

    def _concept(self, name: str) -> tuple[Predicate, frozenset[int] | None]:
        if name in self._concepts:
            return self._concepts[name]
        if name in self._resolving:
            raise RuleError(f"concept {name!r} refers to itself")
        self._resolving.add(name)
        pred, triggers = self.compile(self.pack.concepts[name])
        self._resolving.discard(name)

        named: Found = (name, 1)  # the label shows the name only, so it is one term

        def concept(hits: SentenceHits) -> Found | None:
            return named if pred(hits) else None

        self._concepts[name] = (concept, triggers)
        return self._concepts[name]


def _label(expr: Phrase | TokenPattern | Regex) -> str:
    if isinstance(expr, Phrase):
        return expr.phrase[0] if len(expr.phrase) == 1 else f"{expr.phrase[0]}|…"
    if isinstance(expr, TokenPattern):
        return "pattern"
    return f"/{expr.regex}/"


MAX_EXPANDED_PHRASES = 512


def _as_phrase(expr: TokenPattern) -> Phrase | None:
    """The same pattern as a phrase list, when it is a fixed sequence of word choices on one
    attribute (LOWER: exact, NORM: stemmed) and expands to few enough phrases."""
    attrs: set[str] = set()
    choices: list[list[str]] = []
    for spec in expr.pattern:
        if len(spec) != 1:
            return None
        ((attr, value),) = spec.items()
        if attr not in ("LOWER", "NORM"):
            return None
        if isinstance(value, str):
            words = [value]
        elif isinstance(value, dict) and list(value) == ["IN"]:
            words = list(value["IN"])
        else:
            return None
        if not words or any(not isinstance(w, str) or " " in w for w in words):
            return None
        attrs.add(attr)
        choices.append(words)
    if len(attrs) != 1 or prod(len(words) for words in choices) > MAX_EXPANDED_PHRASES:
        return None
    return Phrase(phrase=[" ".join(words) for words in product(*choices)], exact="LOWER" in attrs)


def _norm_words(pattern: list[dict[str, Any]]) -> Iterator[str]:
    """The words a token pattern gives for NORM (before they are stemmed)."""
    for spec in pattern:
        value = spec.get("NORM")
        values = value.values() if isinstance(value, dict) else [[value]]
        for words in values:
            if isinstance(words, list):
                yield from (word for word in words if isinstance(word, str))


def _normalise_token_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """NORM in a token pattern is written as a plain word and stemmed like the text."""
    if "NORM" not in spec:
        return spec
    value = spec["NORM"]
    if isinstance(value, str):
        return {**spec, "NORM": normalise(value)}
    if isinstance(value, dict):
        return {
            **spec,
            "NORM": {
                op: [normalise(v) for v in vals] if isinstance(vals, list) else vals
                for op, vals in value.items()
            },
        }
    return spec


def compile_pack(pack: RulePack, nlp: Language) -> CompiledPack:
    return compile_with_plan(pack, nlp)[0]


def compile_with_plan(
    pack: RulePack, nlp: Language, stored: AtomPlan | None = None
) -> tuple[CompiledPack, AtomPlan]:
    """Compile the pack, and return the plan its matchers were built from. With `stored` (a
    plan read back from the cache for this pack), no term is tokenised or stemmed again;
    raises StalePlan if it does not fit the pack."""
    atoms: AtomTable
    if stored is None:
        check_token_patterns(pack)
        atoms = Planner(nlp)
    else:
        atoms = StoredAtoms(stored)
    compiler = _Compiler(pack, atoms)
    rules: dict[str, CompiledRule] = {}
    headings: dict[str, Predicate] = {}
    for element in pack.elements:
        if element.heading is not None:
            headings[element.id] = compiler.compile(element.heading)[0]
        for sub in element.subpoints:
            match, triggers = compiler.compile(sub.match)
            unless = compiler.compile(sub.unless)[0] if sub.unless is not None else None
            rules[sub.id] = CompiledRule(sub.id, match, unless, triggers)
    exclusion, subject, policy_title = (
        compiler.compile(ConceptRef(concept=name))[0] if name in pack.concepts else None
        for name in (EXCLUSION_CONCEPT, SUBJECT_CONCEPT, POLICY_TITLE_CONCEPT)
    )
    obligation_atoms = (
        compiler.compile(ConceptRef(concept=OBLIGATION_CONCEPT))[1]
        if OBLIGATION_CONCEPT in pack.concepts
        else None
    )
    plan = atoms.finish(compiler.norm_words)
    matchers = build_matchers(plan, nlp)
    compiled = CompiledPack(
        pack=pack,
        nlp=nlp,
        matcher=matchers.matcher,
        phrases=matchers.phrases,
        exact_phrases=matchers.exact_phrases,
        sequences=matchers.sequences,
        regexes=matchers.regexes,
        rules=rules,
        headings=headings,
        exclusion=exclusion,
        subject=subject,
        policy_title=policy_title,
        _atom_ids=matchers.atom_ids,
        _obligation_atoms=obligation_atoms or frozenset(),
    )
    return compiled, plan


def iter_rule_hits(
    compiled: CompiledPack,
    sentences: Iterable[SentenceHits],
    rule_ids: Iterable[str],
    near_misses: dict[str, int] | None = None,
) -> dict[str, list[tuple[SentenceHits, Found]]]:
    """For each rule, the sentences whose atoms satisfy it, with what matched. `near_misses`,
    when given, counts per rule the sentences its trigger words reached that did not match."""
    rules = [compiled.rules[rule_id] for rule_id in rule_ids]
    result: dict[str, list[tuple[SentenceHits, Found]]] = {rule.id: [] for rule in rules}
    # Which rules each atom can set off, so a sentence only tries the rules its atoms trigger
    # (in pack order, so evidence order does not depend on the atoms).
    # An atom's rules as a bit mask (bit i: rules[i]), so a sentence's rules are the OR of
    # its atoms' masks; the rules of a mask are listed once per mask, not per sentence.
    always = [rule for rule in rules if rule.triggers is None]
    masks: dict[int, int] = {}
    for position, rule in enumerate(rules):
        for atom in rule.triggers or ():
            masks[atom] = masks.get(atom, 0) | 1 << position
    rules_of: dict[int, list[CompiledRule]] = {}
    for hits in sentences:
        if not hits.atoms:
            continue
        mask = reduce(or_, map(masks.get, hits.atoms, repeat(0)), 0)
        chosen = rules_of.get(mask)
        if chosen is None:
            chosen = rules_of[mask] = always + [r for i, r in enumerate(rules) if mask >> i & 1]
        for rule in chosen:
            found = rule.match(hits)
            if found and not (rule.unless and rule.unless(hits)):
                result[rule.id].append((hits, found))
            elif near_misses is not None and rule.triggers is not None:
                near_misses[rule.id] = near_misses.get(rule.id, 0) + 1
    return result
