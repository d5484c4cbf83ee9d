"""Rules evaluated as sentence sets must find what the per-sentence predicates find."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import gaplint.engine
from gaplint.api import Checker
from gaplint.atoms import StoredAtoms
from gaplint.document import Document
from gaplint.engine import CompiledPack, _Compiler, compile_with_plan, rule_hits
from gaplint.nlp import build_pipeline
from gaplint.readers import read_document
from gaplint.rules import (
    All,
    AnyOf,
    ConceptRef,
    Expr,
    Inside,
    Not,
    Phrase,
    Regex,
    TokenPattern,
    load_pack,
)
from gaplint.sentence_sets import SetCompiler, members, sentence_world, span
from gaplint.sentence_table import SentenceHits
from tests.corpus_files import corpus_documents


@pytest.fixture(scope="module")
def compiled() -> CompiledPack:
    return Checker().compiled


def _corpus() -> list[Document]:
    return [read_document(path) for path in corpus_documents()]


Leaf = Phrase | TokenPattern | Regex


def _holds(
    expr: Expr, concepts: dict[str, Expr], atom_of: Callable[[Leaf], int], hits: SentenceHits
) -> bool:
    """The expression read over one sentence's atoms, as the rule pack defines it: the
    reference both the sentence sets and the engine's predicates are held to."""
    if isinstance(expr, (Phrase, TokenPattern, Regex)):
        return atom_of(expr) in hits.atoms
    if isinstance(expr, ConceptRef):
        return _holds(concepts[expr.concept], concepts, atom_of, hits)
    if isinstance(expr, AnyOf):
        return any(_holds(child, concepts, atom_of, hits) for child in expr.any)
    if isinstance(expr, All):
        return all(_holds(child, concepts, atom_of, hits) for child in expr.all)
    if isinstance(expr, Not):
        return not _holds(expr.not_, concepts, atom_of, hits)
    assert isinstance(expr, Inside)
    inside = SentenceHits(hits.sentence, hits.context, hits.context)
    return _holds(expr.inside, concepts, atom_of, inside)


def test_every_rule_on_every_corpus_sentence_agrees_with_its_expression() -> None:
    pack = load_pack()
    compiled, plan = compile_with_plan(pack, build_pipeline())
    atom_of = _Compiler(pack, StoredAtoms(plan)).leaf  # the same atom ids, from the plan
    subpoints = {sub.id: sub for _, sub in pack.subpoints()}
    rule_ids = list(compiled.rules)
    compared = 0
    for document in _corpus():
        table = compiled.table(document)
        world = table.world()
        found = rule_hits(compiled, table, world, rule_ids)
        for rule_id in rule_ids:
            rule, sub = compiled.rules[rule_id], subpoints[rule_id]
            expected = []
            for index in range(len(table)):
                hits = table.hits(index)
                tried = hits.atoms and (rule.triggers is None or rule.triggers & hits.atoms)
                if (
                    tried
                    and _holds(sub.match, pack.concepts, atom_of, hits)
                    and not (sub.unless and _holds(sub.unless, pack.concepts, atom_of, hits))
                ):
                    expected.append(index)
                compared += 1
            assert [index for index, _ in found[rule_id]] == expected, (document.path, rule_id)
    assert compared > 100_000


def test_not_inside_all_any_and_concepts_over_sets() -> None:
    # Atoms 1 and 2 by hand: sentences 0..3, context of atom 2 on sentences 2 and 3.
    leaves = {"alpha": 1, "beta": 2}
    concepts: dict[str, Expr] = {
        "named": AnyOf(any=[Phrase(phrase=["alpha"]), Phrase(phrase=["beta"])])
    }
    sets = SetCompiler(concepts, lambda leaf: leaves[leaf.phrase[0]])  # type: ignore[union-attr]
    world = sentence_world({1: 0b0011, 2: 0b0110}, {2: 0b1100}, 4)
    alpha, beta = Phrase(phrase=["alpha"]), Phrase(phrase=["beta"])
    assert sets.compile(All(all=[alpha, beta]))(world) == 0b0010
    assert sets.compile(Not(**{"not": alpha}))(world) == 0b1100
    assert sets.compile(ConceptRef(concept="named"))(world) == 0b0111
    assert sets.compile(Inside(inside=beta))(world) == 0b1100
    assert sets.compile(Inside(inside=Inside(inside=beta)))(world) == 0b1100
    assert sets.compile(All(all=[Not(**{"not": alpha}), Inside(inside=beta)]))(world) == 0b1100


def test_members_and_spans() -> None:
    assert members(0) == []
    assert members(span(3, 6)) == [3, 4, 5]
    assert members(1 << 700 | 1) == [0, 700]
    assert members(span(0, 100) | 1 << 1000) == [*range(100), 1000]  # past the bit loop


def test_one_doc_per_block_gives_the_same_table_as_one_whole_document(
    compiled: CompiledPack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A trained pipeline gets one Doc per block; the default one Doc for the document.
    documents = _corpus()[:8]
    whole = [compiled.table(document) for document in documents]
    monkeypatch.setattr(gaplint.engine, "whole_document_doc", lambda nlp, document: None)
    for document, expected in zip(documents, whole):
        table = compiled.table(document)
        assert len(table) == len(expected) > 0
        assert (table.texts, table.starts, table.ends, table.block_of) == (
            expected.texts,
            expected.starts,
            expected.ends,
            expected.block_of,
        )
        assert [table.atoms(i) for i in range(len(table))] == [
            expected.atoms(i) for i in range(len(table))
        ]
        assert (table.sentence_sets, table.context_sets) == (
            expected.sentence_sets,
            expected.context_sets,
        )
