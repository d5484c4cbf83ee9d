"""Compiles a rule pack into matchers and predicates, and finds hits.

Every leaf of a match expression (a phrase list, a token pattern or a regex) becomes one
*atom*. Matching runs all atoms once over the document, and records which atoms occur in
each sentence. Rules are then boolean expressions over those atoms, evaluated over every
sentence at once as sentence sets (gaplint.sentence_sets); the per-sentence predicates here
are only asked what matched, for the sentences that satisfy a rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import product
from math import prod
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from gaplint.atoms import AtomPlan, Planner, StoredAtoms, build_matchers
from gaplint.document import BlockKind, Document
from gaplint.hits import DocumentHits, RuleHit
from gaplint.linear_regex import agrees_on
from gaplint.nlp import (
    IDX_COLUMN,
    LENGTH_COLUMN,
    SPACE_COLUMN,
    Sentence,
    iter_block_docs,
    normalise,
    token_columns,
    whole_document_doc,
)
from gaplint.regex_anchors import LiteralPositions
from gaplint.regex_budget import RegexBudgetExceeded, RulePattern
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
from gaplint.sentence_sets import SetCompiler, SetPredicate, World, members
from gaplint.sentence_table import SentenceHits, SentenceTable
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
_BLOCK_BREAK = "\n\n"  # Document.text joins blocks with it; block text has no newline


# What a predicate found: a short description for people, and how many terms met (a leaf,
# a concept or a `not` is one term; `all` adds up its parts) to rank evidence by.
Found = tuple[str, int]
# A predicate returns what it found in one sentence, or None when it does not hold. It
# reads the sentence's bit in the sets of the world it is given (an `inside` reads the
# context's world): a leaf is a bit of its atom's set, a concept a bit of the concept's set
# (evaluated once per document), so no sentence needs its atoms gathered.
Predicate = Callable[[World, int], "Found | None"]


@dataclass
class CompiledRule:
    id: str
    match: Predicate
    """What matched in one sentence (asked only of the sentences in `sentences`)."""
    sentences: SetPredicate
    unless: SetPredicate | None
    triggers: frozenset[int] | None


@dataclass
class CompiledPack:
    pack: RulePack
    nlp: Language
    matcher: Matcher
    phrases: PhraseMatcher
    exact_phrases: PhraseMatcher
    sequences: SequenceMatcher
    regexes: list[tuple[int, RulePattern, RulePattern | None]]
    rules: dict[str, CompiledRule]
    headings: dict[str, SetPredicate]
    exclusion: SetPredicate | None
    subject: SetPredicate | None = None
    policy_title: SetPredicate | None = None
    _atom_ids: dict[int, int] = field(default_factory=dict)
    _obligation_atoms: frozenset[int] = frozenset()

    def hits(self, document: Document, rule_ids: Iterable[str]) -> DocumentHits:
        """Everything the judge needs about `document` for the given rules."""
        table = self.table(document)
        world = table.world()
        wanted = list(rule_ids)
        near_misses: dict[str, int] = {}
        # An exclusion's lead-in excludes its list ("It does not address:" and the items).
        excluded = _here_or_above(self.exclusion, world, 0)
        on_subject = _here_or_above(self.subject, world, ~0)
        rules = {
            rule_id: [
                RuleHit(
                    table.sentence(index),
                    label,
                    terms,
                    bool(excluded >> index & 1),
                    bool(on_subject >> index & 1),
                    index in table.borrowed and self._leans_back(rule_id, table, index),
                )
                for index, (label, terms) in found
            ]
            for rule_id, found in rule_hits(self, table, world, wanted, near_misses).items()
        }
        chosen = set(wanted)
        headings: dict[str, Sentence] = {}
        heading_sentences = table.of_kind(BlockKind.HEADING)
        for element in self.pack.elements:
            predicate = self.headings.get(element.id)
            if predicate is None or not any(s.id in chosen for s in element.subpoints):
                continue
            first = members(predicate(world) & heading_sentences)
            if first:
                headings[element.id] = table.sentence(first[0])
        subject, title = self.subject, self.policy_title
        mentions = subject(world).bit_count() if subject else None
        # A title: a heading, or the document's first block (a memo's subject line).
        titled = title is not None and bool(title(world) & (heading_sentences | table.of_block(0)))
        return DocumentHits(
            rules=rules,
            headings=headings,
            near_misses=near_misses,
            subject_mentions=mentions,
            titled_as_policy=titled,
        )

    def _leans_back(self, rule_id: str, table: SentenceTable, index: int) -> bool:
        """Whether the rule holds in sentence `index` only with what it takes from the
        sentences before it (table.borrowed), not on its own words."""
        return self.rules[rule_id].match(table.own_world(), index) is None

    def find(self, document: Document) -> list[SentenceHits]:
        """Every sentence of the document with its atoms and its context's."""
        table = self.table(document)
        return [table.hits(index) for index in range(len(table))]

    def table(self, document: Document) -> SentenceTable:
        """Match every atom over the document: its sentences and the atoms of each.
        A rule regex over its time budget is the rule pack's fault: RuleError, one line."""
        try:
            return self._table(document)
        except RegexBudgetExceeded as error:
            raise RuleError(f"{document.path}: {error}") from None

    def _table(self, document: Document) -> SentenceTable:
        blocks = document.blocks
        whole = whole_document_doc(self.nlp, document)
        if whole is None:
            spans: list[_Sent] = []
            in_block: list[int] = []
            pair_sentences, pair_atoms = [], []
            for index, block, doc in iter_block_docs(self.nlp, document):
                starts = doc.to_array([SENT_START]).ravel() == 1  # the parser's, or ours
                sents, sentences, atoms = self._match(doc, block.text, token_columns(doc), starts)
                pair_sentences.append(sentences + len(spans))
                pair_atoms.append(atoms)
                spans += [_Sent(s.text, s.start_char + block.start, s.end_char + block.start)
                          for s in sents]  # fmt: skip
                in_block += [index] * len(sents)
            sentences = numpy.concatenate(pair_sentences) if pair_sentences else _NO_PAIRS
            atoms = numpy.concatenate(pair_atoms) if pair_atoms else _NO_PAIRS
            block_of = numpy.array(in_block, dtype=numpy.intp)
        else:
            # One Doc for the whole document costs less than one per block; split back by offset.
            spans, sentences, atoms = self._match(*whole)
            block_starts = numpy.array([block.start for block in blocks])
            sentence_starts = numpy.array([sent.start_char for sent in spans], dtype=int)
            block_of = _index_at(block_starts, sentence_starts)
        # Sentences of whitespace alone (a break between blocks) are no sentences.
        texts = [sent.text.strip() for sent in spans]
        kept = numpy.array([bool(text) for text in texts], dtype=bool)
        if not kept.all():
            renumbered = numpy.cumsum(kept) - 1
            keep_pairs = kept[sentences]
            sentences, atoms = renumbered[sentences[keep_pairs]], atoms[keep_pairs]
            spans = [sent for sent, keep in zip(spans, kept.tolist()) if keep]
            texts = [text for text in texts if text]
            block_of = block_of[kept]
        return SentenceTable.build(
            document, texts, spans, block_of, sentences, atoms, self._obligation_atoms
        )

    def _match(
        self,
        doc: Doc,
        text: str,
        columns: NDArray[numpy.uint64],
        sentence_starts: NDArray[numpy.bool_],
    ) -> tuple[list[_Sent], NDArray[numpy.intp], NDArray[numpy.intp]]:
        """The doc's sentences, and every (sentence, atom) found as two parallel arrays.
        `text` is the text the doc was made from (Doc.text would rebuild it), `columns` its
        token columns (gaplint.nlp.token_columns), `sentence_starts` where its sentences
        start."""
        sents, token_starts, char_starts = _sentences(columns, sentence_starts, text)
        if not sents:
            return [], _NO_PAIRS, _NO_PAIRS
        ids = self._atom_ids
        spacy_matches = list(self.phrases(doc)) if len(self.phrases) else []
        if len(self.exact_phrases):
            spacy_matches += self.exact_phrases(doc)
        if len(self.matcher):
            spacy_matches += self.matcher(doc)
        sequence_atoms, sequence_starts = self.sequences.find(doc, columns)
        # Sentences from one sorted look-up of all match starts, not one bisect per match.
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
            alike = bool(lowered) and agrees_on(lowered)
            literals = LiteralPositions(lowered)
            for atom, regex, lower in self.regexes:
                if lower and lowered:
                    spans = lower.spans_in(lowered, literals, alike)
                else:
                    spans = regex.spans(text, stdlib_reads_alike=False)
                # never across two blocks
                starts = [start for start, _, matched in spans if _BLOCK_BREAK not in matched]
                if starts:
                    sentences.append(_index_at(char_starts, numpy.array(starts, dtype=int)))
                    atoms.append(numpy.full(len(starts), atom, dtype=numpy.intp))
        return (
            sents,
            numpy.concatenate(sentences).astype(numpy.intp),
            numpy.concatenate(atoms).astype(numpy.intp),
        )


class _Sent(NamedTuple):  # a tuple: one per sentence, built twice, cheaper than a dataclass
    text: str
    start_char: int
    end_char: int


_NO_PAIRS = numpy.zeros(0, dtype=numpy.intp)


def _sentences(
    columns: NDArray[numpy.uint64], sentence_starts: NDArray[numpy.bool_], text: str
) -> tuple[list[_Sent], NDArray[numpy.intp], NDArray[numpy.intp]]:
    """Sentence spans, and their first tokens and characters, from the token columns
    (`doc.sents` builds a Span per call and is slow). Whitespace tokens (the breaks between
    blocks of a whole document) are left out of a sentence's span; a sentence of whitespace
    alone gets empty text."""
    count = len(columns)
    if not count:
        empty = numpy.zeros(0, dtype=numpy.intp)
        return [], empty, empty
    starts = numpy.flatnonzero(sentence_starts)
    if not len(starts) or starts[0] != 0:
        starts = numpy.concatenate([[0], starts])
    # The last token of each sentence that is not whitespace (or its first token).
    positions = numpy.arange(count)
    last_word = numpy.maximum.accumulate(
        numpy.where(columns[:, SPACE_COLUMN] == 0, positions, -1)
    )
    ends = numpy.append(starts[1:], count)
    last = numpy.maximum(last_word[ends - 1], starts)
    offsets = columns[:, IDX_COLUMN].astype(numpy.intp)
    start_chars = offsets[starts]
    end_chars = offsets[last] + columns[last, LENGTH_COLUMN].astype(numpy.intp)
    sents = [
        _Sent(text[start:end], start, end)
        for start, end in zip(start_chars.tolist(), end_chars.tolist())
    ]
    return sents, starts, start_chars


def _here_or_above(predicate: SetPredicate | None, world: World, without: int) -> int:
    """The sentences that satisfy `predicate`, or whose context does (a heading above, a
    list's lead-in); `without` when the pack has no such predicate."""
    return predicate(world) | predicate(world.inside) if predicate else without


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
        self.sets = SetCompiler(pack.concepts, self.leaf)
        self._concepts: dict[str, tuple[Predicate, frozenset[int] | None]] = {}
        self._resolving: set[str] = set()
        self.norm_words: set[str] = set()
        self._leaves: dict[int, tuple[Expr, int]] = {}

    def leaf(self, expr: Phrase | TokenPattern | Regex) -> int:
        # The set compiler meets the same leaf objects again: look them up, not re-key them.
        known = self._leaves.get(id(expr))
        if known is not None and known[0] is expr:
            return known[1]
        atom = self._new_leaf(expr)
        self._leaves[id(expr)] = (expr, atom)
        return atom

    def _new_leaf(self, expr: Phrase | TokenPattern | Regex) -> int:
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

            def present(world: World, index: int) -> Found | None:
                return leaf if world.atoms.get(atom, 0) >> index & 1 else None

            return present, frozenset({atom})
        if isinstance(expr, ConceptRef):
            return self._concept(expr.concept)
        if isinstance(expr, AnyOf):
            parts = [self.compile(child) for child in expr.any]
            triggers = [t for _, t in parts]
            union = None if any(t is None for t in triggers) else frozenset().union(*triggers)  # type: ignore[arg-type]
            leaves = [c for c in expr.any if isinstance(c, (Phrase, TokenPattern, Regex))]
            if len(leaves) == len(expr.any):
                return _any_leaf([(self.leaf(c), _label(c)) for c in leaves]), union
            preds = [p for p, _ in parts]

            def any_of(world: World, index: int) -> Found | None:
                for pred in preds:
                    found = pred(world, index)
                    if found:
                        return found
                return None

            return any_of, union
        if isinstance(expr, All):
            parts = [self.compile(child) for child in expr.all]
            preds = [p for p, _ in parts]

            def all_of(world: World, index: int) -> Found | None:
                found = []
                for pred in preds:
                    got = pred(world, index)
                    if not got:
                        return None
                    found.append(got)
                return " + ".join(label for label, _ in found), sum(n for _, n in found)

            known = [t for _, t in parts if t is not None]
            return all_of, min(known, key=len) if known else None
        if isinstance(expr, Not):
            inner, _ = self.compile(expr.not_)
            negated: Found = ("not", 1)
            return (lambda world, index: None if inner(world, index) else negated), None
        assert isinstance(expr, Inside)
        inner, _ = self.compile(expr.inside)

        def inside(world: World, index: int) -> Found | None:
            found = inner(world.inside, index)
            return (f"inside({found[0]})", found[1]) if found else None

        return inside, None

    def _concept(self, name: str) -> tuple[Predicate, frozenset[int] | None]:
        if name in self._concepts:
            return self._concepts[name]
        if name in self._resolving:
            raise RuleError(f"concept {name!r} refers to itself")
        self._resolving.add(name)
        _, triggers = self.compile(self.pack.concepts[name])
        self._resolving.discard(name)

        named: Found = (name, 1)  # the label shows the name only, so it is one term
        sentences = self.sets.compile(ConceptRef(concept=name))  # once per world

        def concept(world: World, index: int) -> Found | None:
            return named if sentences(world) >> index & 1 else None

        self._concepts[name] = (concept, triggers)
        return self._concepts[name]


def _any_leaf(leaves: list[tuple[int, str]]) -> Predicate:
    """The first of these leaves present in the sentence (a list of leaves alone, as most
    lists are, with no call per leaf)."""
    found = [(atom, (label, 1)) for atom, label in leaves]

    def any_leaf(world: World, index: int) -> Found | None:
        sets = world.atoms
        for atom, leaf in found:
            if sets.get(atom, 0) >> index & 1:
                return leaf
        return None

    return any_leaf


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
    # Leaves are met in the same order either way, so atom ids do not depend on which
    # compiler meets them first.
    sets = compiler.sets
    rules: dict[str, CompiledRule] = {}
    headings: dict[str, SetPredicate] = {}
    for element in pack.elements:
        if element.heading is not None:
            headings[element.id] = sets.compile(element.heading)
        for sub in element.subpoints:
            match, triggers = compiler.compile(sub.match)
            unless = sets.compile(sub.unless) if sub.unless is not None else None
            rules[sub.id] = CompiledRule(sub.id, match, sets.compile(sub.match), unless, triggers)
    exclusion, subject, policy_title = (
        sets.compile(ConceptRef(concept=name)) if name in pack.concepts else None
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


def rule_hits(
    compiled: CompiledPack,
    table: SentenceTable,
    world: World,
    rule_ids: Iterable[str],
    near_misses: dict[str, int] | None = None,
) -> dict[str, list[tuple[int, Found]]]:
    """For each rule, the sentences (by index, in order) that satisfy it, with what matched.
    `near_misses`, when given, counts per rule the sentences its trigger words reached that
    do not satisfy it. A rule is tried on sentences with some atom: with triggers, on those
    with one of them."""
    with_atoms = table.with_atoms()
    sentence_sets = table.sentence_sets
    result: dict[str, list[tuple[int, Found]]] = {}
    for rule_id in rule_ids:
        rule = compiled.rules[rule_id]
        tried = with_atoms
        if rule.triggers is not None:
            tried = 0
            for atom in sentence_sets.keys() & rule.triggers:  # the few present, in C
                tried |= sentence_sets[atom]
        found = rule.sentences(world) & tried if tried else 0
        if found and rule.unless is not None:
            found &= ~rule.unless(world)
        hits = []
        for index in members(found):
            what = rule.match(world, index)
            assert what is not None, f"{rule.id}: sentence sets and predicates disagree"
            hits.append((index, what))
        result[rule.id] = hits
        if near_misses is not None and rule.triggers is not None:
            missed = (tried & ~found).bit_count()
            if missed:
                near_misses[rule.id] = missed
    return result
