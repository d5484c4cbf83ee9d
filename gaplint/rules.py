"""Rule packs: the one model of the rule YAML, loaded with errors naming file, rule and field.

Importing and validating a pack needs no spaCy (a few milliseconds); only compiling it
(gaplint.engine) does, and that is where token patterns are checked against spaCy's schema.
`gaplint rules`, `explain`, reporters and cached runs use the validated pack alone, kept as
JSON in the cache folder keyed by the rule files' content.

A match expression is one of a few small combinators (as in semgrep):
`phrase` (term list, matched on normalised word forms), `pattern` (a spaCy token pattern),
`regex`, `concept` (a named expression shared across the pack), `all`, `any`, `not`,
and `inside` (the expression must hold for a heading above the sentence or a list item's
lead-in). Everything is judged one sentence at a time.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    field_validator,
    model_validator,
)

from gaplint.agency import PLACEHOLDER, fill_agency, unknown_placeholders
from gaplint.errors import UserError
from gaplint.paths import atomic_write
from gaplint.report import Severity
from gaplint.safe_yaml import MAX_YAML_BYTES
from gaplint.user_files import open_user_file

RULE_ID = re.compile(r"^[A-Z]{2,}[0-9]{3,}$")
ELEMENT_ID = re.compile(r"^[A-Z]{2,}[0-9]{1,2}$")


class RuleError(UserError):
    """A mistake in a rule pack; the message names the file, the rule and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phrase(_Strict):
    phrase: list[str] = Field(min_length=1)
    exact: bool = Field(
        default=False,
        description="match the words as spelled (lower case), not their stems: keeps "
        "'commenter' from matching 'comment' and 'approval' from matching 'approved'",
    )

    @field_validator("phrase", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class TokenPattern(_Strict):
    """A spaCy token pattern; checked against spaCy's schema when the pack is compiled."""

    pattern: list[dict[str, Any]] = Field(min_length=1)


class Regex(_Strict):
    regex: str

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"invalid regular expression: {error}") from None
        return value


class ConceptRef(_Strict):
    concept: str


class All(_Strict):
    all: list[Expr] = Field(min_length=1)


class AnyOf(_Strict):
    any: list[Expr] = Field(min_length=1)


class Not(_Strict):
    not_: Expr = Field(alias="not")


class Inside(_Strict):
    inside: Expr


_KINDS = ("phrase", "pattern", "regex", "concept", "all", "any", "not", "inside")


def _expr_kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        value = value.model_dump(by_alias=True)
    if isinstance(value, str):
        return "phrase"
    if isinstance(value, dict):
        keys = [str(key) for key in value if key in _KINDS]
        if len(keys) == 1:
            return keys[0]
    return None


def _coerce_str(value: Any) -> Any:
    # Shorthands: a bare string is a phrase, a list of strings is a term list,
    # and any other list means "any of these".
    if isinstance(value, str):
        return {"phrase": value}
    if isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            return {"phrase": value}
        return {"any": [_coerce_str(item) for item in value]}
    return value


Expr = Annotated[
    Union[  # noqa: UP007 - the members refer to Expr, so `|` cannot build this union
        Annotated[Phrase, Tag("phrase")],
        Annotated[TokenPattern, Tag("pattern")],
        Annotated[Regex, Tag("regex")],
        Annotated[ConceptRef, Tag("concept")],
        Annotated[All, Tag("all")],
        Annotated[AnyOf, Tag("any")],
        Annotated[Not, Tag("not")],
        Annotated[Inside, Tag("inside")],
    ],
    Discriminator(
        _expr_kind,
        custom_error_type="invalid_match",
        custom_error_message=f"a match expression needs exactly one of: {', '.join(_KINDS)}",
    ),
]

for _model in (All, AnyOf, Not, Inside):
    _model.model_rebuild()


class Examples(_Strict):
    covered: list[str] = Field(default_factory=list, description="sentences that must count")
    missing: list[str] = Field(default_factory=list, description="sentences that must not count")


class Jurisdiction(str, Enum):
    """The legal systems whose laws the pack can name; `generic` names none."""

    US = "us"
    UK = "uk"
    CA = "ca"
    AU = "au"
    NZ = "nz"
    GENERIC = "generic"


class LawTopic(str, Enum):
    """What a statute or public body is about; each topic becomes a concept `law-TOPIC`."""

    FOI = "foi"
    PRIVACY = "privacy"
    ACCESSIBILITY = "accessibility"
    RECORDS = "records"
    ELECTIONS = "elections"
    FREE_SPEECH = "free-speech"
    DEFAMATION = "defamation"


class LawTable(_Strict):
    """One jurisdiction's laws, public bodies, places and spellings, as documents name them."""

    name: str = Field(description="shown in reports, e.g. 'United Kingdom'")
    statutes: dict[LawTopic, list[str]] = Field(default_factory=dict)
    bodies: dict[LawTopic, list[str]] = Field(
        default_factory=dict,
        description="regulators and offices, e.g. the Information Commissioner",
    )
    places: list[str] = Field(default_factory=list, description="a weak sign: place names")
    spellings: list[str] = Field(
        default_factory=list, description="a weak sign: words spelled the jurisdiction's way"
    )
    spelling: str = Field(default="", description="what reports call them: 'British'")

    def names(self) -> list[str]:
        """Every statute and body named, each once."""
        found = [n for names in [*self.statutes.values(), *self.bodies.values()] for n in names]
        return list(dict.fromkeys(found))


def law_concepts(tables: dict[Jurisdiction, LawTable]) -> dict[str, Phrase]:
    """`law-foi`, `law-privacy`, ...: every jurisdiction's statutes on a topic, so that rules
    count an Official Information Act as a freedom-of-information statement. Bodies are left
    out: naming a regulator is not a statement on its topic."""
    concepts: dict[str, Phrase] = {}
    for topic in LawTopic:
        names = sorted({n for table in tables.values() for n in table.statutes.get(topic, [])})
        if names:
            concepts[f"law-{topic.value}"] = Phrase(phrase=names)
    return concepts


class Advice(_Strict):
    """A sub-point's wording where a jurisdiction's law differs; unset fields keep the pack's."""

    rationale: str = ""
    recommendation: str = ""
    example_clause: str = ""

    @model_validator(mode="after")
    def _says_something(self) -> Advice:
        if not (self.rationale or self.recommendation or self.example_clause):
            raise ValueError("give at least one of rationale, recommendation, example_clause")
        return self


@dataclass(frozen=True)
class RuleInfo:
    """One row of the checklist (an element or a sub-point) as `rules`, `explain` and SARIF
    show it."""

    id: str
    name: str
    title: str
    severity: str
    element: str
    rationale: str = ""
    recommendation: str = ""
    example_clause: str = ""


def _kebab(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


class Subpoint(_Strict):
    id: str
    name: str = Field(description="kebab-case name, as ruff names its rules")
    title: str
    severity: Severity = Severity.WARNING
    rationale: str
    recommendation: str
    example_clause: str = Field(
        description=f"a clause a policy could adopt; {PLACEHOLDER} stands for the agency's name"
    )
    match: Expr
    unless: Expr | None = Field(
        default=None, description="sentences matching this never count (wrong context)"
    )
    exclusion_counts: bool = Field(
        default=False, description="an explicit exclusion counts as coverage"
    )
    examples: Examples
    keywords: list[str] = Field(
        default_factory=list,
        description="a short keyword list, used only by the naive baseline in `gaplint eval`",
    )
    jurisdictions: dict[Jurisdiction, Advice] = Field(
        default_factory=dict,
        description="rationale, recommendation and example clause where a jurisdiction's law "
        "differs from the pack's own wording",
    )

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError("rule ids look like GL502: letters then three digits")
        return value

    def localised(self, jurisdiction: Jurisdiction | str | None) -> Subpoint:
        """This sub-point worded for a jurisdiction (itself when it has no advice for it)."""
        advice = self.jurisdictions.get(Jurisdiction(jurisdiction)) if jurisdiction else None
        if advice is None:
            return self
        changed = {k: v for k, v in advice.model_dump().items() if v}
        return self.model_copy(update=changed)

    @field_validator("example_clause")
    @classmethod
    def _known_placeholders(cls, value: str) -> str:
        unknown = unknown_placeholders(value)
        if unknown:
            raise ValueError(f"unknown placeholder {unknown[0]!r}: the only one is {PLACEHOLDER}")
        return value

    def clause(self, agency: str | None = None) -> str:
        """The example clause with the agency's name filled in (default "the agency")."""
        return fill_agency(self.example_clause.strip(), agency)

    def info(self, element: str) -> RuleInfo:
        return RuleInfo(
            id=self.id,
            name=self.name,
            title=self.title,
            severity=self.severity.value,
            element=element,
            rationale=self.rationale.strip(),
            recommendation=self.recommendation.strip(),
            example_clause=self.clause(),
        )


class Element(_Strict):
    id: str
    title: str
    summary: str = ""
    heading: Expr | None = Field(
        default=None, description="matches the heading of a document's section on this element"
    )
    severity: Severity = Field(
        default=Severity.ERROR, description="severity when the whole element is missing"
    )
    subpoints: list[Subpoint] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ELEMENT_ID.match(value):
            raise ValueError("element ids look like GL5: letters then one or two digits")
        return value

    @model_validator(mode="after")
    def _subpoints_belong(self) -> Element:
        for sub in self.subpoints:
            if not sub.id.startswith(self.id) or len(sub.id) != len(self.id) + 2:
                raise ValueError(f"sub-point {sub.id} does not belong to element {self.id}")
        return self

    # The wording of "this whole element is missing", used by the judge and by `explain`.
    @property
    def missing_message(self) -> str:
        return f"The policy does not address {self.title} at all."

    @property
    def missing_recommendation(self) -> str:
        return self.summary or f"Add a section on {self.title.lower()}."

    def as_rule(self) -> RuleInfo:
        """The element as a rule of its own (its finding is 'element missing')."""
        summary = self.summary.strip()
        return RuleInfo(
            id=self.id,
            name=_kebab(self.title) + "-missing",
            title=f"{self.title} (whole element)",
            severity=self.severity.value,
            element=self.id,
            rationale=f"The policy has nothing on {self.title.lower()}."
            + (f" {summary}" if summary else ""),
            recommendation=self.missing_recommendation.strip(),
            example_clause=" ".join(s.clause() for s in self.subpoints),
        )


class RuleFile(_Strict):
    """One YAML file: optional shared concepts, and optionally one element."""

    language: str = "en"
    concepts: dict[str, Expr] = Field(default_factory=dict)
    jurisdictions: dict[Jurisdiction, LawTable] = Field(
        default_factory=dict, description="laws and bodies by jurisdiction and topic"
    )
    element: Element | None = None


class RulePack(BaseModel):
    """All rule files merged: the elements in order and one namespace of concepts."""

    model_config = ConfigDict(frozen=True)

    language: str = "en"
    sources: list[str] = Field(default_factory=list)
    concepts: dict[str, Expr] = Field(default_factory=dict)
    jurisdictions: dict[Jurisdiction, LawTable] = Field(default_factory=dict)
    elements: list[Element] = Field(default_factory=list)
    origins: dict[str, str] = Field(
        default_factory=dict, description="the file each element came from, by element id"
    )
    digest: str = Field(default="", description="hash of the rule files' names and content")

    def subpoints(self) -> Iterator[tuple[Element, Subpoint]]:
        for element in self.elements:
            for sub in element.subpoints:
                yield element, sub

    def subpoint(self, rule_id: str) -> Subpoint:
        for _, sub in self.subpoints():
            if sub.id == rule_id:
                return sub
        raise KeyError(rule_id)

    def rules(self) -> Iterator[RuleInfo]:
        """Every rule in report order: an element, then its sub-points."""
        for element in self.elements:
            yield element.as_rule()
            yield from (sub.info(element.id) for sub in element.subpoints)

    def get(self, rule_id: str) -> RuleInfo | None:
        return next((r for r in self.rules() if r.id == rule_id), None)

    def ids(self) -> list[str]:
        return [r.id for r in self.rules()]


def _describe(error: ValidationError, raw: Any) -> str:
    first = error.errors()[0]
    where = list(first["loc"])
    rule = ""
    if len(where) >= 3 and where[:2] == ["element", "subpoints"] and isinstance(where[2], int):
        try:
            rule = f" rule {raw['element']['subpoints'][where[2]]['id']}:"
        except (KeyError, IndexError, TypeError):
            rule = ""
    field = ".".join(str(part) for part in where if not str(part)[:1].isupper())
    return f"{rule} field {field}: {first['msg']}"


def builtin_rules_dir() -> Path:
    """The built-in checklist: `rules/` in a checkout, the gaplint_rules package installed.

    `find_spec` also copes with `gaplint_rules` installed as a namespace package.
    """
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec("gaplint_rules")
    if spec is None or not spec.submodule_search_locations:
        raise RuleError("the built-in rules (package gaplint_rules) are not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def parse_rule_file(path: Path, data: bytes) -> RuleFile:
    # Imported here: a run whose pack comes from the cache never needs a YAML parser.
    import yaml

    from gaplint.safe_yaml import load_yaml

    try:
        raw = load_yaml(data.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise RuleError(f"{path}: cannot read rules: {error}") from None
    if not isinstance(raw, dict):
        raise RuleError(f"{path}: a rule file must be a mapping with `element:` or `concepts:`")
    try:
        return RuleFile.model_validate(_normalise(raw))
    except ValidationError as error:
        raise RuleError(f"{path}:{_describe(error, raw)}") from None


def _normalise(raw: Any) -> Any:
    """Turn bare strings in expression lists into phrases before validation."""
    if isinstance(raw, dict):
        out: dict[str, Any] = {}
        for key, value in raw.items():
            if key in {"all", "any"} and isinstance(value, list):
                out[key] = [_coerce_str(_normalise(item)) for item in value]
            elif key in {"not", "inside", "match", "unless", "heading"}:
                out[key] = _coerce_str(_normalise(value))
            elif key == "concepts" and isinstance(value, dict):
                out[key] = {name: _coerce_str(_normalise(v)) for name, v in value.items()}
            else:
                out[key] = _normalise(value)
        return out
    if isinstance(raw, list):
        return [_normalise(item) for item in raw]
    return raw


def walk(expr: Any) -> Iterator[Any]:
    """The expression and every expression inside it, depth first (concepts not followed)."""
    if expr is None:
        return
    yield expr
    children: list[Any] = []
    if isinstance(expr, All):
        children = list(expr.all)
    elif isinstance(expr, AnyOf):
        children = list(expr.any)
    elif isinstance(expr, Not):
        children = [expr.not_]
    elif isinstance(expr, Inside):
        children = [expr.inside]
    for child in children:
        yield from walk(child)


def _concept_refs(expr: Any) -> Iterable[str]:
    return (node.concept for node in walk(expr) if isinstance(node, ConceptRef))


def rule_files(dirs: Iterable[Path]) -> tuple[Path, ...]:
    files: list[Path] = []
    for folder in dirs:
        if not folder.is_dir():
            raise RuleError(f"{folder}: rules folder not found")
        found = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        if not found:
            raise RuleError(f"{folder}: no rule files (*.yaml) found")
        files += found
    return tuple(files)


def load_pack(
    dirs: Iterable[Path | str] = (), builtin: bool = True, cache: Path | None = None
) -> RulePack:
    """Load the built-in pack (unless told not to) plus extra folders, which add elements.

    With `cache`, the validated pack is kept there as JSON keyed by the files' content hash:
    hashing bytes is quick, parsing 200 KB of YAML on every cached run is not.
    """
    folders = [builtin_rules_dir(), *dirs] if builtin else list(dirs)
    if not folders:
        raise RuleError("no rule folders given")
    files = rule_files(Path(d).resolve() for d in folders)
    contents: list[bytes] = []
    digest = hashlib.sha256()
    for path in files:
        try:
            with open_user_file(path) as handle:  # past the YAML limit, safe_yaml refuses it
                data = handle.read(MAX_YAML_BYTES + 1)
        except OSError as error:
            raise RuleError(f"{path}: cannot read rules: {error.strerror}") from None
        contents.append(data)
        digest.update(path.name.encode() + b"\0" + data + b"\0")
    key = digest.hexdigest()
    stored = cache / f"rules-{key[:32]}.json" if cache else None
    # A batch loads the pack, and then its Checker does: the second gets the same object.
    loaded = (files, key, stored)
    if loaded in _loaded:
        return _loaded[loaded]
    pack = None
    if stored is not None:
        with contextlib.suppress(OSError, ValueError):
            pack = RulePack.model_validate_json(stored.read_bytes())
    if pack is None:
        pack = _parse_pack(files, tuple(contents), key)
        if stored is not None:
            with contextlib.suppress(OSError):
                atomic_write(stored, pack.model_dump_json(by_alias=True))
    if len(_loaded) >= _MAX_LOADED:
        _loaded.clear()
    _loaded[loaded] = pack
    return pack


# Packs validated in this process, by their files, content hash and cache file.
_loaded: dict[tuple[tuple[Path, ...], str, Path | None], RulePack] = {}
_MAX_LOADED = 8


@lru_cache(maxsize=8)
def _parse_pack(files: tuple[Path, ...], contents: tuple[bytes, ...], digest: str) -> RulePack:
    concepts: dict[str, Expr] = {}
    jurisdictions: dict[Jurisdiction, LawTable] = {}
    elements: list[Element] = []
    origins: dict[str, str] = {}
    language = "en"
    seen: dict[str, Path] = {}
    for path, data in zip(files, contents):
        rule_file = parse_rule_file(path, data)
        language = rule_file.language
        for name, expr in rule_file.concepts.items():
            if name in concepts:
                raise RuleError(f"{path}: concept {name!r} is defined twice")
            concepts[name] = expr
        for code, table in rule_file.jurisdictions.items():
            if code in jurisdictions:
                raise RuleError(f"{path}: jurisdiction {code.value!r} is defined twice")
            jurisdictions[code] = table
        if rule_file.element is None:
            continue
        for rule_id in [rule_file.element.id] + [s.id for s in rule_file.element.subpoints]:
            if rule_id in seen:
                raise RuleError(f"{path}: rule {rule_id} is already defined in {seen[rule_id]}")
            seen[rule_id] = path
        elements.append(rule_file.element)
        origins[rule_file.element.id] = str(path)
    for name, phrase in law_concepts(jurisdictions).items():
        if name in concepts:
            raise RuleError(f"concept {name!r} is made from the jurisdictions' laws: rename it")
        concepts[name] = phrase
    pack = RulePack(
        language=language,
        sources=[str(path) for path in files],
        concepts=concepts,
        jurisdictions=jurisdictions,
        elements=elements,
        origins=origins,
        digest=digest,
    )
    _check_concepts(pack)
    return pack


def _check_concepts(pack: RulePack) -> None:
    exprs: list[tuple[str, Any]] = [(f"concept {n}", e) for n, e in pack.concepts.items()]
    for element, sub in pack.subpoints():
        exprs += [(f"rule {sub.id} match", sub.match), (f"rule {sub.id} unless", sub.unless)]
        exprs.append((f"element {element.id} heading", element.heading))
    for where, expr in exprs:
        for name in _concept_refs(expr):
            if name not in pack.concepts:
                raise RuleError(f"{where}: unknown concept {name!r}")


# spaCy's Matcher tries every way of sharing tokens between unbounded repeats, in native
# code the time limit cannot interrupt: 3 `*` took over 20 s on one 1,700-token policy, and
# 24 of them 24 GB before the kernel killed the run. The built-in pack uses none.
MAX_UNBOUNDED_REPEATS = 1


def _repeat_problems(pattern: list[dict[str, Any]]) -> list[str]:
    repeats = sum(1 for token in pattern if token.get("OP") in ("*", "+"))
    if repeats <= MAX_UNBOUNDED_REPEATS:
        return []
    return [
        f"{repeats} unbounded repeats (OP * or +); at most {MAX_UNBOUNDED_REPEATS} per pattern, "
        "since matching more can take hours and gigabytes: use OP ? (or a phrase) instead"
    ]


def check_token_patterns(pack: RulePack) -> None:
    """Every token pattern against spaCy's schema; called when the pack is compiled."""
    from spacy.schemas import validate_token_pattern

    exprs: list[tuple[str, str, Any]] = [
        (f"concept {name}", "", expr) for name, expr in pack.concepts.items()
    ]
    for element, sub in pack.subpoints():
        where = pack.origins.get(element.id, "")
        exprs += [(f"rule {sub.id}: field match", where, sub.match),
                  (f"rule {sub.id}: field unless", where, sub.unless)]  # fmt: skip
        exprs.append((f"element {element.id}: field heading", where, element.heading))
    for what, where, expr in exprs:
        for node in walk(expr):
            if isinstance(node, TokenPattern):
                problems = validate_token_pattern(node.pattern) or _repeat_problems(node.pattern)
                if problems:
                    prefix = f"{where}: " if where else ""
                    raise RuleError(f"{prefix}{what}.pattern: {'; '.join(problems)}")
