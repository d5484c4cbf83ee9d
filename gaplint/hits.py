"""What the engine hands the judge: for each rule, the sentences that satisfy it.

Plain data, so the judge decides coverage, evidence and findings without calling back into
the engine or evaluating any predicate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gaplint.nlp import Sentence


@dataclass(frozen=True)
class RuleHit:
    """One sentence that satisfies a rule's `match` and not its `unless`."""

    sentence: Sentence
    label: str
    """What matched, for people: "gl1-role + on behalf of|…"."""
    terms: int
    """How many terms of the rule met in the sentence; more is stronger evidence."""
    excluded: bool
    """The sentence is an explicit exclusion ("this policy does not cover …")."""
    on_subject: bool = True
    """The sentence, or a heading above it, names the pack's subject (social media)."""
    leans_back: bool = False
    """It matched only with words of the sentence it refers back to, or of the question it
    answers ("Only the PIO."): read alone, it says less than a sentence that states it."""


@dataclass(frozen=True)
class DocumentHits:
    rules: dict[str, list[RuleHit]] = field(default_factory=dict)
    """Hits by rule id, in document order, for every rule the engine was asked about."""
    headings: dict[str, Sentence] = field(default_factory=dict)
    """By element id: the first heading that matches the element's `heading` expression."""
    near_misses: dict[str, int] = field(default_factory=dict)
    """By rule id: sentences that have some of the rule's required words but do not satisfy
    it. A gap with near misses is less certain than a gap where nothing came close."""
    subject_mentions: int | None = None
    """Sentences about the pack's subject (its `subject` concept); None without one."""
    titled_as_policy: bool = False
    """A heading or the first block calls the document a policy (`policy-title` concept)."""
