"""Whose laws a policy answers to: detected from the laws, bodies, places and spellings it
names, using the rule pack's table (rules/_jurisdictions.yaml), or set in configuration.

A statute or public body named is strong evidence; one that several jurisdictions share
("the Privacy Act") counts for each of them in part. Place names and spellings are weak:
they can tip a close call but never decide alone. When nothing clearly wins, the answer is
`generic`, and the report says why. Plain word matching, no spaCy: it runs on every judged
document and on the configuration's value alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from gaplint.report import DocumentJurisdiction, JurisdictionSource
from gaplint.rules import Jurisdiction, LawTable

LAW_WEIGHT = 3.0
"""A statute or body named by one jurisdiction alone."""
PLACE_WEIGHT, PLACE_CAP = 1.0, 2.0
SPELLING_WEIGHT, SPELLING_CAP = 0.5, 1.5
DECISIVE = 3.0
"""The least score that names a jurisdiction: one law of its own, or shared laws and signs."""
MARGIN = 1.5
"""How far ahead of the next jurisdiction the first must be."""
SHOWN_NAMES = 3

GENERIC_NAME = "no particular jurisdiction"
_WORD = re.compile(r"\w+")


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class _Term:
    """A name as a run of words; acronyms and places must match as written."""

    name: str
    words: tuple[str, ...]
    exact: bool
    kind: str
    """law, place or spelling"""
    owners: frozenset[Jurisdiction]


@dataclass
class _Index:
    by_first: dict[str, list[_Term]] = field(default_factory=dict)

    def add(self, term: _Term) -> None:
        bucket = self.by_first.setdefault(term.words[0].lower(), [])
        bucket.append(term)
        bucket.sort(key=lambda t: -len(t.words))  # longest first: "Privacy Act 2020" wins


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _build(tables: dict[Jurisdiction, LawTable]) -> _Index:
    owners: dict[tuple[str, str], set[Jurisdiction]] = defaultdict(set)
    for code, table in tables.items():
        for name in table.names():
            owners[("law", name)].add(code)
        for name in table.places:
            owners[("place", name)].add(code)
        for name in table.spellings:
            owners[("spelling", name)].add(code)
    index = _Index()
    for (kind, name), codes in owners.items():
        words = tuple(_words(name))
        if words:
            exact = kind == "place" or _is_acronym(name)
            index.add(_Term(name, words, exact, kind, frozenset(codes)))
    return index


_INDEXES: dict[int, tuple[dict[Jurisdiction, LawTable], _Index]] = {}


def _index_for(tables: dict[Jurisdiction, LawTable]) -> _Index:
    """Built once per pack's table (kept with it, so its id is not reused)."""
    kept = _INDEXES.get(id(tables))
    if kept is None or kept[0] is not tables:
        if len(_INDEXES) >= 8:
            _INDEXES.clear()
        kept = _INDEXES[id(tables)] = (tables, _build(tables))
    return kept[1]


def _found(text: str, index: _Index) -> list[_Term]:
    """Every term in the text, left to right, the longest at each place, each word used once."""
    words = _words(text)
    lowered = [w.lower() for w in words]
    found: list[_Term] = []
    position = 0
    while position < len(words):
        for term in index.by_first.get(lowered[position], ()):
            end = position + len(term.words)
            got = words[position:end] if term.exact else lowered[position:end]
            want = term.words if term.exact else tuple(w.lower() for w in term.words)
            if tuple(got) == want:
                found.append(term)
                position = end
                break
        else:
            position += 1
    return found


@dataclass
class _Score:
    laws: list[str] = field(default_factory=list)
    shared: dict[str, int] = field(default_factory=dict)
    """How many jurisdictions list each law or body named."""
    places: list[str] = field(default_factory=list)
    spellings: list[str] = field(default_factory=list)
    law_points: float = 0.0

    @property
    def total(self) -> float:
        return (
            self.law_points
            + min(PLACE_CAP, PLACE_WEIGHT * len(self.places))
            + min(SPELLING_CAP, SPELLING_WEIGHT * len(self.spellings))
        )


def _scores(terms: Iterable[_Term]) -> dict[Jurisdiction, _Score]:
    scores: dict[Jurisdiction, _Score] = defaultdict(_Score)
    seen: set[str] = set()
    for term in terms:
        if term.name in seen:
            continue  # a name counts once, however often it is repeated
        seen.add(term.name)
        for code in term.owners:
            score = scores[code]
            if term.kind == "law":
                score.laws.append(term.name)
                score.shared[term.name] = len(term.owners)
                score.law_points += LAW_WEIGHT / len(term.owners)
            elif term.kind == "place":
                score.places.append(term.name)
            else:
                score.spellings.append(term.name)
    return scores


def _the(name: str) -> str:
    if _is_acronym(name) or name.split()[0] in {"Section", "Article"}:
        return name
    if name.startswith("The "):
        return "the " + name[4:]
    return "the " + name


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _because(score: _Score, table: LawTable) -> str:
    """`names the Data Protection Act 2018 and ICO; British spellings; mentions Wales`."""
    parts: list[str] = []
    if score.laws:
        # Its own names first (the Data Protection Act 2018 before the Freedom of Information
        # Act that three countries share), otherwise as found.
        laws = sorted(score.laws, key=lambda n: score.shared[n])[:SHOWN_NAMES]
        more = len(score.laws) - len(laws)
        shown = [_the(n) for n in laws] + ([f"{more} more"] if more else [])
        parts.append("names " + _listed(shown))
    if score.spellings:
        parts.append(f"{table.spelling or table.name} spellings".strip())
    if score.places:
        parts.append("mentions " + _listed(score.places[:SHOWN_NAMES]))
    return "; ".join(parts)


def detect(text: str, tables: dict[Jurisdiction, LawTable]) -> DocumentJurisdiction:
    """The jurisdiction a document's own words point to, or `generic` with the reason."""
    index = _index_for(tables)
    scores = _scores(_found(text, index))
    ranked = sorted(scores.items(), key=lambda item: (-item[1].total, item[0].value))
    if not ranked:
        return _generic("names no jurisdiction's laws, bodies or places")
    (best, top), runner = ranked[0], ranked[1] if len(ranked) > 1 else None
    because = _because(top, tables[best])
    if top.total < DECISIVE:
        return _generic(f"too little to tell: {because}", top.laws)
    if runner is not None and top.total - runner[1].total < MARGIN:
        return _generic(f"unsure between {best.value} and {runner[0].value}: {because}", top.laws)
    return DocumentJurisdiction(
        code=best.value,
        name=tables[best].name,
        source=JurisdictionSource.DETECTED,
        reason=because,
        names=top.laws,
    )


def _generic(reason: str, names: list[str] | None = None) -> DocumentJurisdiction:
    return DocumentJurisdiction(
        code=Jurisdiction.GENERIC.value,
        name=GENERIC_NAME,
        source=JurisdictionSource.DETECTED,
        reason=reason,
        names=names or [],
    )


def configured(code: str, tables: dict[Jurisdiction, LawTable]) -> DocumentJurisdiction:
    """The jurisdiction the configuration sets: it wins over anything the document says."""
    jurisdiction = Jurisdiction(code)
    table = tables.get(jurisdiction)
    return DocumentJurisdiction(
        code=jurisdiction.value,
        name=table.name if table else GENERIC_NAME,
        source=JurisdictionSource.CONFIGURED,
        reason="set in configuration",
    )


def decide(
    text: str, tables: dict[Jurisdiction, LawTable], setting: str | None
) -> DocumentJurisdiction:
    """`setting` (us, uk, ..., generic) when given, else what the document names."""
    return configured(setting, tables) if setting else detect(text, tables)
