"""Rule packs: pydantic models of the rule YAML, loaded with errors naming file, rule and field.

A match expression is one of a few small combinators (as in semgrep):
`phrase` (term list, matched on normalised word forms), `pattern` (a spaCy token pattern),
`regex`, `concept` (a named expression shared across the pack), `all`, `any`, `not`,
and `inside` (the expression must hold for a heading above the sentence or a list item's
lead-in). Everything is judged one sentence at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import yaml
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

from gaplint.catalog import builtin_rules_dir, load_yaml
from gaplint.errors import UserError
from gaplint.report import Severity

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
    pattern: list[dict[str, Any]] = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _valid_spacy_pattern(cls, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        from spacy.schemas import validate_token_pattern

        problems = validate_token_pattern(value)
        if problems:
            raise ValueError("; ".join(problems))
        return value


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


class Subpoint(_Strict):
    id: str
    name: str = Field(description="kebab-case name, as ruff names its rules")
    title: str
    severity: Severity = Severity.WARNING
    rationale: str
    recommendation: str
    example_clause: str
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

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError("rule ids look like GL502: letters then three digits")
        return value


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


class RuleFile(_Strict):
    """One YAML file: optional shared concepts, and optionally one element."""

    language: str = "en"
    concepts: dict[str, Expr] = Field(default_factory=dict)
    element: Element | None = None


class RulePack(BaseModel):
    """All rule files merged: the elements in order and one namespace of concepts."""

    model_config = ConfigDict(frozen=True)

    language: str = "en"
    sources: list[str] = Field(default_factory=list)
    concepts: dict[str, Expr] = Field(default_factory=dict)
    elements: list[Element] = Field(default_factory=list)

    def subpoints(self) -> Iterator[tuple[Element, Subpoint]]:
        for element in self.elements:
            for sub in element.subpoints:
                yield element, sub

    def subpoint(self, rule_id: str) -> Subpoint:
        for _, sub in self.subpoints():
            if sub.id == rule_id:
                return sub
        raise KeyError(rule_id)


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


def load_rule_file(path: Path) -> RuleFile:
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
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


def load_pack(dirs: Iterable[Path | str] = (), builtin: bool = True) -> RulePack:
    """Load the built-in pack (unless told not to) plus extra folders, which add elements."""
    folders = [builtin_rules_dir(), *dirs] if builtin else list(dirs)
    if not folders:
        raise RuleError("no rule folders given")
    return _load_pack(tuple(Path(d).resolve() for d in folders))


@lru_cache(maxsize=8)
def _load_pack(dirs: tuple[Path, ...]) -> RulePack:
    concepts: dict[str, Expr] = {}
    elements: list[Element] = []
    sources: list[str] = []
    language = "en"
    seen: dict[str, Path] = {}
    for folder in dirs:
        files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        if not files:
            raise RuleError(f"{folder}: no rule files (*.yaml) found")
        for path in files:
            rule_file = load_rule_file(path)
            sources.append(str(path))
            language = rule_file.language
            for name, expr in rule_file.concepts.items():
                if name in concepts:
                    raise RuleError(f"{path}: concept {name!r} is defined twice")
                concepts[name] = expr
            if rule_file.element is None:
                continue
            for rule_id in [rule_file.element.id] + [s.id for s in rule_file.element.subpoints]:
                if rule_id in seen:
                    raise RuleError(f"{path}: rule {rule_id} is already defined in {seen[rule_id]}")
                seen[rule_id] = path
            elements.append(rule_file.element)
    pack = RulePack(language=language, sources=sources, concepts=concepts, elements=elements)
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


SeverityName = Literal["error", "warning", "info"]
