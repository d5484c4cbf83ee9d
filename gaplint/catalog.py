"""Rule metadata (ids, titles, texts) read straight from the rule YAML.

`gaplint.rules.load_pack` validates token patterns with spaCy, which costs seconds to import.
Reporters, `gaplint rules`, configuration checks and the cache key only need ids and texts,
so they read the YAML here and leave compiling (and spaCy) to a cache miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Re-exported: gaplint.rules reads rule files with it too.
from gaplint.safe_yaml import load_yaml as load_yaml


class CatalogError(Exception):
    """A rule folder or file that cannot be read; the message names it."""


def builtin_rules_dir() -> Path:
    """Same place as gaplint.rules.builtin_rules_dir, found without importing the rule models.

    `find_spec` also copes with `gaplint_rules` installed as a namespace package.
    """
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec("gaplint_rules")
    if spec is None or not spec.submodule_search_locations:
        raise CatalogError("the built-in rules (package gaplint_rules) are not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@dataclass(frozen=True)
class RuleInfo:
    id: str
    name: str
    title: str
    severity: str
    element: str
    rationale: str = ""
    recommendation: str = ""
    example_clause: str = ""


@dataclass(frozen=True)
class ElementInfo:
    id: str
    title: str
    summary: str
    severity: str
    subpoints: tuple[RuleInfo, ...] = field(default_factory=tuple)

    def as_rule(self) -> RuleInfo:
        """The element as a rule of its own (its finding is 'element missing')."""
        return RuleInfo(
            id=self.id,
            name=_kebab(self.title) + "-missing",
            title=f"{self.title} (whole element)",
            severity=self.severity,
            element=self.id,
            rationale=f"The policy has nothing on {self.title.lower()}."
            + (f" {self.summary}" if self.summary else ""),
            recommendation=self.summary or f"Add a section on {self.title.lower()}.",
            example_clause=" ".join(s.example_clause for s in self.subpoints),
        )


@dataclass(frozen=True)
class Catalog:
    elements: tuple[ElementInfo, ...]
    files: tuple[Path, ...]
    digest: str = field(repr=False, default="")

    def rules(self) -> Iterator[RuleInfo]:
        """Every rule in report order: an element, then its sub-points."""
        for element in self.elements:
            yield element.as_rule()
            yield from element.subpoints

    def get(self, rule_id: str) -> RuleInfo | None:
        return next((r for r in self.rules() if r.id == rule_id), None)

    def ids(self) -> list[str]:
        return [r.id for r in self.rules()]


def _kebab(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def rule_files(dirs: Iterable[Path]) -> tuple[Path, ...]:
    files: list[Path] = []
    for folder in dirs:
        files += sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    return tuple(files)


def load_catalog(extra_dirs: Iterable[Path] = (), cache: Path | None = None) -> Catalog:
    """The catalog of the built-in rules plus `extra_dirs`.

    With `cache`, the parsed catalog is kept there as JSON keyed by the files' content hash:
    hashing bytes is quick, parsing 200 KB of YAML on every cached run is not.
    """
    dirs = tuple(Path(d).resolve() for d in (builtin_rules_dir(), *extra_dirs))
    for folder in dirs:
        if not folder.is_dir():
            raise CatalogError(f"{folder}: rules folder not found")
    files = rule_files(dirs)
    digest = hashlib.sha256()
    contents: list[bytes] = []
    for path in files:
        data = path.read_bytes()
        contents.append(data)
        digest.update(path.name.encode() + b"\0" + data + b"\0")
    key = digest.hexdigest()
    stored = cache / f"catalog-{key[:32]}.json" if cache else None
    if stored is not None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return _from_json(json.loads(stored.read_text(encoding="utf-8")), files, key)
    elements = tuple(
        _element(raw["element"], path)
        for path, data in zip(files, contents)
        for raw in [_parse(path, data)]
        if isinstance(raw, dict) and isinstance(raw.get("element"), dict)
    )
    catalog = Catalog(elements=elements, files=files, digest=key)
    if stored is not None:
        from gaplint.baseline import atomic_write

        with contextlib.suppress(OSError):
            atomic_write(stored, json.dumps([asdict(e) for e in elements]))
    return catalog


def _parse(path: Path, data: bytes) -> Any:
    try:
        return load_yaml(data)
    except yaml.YAMLError as error:
        raise CatalogError(f"{path}: cannot read rules: {error}") from None


def _from_json(raw: list[dict[str, Any]], files: tuple[Path, ...], key: str) -> Catalog:
    elements = tuple(
        ElementInfo(**{**e, "subpoints": tuple(RuleInfo(**s) for s in e["subpoints"])}) for e in raw
    )
    return Catalog(elements=elements, files=files, digest=key)


def _element(raw: dict[str, Any], path: Path) -> ElementInfo:
    try:
        element_id = str(raw["id"])
        subs = tuple(
            RuleInfo(
                id=str(s["id"]),
                name=str(s.get("name", "")),
                title=str(s.get("title", "")),
                severity=str(s.get("severity", "warning")),
                element=element_id,
                rationale=str(s.get("rationale", "")).strip(),
                recommendation=str(s.get("recommendation", "")).strip(),
                example_clause=str(s.get("example_clause", "")).strip(),
            )
            for s in raw.get("subpoints", [])
        )
        return ElementInfo(
            id=element_id,
            title=str(raw.get("title", "")),
            summary=str(raw.get("summary", "")).strip(),
            severity=str(raw.get("severity", "error")),
            subpoints=subs,
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise CatalogError(f"{path}: malformed element: {error}") from None
