"""A rule pack's atoms as plain data, and the matchers built from it.

Compiling a pack (gaplint.engine) gives each distinct leaf of its expressions (a phrase list,
a token pattern, a regex) one atom id. What the matchers need for each atom is recorded here
as plain data: the token hashes of every phrase term (stemmed NORM, or LOWER for an exact
phrase), the normalised token patterns and the regex sources, with the stems of the words
met. Tokenising and stemming the terms is most of the cost of compiling; the plan is what
gaplint.pack_cache keeps on disk, and the matchers are always built from a plan, whether it
was just made or read back, so both ways give the same matchers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from gaplint.nlp import known_stems, make_pattern_doc
from gaplint.regex_budget import RulePattern
from gaplint.sequence import SequenceMatcher


class _Plain(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PhraseAtom(_Plain):
    atom: int
    exact: bool
    terms: list[list[int]]
    """Per term, its tokens' NORM hashes (LOWER for an exact phrase): what the PhraseMatcher
    compares with a document's tokens, so loading hashes no string again."""


class PatternAtom(_Plain):
    atom: int
    pattern: list[dict[str, Any]]
    """A token pattern with NORM values already stemmed."""


class RegexAtom(_Plain):
    atom: int
    regex: str


class AtomPlan(_Plain):
    leaves: list[str] = []
    """Each atom's key (what makes two leaves the same atom), by atom id."""
    phrases: list[PhraseAtom] = []
    patterns: list[PatternAtom] = []
    regexes: list[RegexAtom] = []
    stems: dict[str, str] = {}
    """Lower-case word: stem, for every word the pipeline knew once the pack was compiled."""


class StalePlan(Exception):
    """A stored plan that does not fit the pack being compiled: compile it afresh."""


class Planner:
    """Makes a plan: a new key gets the next atom id and its matcher inputs are recorded."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.plan = AtomPlan()
        self._atoms: dict[str, int] = {}

    def _new(self, key: str) -> int | None:
        if key in self._atoms:
            return None
        atom = self._atoms[key] = len(self.plan.leaves)
        self.plan.leaves.append(key)
        return atom

    def phrase(self, key: str, terms: list[str], exact: bool) -> int:
        atom = self._new(key)
        if atom is not None:
            docs = [make_pattern_doc(self.nlp, term) for term in terms]
            tokens = [[t.lower if exact else t.norm for t in doc] for doc in docs]
            self.plan.phrases.append(PhraseAtom(atom=atom, exact=exact, terms=tokens))
        return self._atoms[key]

    def pattern(self, key: str, pattern: list[dict[str, Any]]) -> int:
        atom = self._new(key)
        if atom is not None:
            self.plan.patterns.append(PatternAtom(atom=atom, pattern=pattern))
        return self._atoms[key]

    def regex(self, key: str, source: str) -> int:
        atom = self._new(key)
        if atom is not None:
            self.plan.regexes.append(RegexAtom(atom=atom, regex=source))
        return self._atoms[key]

    def finish(self, words: Iterable[str]) -> AtomPlan:
        self.plan.stems = known_stems(self.nlp.vocab, words)
        return self.plan


class StoredAtoms:
    """Resolves leaves against a stored plan; a leaf it does not have makes it stale."""

    def __init__(self, plan: AtomPlan) -> None:
        self.plan = plan
        self._atoms = {key: atom for atom, key in enumerate(plan.leaves)}
        self._used: set[int] = set()
        # What can be checked without tokenising: each atom's kind, pattern and regex.
        self._inputs: dict[int, object] = {a.atom: ("phrase", a.exact) for a in plan.phrases}
        self._inputs.update((a.atom, ("pattern", a.pattern)) for a in plan.patterns)
        self._inputs.update((a.atom, ("regex", a.regex)) for a in plan.regexes)

    def _get(self, key: str, inputs: object) -> int:
        atom = self._atoms.get(key)
        if atom is None or self._inputs.get(atom) != inputs:
            raise StalePlan(f"no atom for {key!r}")
        self._used.add(atom)
        return atom

    def phrase(self, key: str, terms: list[str], exact: bool) -> int:
        return self._get(key, ("phrase", exact))

    def pattern(self, key: str, pattern: list[dict[str, Any]]) -> int:
        return self._get(key, ("pattern", pattern))

    def regex(self, key: str, source: str) -> int:
        return self._get(key, ("regex", source))

    def finish(self, words: Iterable[str]) -> AtomPlan:
        if len(self._used) != len(self.plan.leaves):
            raise StalePlan("the plan has atoms the pack does not use")
        return self.plan


@dataclass
class Matchers:
    """What matching needs, with spaCy match ids mapped back to atom ids."""

    matcher: Matcher
    phrases: PhraseMatcher
    exact_phrases: PhraseMatcher
    sequences: SequenceMatcher
    regexes: list[tuple[int, RulePattern, RulePattern | None]] = field(default_factory=list)
    atom_ids: dict[int, int] = field(default_factory=dict)


def build_matchers(plan: AtomPlan, nlp: Language) -> Matchers:
    strings = nlp.vocab.strings
    built = Matchers(
        matcher=Matcher(nlp.vocab, validate=True),
        phrases=PhraseMatcher(nlp.vocab, attr="NORM"),
        exact_phrases=PhraseMatcher(nlp.vocab, attr="LOWER"),
        sequences=SequenceMatcher(strings),
    )
    names = [f"atom{atom}" for atom in range(len(plan.leaves))]
    built.atom_ids = {strings.add(name): atom for atom, name in enumerate(names)}
    _check_atoms(plan)
    for phrase in plan.phrases:
        # A one-token term is a word look-up over the Doc's token columns (the sequence
        # matcher's word table): the PhraseMatcher's matches without a Python tuple each.
        words = [term[0] for term in phrase.terms if len(term) == 1]
        if words:
            built.sequences.add_words(phrase.atom, "LOWER" if phrase.exact else "NORM", words)
        # Longer terms too: a hash per window of tokens, not a PhraseMatcher's tuple per
        # match.
        longer = [term for term in phrase.terms if len(term) > 1]
        if longer:
            built.sequences.add_phrases(phrase.atom, "LOWER" if phrase.exact else "NORM", longer)
        # PhraseMatcher takes a term as its tokens' attribute hashes (as it does when it is
        # unpickled), so no Doc has to be tokenised again; only a term of no tokens is
        # left to it.
        empty = [tuple(term) for term in phrase.terms if not term]
        if empty:
            matcher = built.exact_phrases if phrase.exact else built.phrases
            matcher.add(names[phrase.atom], empty)  # type: ignore[arg-type]
    for token_pattern in plan.patterns:
        # Our sequence matcher handles the common pattern shapes at a fraction of the
        # Matcher's cost; anything else goes to spaCy.
        if not built.sequences.add(token_pattern.atom, token_pattern.pattern):
            built.matcher.add(names[token_pattern.atom], [token_pattern.pattern])
    for regex in plan.regexes:
        # Case-insensitive matching costs about twice as much; a pattern with no capital
        # letter (so no \D, \W or [A-Z] either; \S is one: lower-casing turns no character
        # into whitespace or out of it) finds the same on lower-cased text unflagged.
        source = regex.regex
        lower = None if _has_capital(source) else RulePattern.compile(source, False)
        built.regexes.append((regex.atom, RulePattern.compile(source, ignore_case=True), lower))
    return built


# An escape, or any other character; `\S` is the one capital escape read alike either way.
_ESCAPE_OR_CHARACTER = re.compile(r"\\.|.", re.DOTALL)


def _has_capital(source: str) -> bool:
    """Whether the pattern holds a capital letter, other than in the escape `\\S`."""
    return any(
        token != "\\S" and any(char.isupper() for char in token)
        for token in _ESCAPE_OR_CHARACTER.findall(source)
    )


def _check_atoms(plan: AtomPlan) -> None:
    atoms = [a.atom for group in (plan.phrases, plan.patterns, plan.regexes) for a in group]
    if sorted(atoms) != list(range(len(plan.leaves))):
        raise StalePlan("atom ids do not match the leaves")
