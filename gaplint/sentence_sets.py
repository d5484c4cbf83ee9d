"""Rule expressions evaluated over every sentence of a document at once.

A *sentence set* is a Python int used as a bitset: bit i stands for sentence i. Each atom's
sentences are one set, and so are the sentences whose context (the headings above, a list's
lead-in) has it. An expression is then one integer OR, AND or NOT per node for the whole
document, instead of a Python closure call per node and sentence; the closures
(gaplint.engine) are only asked, for the few sentences that satisfy a rule, what matched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy

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
    TokenPattern,
)

if TYPE_CHECKING:  # numpy.typing costs start-up time; annotations only
    from numpy.typing import NDArray


class World:
    """What an expression reads: the sentences of each atom, every sentence, and the world an
    `inside` looks in (the context's; inside the context, `inside` looks in the context again,
    as the closures do). Concepts are evaluated once per world."""

    __slots__ = ("atoms", "concepts", "everyone", "inside")

    def __init__(self, atoms: dict[int, int], everyone: int, inside: World | None = None) -> None:
        self.atoms = atoms
        self.everyone = everyone
        self.inside: World = inside or self
        self.concepts: dict[str, int] = {}


def sentence_world(
    sentence_atoms: dict[int, int], context_atoms: dict[int, int], count: int
) -> World:
    everyone = (1 << count) - 1
    return World(sentence_atoms, everyone, World(context_atoms, everyone))


SetPredicate = Callable[[World], int]
LeafAtom = Callable[[Phrase | TokenPattern | Regex], int]


class SetCompiler:
    """Turns expressions into functions from a World to the set of sentences that satisfy
    them; `leaf` gives a leaf its atom id (the closure compiler's, so both agree)."""

    def __init__(self, concepts: dict[str, Expr], leaf: LeafAtom) -> None:
        self._concepts = concepts
        self._leaf = leaf
        self._compiled: dict[str, SetPredicate] = {}
        self._resolving: set[str] = set()

    def compile(self, expr: Expr) -> SetPredicate:
        if isinstance(expr, (Phrase, TokenPattern, Regex)):
            atom = self._leaf(expr)
            return lambda world: world.atoms.get(atom, 0)
        if isinstance(expr, ConceptRef):
            return self._concept(expr.concept)
        if isinstance(expr, AnyOf):
            if all(isinstance(child, (Phrase, TokenPattern, Regex)) for child in expr.any):
                # Most lists are of leaves: one loop over their atoms, no call per leaf.
                return _any_atom(tuple(self._leaf(child) for child in expr.any))  # type: ignore[arg-type]
            return _any_of([self.compile(child) for child in expr.any])
        if isinstance(expr, All):
            return _all_of([self.compile(child) for child in expr.all])
        if isinstance(expr, Not):
            inner = self.compile(expr.not_)
            return lambda world: world.everyone & ~inner(world)
        assert isinstance(expr, Inside)
        inside = self.compile(expr.inside)
        return lambda world: inside(world.inside)

    def _concept(self, name: str) -> SetPredicate:
        known = self._compiled.get(name)
        if known is not None:
            return known
        if name in self._resolving:
            raise RuleError(f"concept {name!r} refers to itself")
        self._resolving.add(name)
        inner = self.compile(self._concepts[name])
        self._resolving.discard(name)

        def concept(world: World) -> int:
            found = world.concepts.get(name)
            if found is None:
                found = world.concepts[name] = inner(world)
            return found

        self._compiled[name] = concept
        return concept


def _any_of(parts: list[SetPredicate]) -> SetPredicate:
    def any_of(world: World) -> int:
        found = 0
        for part in parts:
            found |= part(world)
        return found

    return any_of


def _any_atom(atoms: tuple[int, ...]) -> SetPredicate:
    def any_atom(world: World) -> int:
        found = 0
        sets = world.atoms
        for atom in atoms:
            found |= sets.get(atom, 0)
        return found

    return any_atom


def _all_of(parts: list[SetPredicate]) -> SetPredicate:
    def all_of(world: World) -> int:
        found = world.everyone
        for part in parts:
            if not found:
                break
            found &= part(world)
        return found

    return all_of


def atom_sets(
    sentences: NDArray[numpy.intp], atoms: NDArray[numpy.intp], count: int
) -> dict[int, int]:
    """Each atom's sentence set, from (sentence, atom) pairs over `count` sentences."""
    if not len(atoms):
        return {}
    # Atom ids are small: a count per id finds those present, and a table their rows,
    # where numpy.unique would sort every pair.
    present = numpy.flatnonzero(numpy.bincount(atoms))
    row_of = numpy.zeros(int(present[-1]) + 1, dtype=numpy.intp)
    row_of[present] = numpy.arange(len(present))
    matrix = numpy.zeros((len(present), count), dtype=bool)
    matrix[row_of[atoms], sentences] = True
    return rows_as_sets(present, matrix)


def rows_as_sets(atoms: NDArray[numpy.intp], matrix: NDArray[numpy.bool_]) -> dict[int, int]:
    """{atoms[i]: the set of the columns where matrix[i] is true}."""
    packed = numpy.packbits(matrix, axis=1, bitorder="little")
    width = packed.shape[1]
    raw = packed.tobytes()  # one copy; slicing bytes costs less than a numpy row each
    return {
        atom: int.from_bytes(raw[row * width : (row + 1) * width], "little")
        for row, atom in enumerate(atoms.tolist())
    }


def span(first: int, end: int) -> int:
    """The set of sentences first..end-1."""
    return ((1 << (end - first)) - 1) << first


_FEW = 48


def members(found: int) -> list[int]:
    """The sentences of a set, in order."""
    if not found:
        return []
    if found.bit_count() <= _FEW:  # a bit at a time costs less than numpy's set-up
        indices = []
        while found:
            lowest = found & -found
            indices.append(lowest.bit_length() - 1)
            found ^= lowest
        return indices
    raw = numpy.frombuffer(found.to_bytes((found.bit_length() + 7) // 8, "little"), numpy.uint8)
    return numpy.flatnonzero(numpy.unpackbits(raw, bitorder="little")).tolist()
