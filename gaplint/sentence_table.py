"""A document's sentences after matching, as columns: text, offsets, block and atoms.

`Sentence` objects (with page, section and line, for evidence) are made only for the
sentences a report quotes; the rules read the atoms as sentence sets (gaplint.sentence_sets).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

import numpy

from gaplint.document import BlockKind, Document
from gaplint.nlp import Sentence
from gaplint.sentence_sets import World, atom_sets, rows_as_sets, sentence_world, span

if TYPE_CHECKING:  # numpy.typing costs start-up time; annotations only
    from numpy.typing import NDArray

_INHERITS_LEAD_IN = (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL)
_NO_ATOMS: frozenset[int] = frozenset()
# A sentence whose subject points back ("It must be kept secret.", "Once the event is over,
# they are closed.", "These are reviewed yearly.") is about what the sentence before it
# names. Only a subject: "it" elsewhere is as often "it is important", and "these
# accounts" names its own noun.
_SUBJECT_REFERS_BACK = re.compile(
    r"^(?:[^,.;:]{0,60},\s*)?"  # a leading clause: "Once the event is over, they ..."
    r"(?:it|they|(?:these|those)(?=\s+(?:are|were|must|shall|should|may|will|can)\b))\b",
    re.IGNORECASE,
)


class SentenceHits(NamedTuple):  # a tuple: made once per hit, cheaper than a dataclass
    """The atoms found in a sentence, and in its context (headings above, a list's lead-in)."""

    sentence: Sentence
    atoms: frozenset[int]
    context: frozenset[int]


@dataclass
class SentenceTable:
    document: Document
    texts: list[str]
    starts: list[int]
    ends: list[int]
    block_of: list[int]
    found_atoms: list[int]
    """Every atom found, sentence by sentence: sentence i's are
    found_atoms[atom_bounds[i] : atom_bounds[i + 1]] (with repeats)."""
    atom_bounds: list[int]
    contexts: list[frozenset[int]]
    """Per block, the atoms of its context: the headings above, and for a list item or table
    cell those of the paragraph that introduces it ("Employees shall not:")."""
    block_bounds: list[int]
    """Block b's sentences are block_bounds[b] .. block_bounds[b + 1] - 1."""
    sentence_sets: dict[int, int]
    context_sets: dict[int, int]
    borrowed: dict[int, frozenset[int]] = field(default_factory=dict)
    """For each sentence that refers back or answers a question, the atoms it takes from
    the sentences before it (gaplint.sentence_table._referred_atoms)."""
    own_sentence_sets: dict[int, int] = field(default_factory=dict)
    """`sentence_sets` without what `borrowed` adds."""
    _own_world: World | None = None
    _made: dict[int, Sentence] = field(default_factory=dict)
    _hits: dict[int, SentenceHits] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        document: Document,
        texts: list[str],
        spans: Sequence[tuple[str, int, int]],
        block_of: NDArray[numpy.intp],
        sentences: NDArray[numpy.intp],
        atoms: NDArray[numpy.intp],
        question_atoms: frozenset[int],
    ) -> SentenceTable:
        """From the sentences (in document order, with document offsets), the block of each,
        and every (sentence, atom) found. A question heading passes on its atoms less
        `question_atoms` (a question obliges no one), and so does a sentence to the one that
        refers back to it (its "must" is not the other's)."""
        count = len(texts)
        by_sentence = numpy.argsort(sentences, kind="stable")
        found_atoms = atoms[by_sentence].tolist()
        atom_bounds = numpy.searchsorted(sentences[by_sentence], numpy.arange(count + 1)).tolist()
        blocks = document.blocks
        bounds = numpy.searchsorted(block_of, numpy.arange(len(blocks) + 1)).tolist()
        contexts: list[frozenset[int]] = []
        heading_atoms: dict[str, frozenset[int]] = {}
        lead_in: frozenset[int] = _NO_ATOMS
        # The atoms of the headings above: the same for every block of a section, so made
        # again only where the section changes or a heading is met.
        section: list[str] | None = None
        above: frozenset[int] = _NO_ATOMS
        # Headings come before their blocks, so a block's context is complete when it is met.
        for index, block in enumerate(blocks):
            kind = block.kind
            if block.section != section:
                section = block.section
                above = frozenset().union(
                    *(heading_atoms.get(heading, _NO_ATOMS) for heading in section)
                )
            contexts.append(above | lead_in if lead_in and kind in _INHERITS_LEAD_IN else above)
            # Only a heading's atoms and a lead-in paragraph's are passed on.
            if kind is BlockKind.HEADING or (
                kind is BlockKind.PARAGRAPH and block.text.rstrip().endswith(":")
            ):
                first, end = atom_bounds[bounds[index]], atom_bounds[bounds[index + 1]]
                block_atoms = frozenset(found_atoms[first:end])
            if kind is BlockKind.HEADING:
                if block.text.rstrip().endswith("?"):
                    block_atoms -= question_atoms
                heading_atoms[block.text] = block_atoms
                lead_in = _NO_ATOMS
                section = None  # a heading's atoms changed: read the next section afresh
            elif kind is BlockKind.PARAGRAPH:
                lead_in = block_atoms if block.text.rstrip().endswith(":") else _NO_ATOMS
        borrowed = _referred_atoms(texts, block_of, found_atoms, atom_bounds, question_atoms)
        own_sets = atom_sets(sentences, atoms, count)
        sentence_sets = dict(own_sets) if borrowed else own_sets
        for index, extra in borrowed.items():
            for atom in extra:
                sentence_sets[atom] = sentence_sets.get(atom, 0) | 1 << index
        return cls(
            document=document,
            texts=texts,
            starts=[start for _, start, _ in spans],
            ends=[end for _, _, end in spans],
            block_of=block_of.tolist(),
            found_atoms=found_atoms,
            atom_bounds=atom_bounds,
            contexts=contexts,
            block_bounds=bounds,
            sentence_sets=sentence_sets,
            context_sets=_context_sets(contexts, bounds),
            borrowed=borrowed,
            own_sentence_sets=own_sets,
        )

    def __len__(self) -> int:
        return len(self.texts)

    def world(self) -> World:
        return sentence_world(self.sentence_sets, self.context_sets, len(self))

    def own_world(self) -> World:
        """The world of each sentence's own atoms, without what it takes from the sentences
        before it (made once, and only when a hit needs it)."""
        if self._own_world is None:
            own = self.own_sentence_sets if self.borrowed else self.sentence_sets
            self._own_world = sentence_world(own, self.context_sets, len(self))
        return self._own_world

    def with_atoms(self) -> int:
        """The sentences in which some atom was found."""
        found = 0
        for sentences in self.sentence_sets.values():
            found |= sentences
        return found

    def of_kind(self, kind: BlockKind) -> int:
        """The sentences of the blocks of this kind."""
        found = 0
        for index, block in enumerate(self.document.blocks):
            if block.kind is kind:
                found |= self.of_block(index)
        return found

    def of_block(self, index: int) -> int:
        if index + 1 >= len(self.block_bounds):
            return 0
        return span(self.block_bounds[index], self.block_bounds[index + 1])

    def sentence(self, index: int) -> Sentence:
        made = self._made.get(index)
        if made is None:
            block = self.document.blocks[self.block_of[index]]
            made = self._made[index] = Sentence(
                text=self.texts[index],
                start=self.starts[index],
                end=self.ends[index],
                block=self.block_of[index],
                kind=block.kind,
                page=block.page,
                section=tuple(block.section),
                line=block.line,
                paragraph=block.paragraph,
                source=block.source,
            )
        return made

    def atoms(self, index: int) -> frozenset[int]:
        """The atoms found in sentence `index`, and those it takes by referring back."""
        found = self.own_atoms(index)
        return found | self.borrowed[index] if index in self.borrowed else found

    def own_atoms(self, index: int) -> frozenset[int]:
        """The atoms found in sentence `index` itself."""
        bounds = self.atom_bounds
        return frozenset(self.found_atoms[bounds[index] : bounds[index + 1]])

    def hits(self, index: int) -> SentenceHits:
        hits = self._hits.get(index)
        if hits is None:
            context = self.contexts[self.block_of[index]]
            hits = self._hits[index] = SentenceHits(
                self.sentence(index), self.atoms(index), context
            )
        return hits


def _referred_atoms(
    texts: list[str],
    block_of: NDArray[numpy.intp],
    found_atoms: list[int],
    atom_bounds: list[int],
    obligation_atoms: frozenset[int],
) -> dict[int, frozenset[int]]:
    """What each sentence takes from the sentences before it in its block, less
    `obligation_atoms` (their "must" is not its own): a sentence whose subject refers back
    takes the atoms of the sentence before ("It must be kept secret." after "Each
    administrator receives the account password."), and the sentences after a question
    take the question's, as they answer it ("Who may post on the page? Only the PIO.")."""
    borrowed: dict[int, frozenset[int]] = {}
    blocks = block_of.tolist()
    question = _NO_ATOMS
    for index, text in enumerate(texts):
        if index and blocks[index] != blocks[index - 1]:
            question = _NO_ATOMS
        own = frozenset(found_atoms[atom_bounds[index] : atom_bounds[index + 1]])
        if text.rstrip().endswith("?"):
            question = own - obligation_atoms
            continue
        taken = question
        if index and blocks[index] == blocks[index - 1] and _SUBJECT_REFERS_BACK.match(text):
            before = frozenset(found_atoms[atom_bounds[index - 1] : atom_bounds[index]])
            taken = taken | (before - obligation_atoms)
        if taken - own:
            borrowed[index] = taken - own
    return borrowed


def _context_sets(contexts: list[frozenset[int]], bounds: list[int]) -> dict[int, int]:
    """Each atom's set of the sentences whose block's context has it: a (sentence, atom)
    matrix from the distinct contexts, not a Python step per block and atom."""
    distinct: dict[frozenset[int], int] = {}
    # The context of each sentence, as an index into `distinct` (0: no context).
    of_sentence = numpy.zeros(bounds[-1] if bounds else 0, dtype=numpy.intp)
    for index, context in enumerate(contexts):
        if context and bounds[index + 1] > bounds[index]:
            number = distinct.setdefault(context, len(distinct) + 1)
            of_sentence[bounds[index] : bounds[index + 1]] = number
    if not distinct:
        return {}
    lengths = [len(context) for context in distinct]
    flat = numpy.fromiter(chain.from_iterable(distinct), dtype=numpy.intp, count=sum(lengths))
    present, column = numpy.unique(flat, return_inverse=True)
    has = numpy.zeros((len(distinct) + 1, len(present)), dtype=bool)
    has[numpy.repeat(numpy.arange(1, len(distinct) + 1), lengths), column] = True
    return rows_as_sets(present, numpy.ascontiguousarray(has[of_sentence].T))
