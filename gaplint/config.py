"""Configuration: `[tool.gaplint]` in pyproject.toml, gaplint.toml or .gaplint.toml.

Rules are chosen by prefix as in ruff (gaplint.selection); every prefix named here is checked
against the rule pack, so a typo is an error rather than a rule silently left out.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from gaplint.errors import UserError
from gaplint.readers.base import Limits, OcrMode
from gaplint.report import Severity, Waiver
from gaplint.rules import Jurisdiction
from gaplint.selection import SelectionSpec
from gaplint.user_files import read_user_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 needs the backport
    import tomli as tomllib

CONFIG_NAMES = (".gaplint.toml", "gaplint.toml", "pyproject.toml")
FailOn = Literal["error", "warning", "info", "never"]
AUTO = "auto"
JURISDICTIONS = (AUTO, *(j.value for j in Jurisdiction))


class ConfigError(UserError):
    """A mistake in configuration; the message names the file and the key."""


class WaiverConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str
    reason: str = Field(min_length=1)
    expires: date
    paths: list[str] = Field(default_factory=list)

    def to_waiver(self) -> Waiver:
        return Waiver(rule=self.rule, reason=self.reason, expires=self.expires, paths=self.paths)


class SetConfig(BaseModel):
    """`[[tool.gaplint.sets]]`: documents that together make one policy, judged as one."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    paths: list[str] = Field(min_length=1, description="globs, relative to the configuration")


class SetsFile(BaseModel):
    """A file of `[[sets]]` alone (`gaplint eval --sets`, a gold folder's sets.toml)."""

    model_config = ConfigDict(extra="forbid")

    sets: list[SetConfig] = Field(default_factory=list)


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=lambda: ["GL"])
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: FailOn = Field(default="warning", alias="fail-on")
    min_coverage: float | None = Field(default=None, ge=0, le=1, alias="min-coverage")
    judge_all: bool = Field(
        default=False,
        alias="judge-all",
        description="judge every document, even one that does not read as a social media policy",
    )
    include: list[str] | None = None
    exclude: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    rules: list[str] = Field(default_factory=list)
    waivers: list[WaiverConfig] = Field(default_factory=list)
    sets: list[SetConfig] = Field(default_factory=list)
    limits: Limits = Field(default_factory=Limits)
    jurisdiction: str = Field(
        default=AUTO,
        description="whose laws the recommendations follow: auto (detected from each "
        "document), us, uk, ca, au, nz or generic",
    )

    @field_validator("jurisdiction")
    @classmethod
    def _known_jurisdiction(cls, value: str) -> str:
        if value not in JURISDICTIONS:
            raise ValueError(f"{value!r} is not one of {', '.join(JURISDICTIONS)}")
        return value
    ocr: OcrMode | None = Field(
        default=None,
        description="auto: read PDF pages without a text layer by OCR when Tesseract is "
        "installed; off (the default): report them as no-text-layer",
    )

    @model_validator(mode="after")
    def _ocr_into_limits(self) -> Config:
        # The readers take their settings from Limits; `ocr` is a top-level key for people.
        if self.ocr is not None:
            self.limits = self.limits.model_copy(update={"ocr": self.ocr})
        return self


@dataclass(frozen=True)
class Overrides:
    """Command-line options over the configuration file, as in ruff: `select` replaces the
    file's list, `extend-select`, `ignore` and `rules` add to theirs, the rest replace."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: FailOn | None = None
    min_coverage: float | None = None
    rules: tuple[Path, ...] = ()
    """Extra rule folders, relative to the working folder (not the configuration file)."""
    jurisdiction: str | None = None
    set_name: str | None = None
    """`--set NAME`: every document of the run is a member of one set of that name."""
    ocr: OcrMode | None = None

    def prefixes(self, key: str) -> tuple[str, ...]:
        """The rule prefixes given on the command line for a configuration key."""
        return {"select": self.select, "extend-select": self.extend_select,
                "ignore": self.ignore}.get(key, ())  # fmt: skip

    def apply(self, loaded: LoadedConfig) -> LoadedConfig:
        config = loaded.config
        update: dict[str, Any] = {}
        if self.select:
            update["select"] = list(self.select)
        if self.extend_select:
            update["extend_select"] = [*config.extend_select, *self.extend_select]
        if self.ignore:
            update["ignore"] = [*config.ignore, *self.ignore]
        if self.fail_on is not None:
            update["fail_on"] = self.fail_on
        if self.min_coverage is not None:
            update["min_coverage"] = self.min_coverage
        if self.jurisdiction is not None:
            update["jurisdiction"] = self.jurisdiction
        if self.ocr is not None:
            update["ocr"] = self.ocr
            update["limits"] = config.limits.model_copy(update={"ocr": self.ocr})
        if self.rules:
            # Absolute, so that LoadedConfig.rule_dirs leaves them as given.
            update["rules"] = [*config.rules, *(str(p.resolve()) for p in self.rules)]
        return LoadedConfig(config=config.model_copy(update=update), path=loaded.path, cli=self)


@dataclass(frozen=True)
class LoadedConfig:
    config: Config
    path: Path | None
    """The file it came from; None for defaults."""
    cli: Overrides = field(default_factory=Overrides)
    """What the command line changed, so a mistake there is named as an option."""

    @property
    def root(self) -> Path:
        """Globs and rule folders are relative to the configuration file's folder."""
        return self.path.parent if self.path else Path.cwd()

    def rule_dirs(self) -> tuple[Path, ...]:
        return tuple((self.root / folder).resolve() for folder in self.config.rules)

    def where(self) -> str:
        return str(self.path) if self.path else "configuration"


def _has_section(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        data = tomllib.loads(read_user_text(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return True  # let load_config report what is wrong with it
    return "gaplint" in data.get("tool", {})


def find_config(start: Path) -> Path | None:
    """The first configuration file walking up from `start` to the filesystem root."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and _has_section(path):
                return path
    return None


def _keys(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


# The tables a key can sit in, by the position of its parent in the error's location.
_TABLES: dict[tuple[str, ...], type[BaseModel]] = {
    (): Config, ("limits",): Limits, ("waivers",): WaiverConfig, ("sets",): SetConfig,
}  # fmt: skip


def _did_you_mean(loc: tuple[int | str, ...]) -> str:
    """`; did you mean `fail-on`?` for a mistyped key, or nothing when none is close."""
    *parents, key = loc
    table = _TABLES.get(tuple(str(p) for p in parents if not isinstance(p, int)))
    if table is None:
        return ""
    known = _keys(table)
    spelled = str(key).replace("_", "-")
    close = difflib.get_close_matches(str(key), known, n=1) or [
        k for k in known if k.replace("_", "-") == spelled
    ]
    return f"; did you mean `{close[0]}`?" if close else ""


def load_config(path: Path) -> LoadedConfig:
    try:
        data: dict[str, Any] = tomllib.loads(read_user_text(path))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error.strerror}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    prefix = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("gaplint", {})
        prefix = "tool.gaplint."
    try:
        config = Config.model_validate(data)
    except ValidationError as error:
        raise ConfigError(f"{path}: {key_error(error, prefix)}") from None
    check_set_names(path, config.sets, prefix)
    return LoadedConfig(config=config, path=path.resolve())


def key_error(error: ValidationError, prefix: str = "") -> str:
    """`key `waivers.0.expires`: Input should be a valid date`: the first problem, in one line."""
    problems = error.errors()
    # A mistyped key also leaves its right spelling "required": name the typo.
    first = next((e for e in problems if e["type"] == "extra_forbidden"), problems[0])
    key = ".".join(str(part) for part in first["loc"])
    hint = _did_you_mean(first["loc"]) if first["type"] == "extra_forbidden" else ""
    return f"key `{prefix}{key}`: {first['msg']}{hint}"


def check_set_names(path: Path, sets: list[SetConfig], prefix: str = "") -> None:
    names = [s.name for s in sets]
    twice = next((name for name in names if names.count(name) > 1), None)
    if twice is not None:
        raise ConfigError(f"{path}: key `{prefix}sets`: the set name {twice!r} is used twice")


def resolve_config(
    start: Path, explicit: Path | None = None, isolated: bool = False
) -> LoadedConfig:
    """`--config` wins, `--isolated` ignores files, otherwise search upwards from `start`."""
    if explicit is not None:
        return load_config(explicit)
    if isolated:
        return LoadedConfig(config=Config(), path=None)
    found = find_config(start)
    return load_config(found) if found else LoadedConfig(config=Config(), path=None)


def build_selection(loaded: LoadedConfig, known: list[str]) -> SelectionSpec:
    """Check every rule id in the configuration against the pack, then freeze the selection."""
    config = loaded.config
    where = loaded.where()

    def check(key: str, prefixes: list[str]) -> None:
        for prefix in prefixes:
            if not any(rule_id.startswith(prefix) for rule_id in known):
                origin = (f"option --{key}" if prefix in loaded.cli.prefixes(key)
                          else f"{where}: key `{key}`")  # fmt: skip
                raise ConfigError(f"{origin}: {prefix!r} matches no rule")

    check("select", config.select)
    check("extend-select", config.extend_select)
    check("ignore", config.ignore)
    check("severity", list(config.severity))
    for glob, prefixes in config.per_file_ignores.items():
        check(f"per-file-ignores.{glob}", prefixes)
    for number, waiver in enumerate(config.waivers):
        check(f"waivers[{number}].rule", [waiver.rule])
    severities: dict[str, str] = {}
    # The most specific prefix sets the severity: "GL9" = "warning" but GL904 = "info".
    for prefix, level in sorted(config.severity.items(), key=lambda item: len(item[0])):
        for rule_id in known:
            if rule_id.startswith(prefix):
                severities[rule_id] = level.value
    return SelectionSpec(
        select=tuple(config.select + config.extend_select),
        ignore=tuple(config.ignore),
        severities=tuple(sorted(severities.items())),
        per_file_ignores=tuple((g, tuple(p)) for g, p in config.per_file_ignores.items()),
        judge_all=config.judge_all,
        jurisdiction=None if config.jurisdiction == AUTO else config.jurisdiction,
    )
