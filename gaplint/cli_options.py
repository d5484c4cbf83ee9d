"""What the commands share: the batch options, the one-line error exit, output and errors.

Only click is imported here, so `gaplint --help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar, get_args

import click

from gaplint.completion import complete_rule_ids
from gaplint.neutralise import error_line, terminal

if TYPE_CHECKING:
    from gaplint.report import DocumentReport

F = TypeVar("F", bound=Callable[..., Any])

OUTPUT_FORMAT_ENV = "GAPLINT_OUTPUT_FORMAT"
# As gaplint.config.JURISDICTIONS (a test holds them equal); written out so --help stays fast.
JURISDICTION_CHOICES = ("auto", "us", "uk", "ca", "au", "nz", "generic")


def fail(message: str) -> NoReturn:
    """A usage, configuration, rule or baseline mistake: one line, exit status 2."""
    click.echo(f"gaplint: error: {terminal(message)}", err=True)
    sys.exit(2)


def no_documents_message(paths: tuple[str, ...]) -> str:
    """Exit 2 rather than pass: in CI an empty folder or a glob that matched nothing is
    almost always a mistake, and exit 0 would hide it (ruff only warns)."""
    from gaplint.discover import DEFAULT_INCLUDE

    shown = ", ".join(paths)
    kinds = " ".join(DEFAULT_INCLUDE)
    return f"no documents found in {shown} (folders are searched for {kinds} or `include`'s globs)"


def _apply(function: F, options: tuple[Callable[[F], F], ...]) -> F:
    for option in reversed(options):
        function = option(function)
    return function


_CONFIG_OPTIONS = (
    click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, exists=True),
        help="Use this configuration file instead of searching for one.",
    ),
    click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
)


def config_options(function: F) -> F:
    """--config and --isolated, for every command that reads the configuration."""
    return _apply(function, _CONFIG_OPTIONS)


# diff and draft cache only the rule pack, and never inside a git work tree (cache_location).
PACK_NO_CACHE_HELP = "Compile the rule pack in memory: neither read nor write the cache."
PACK_CACHE_DIR_HELP = (
    "Cache folder for the compiled rule pack; one inside a git work tree is never written "
    "(the user's cache folder is used instead)."
)


def no_cache_option(help: str = "Neither read nor write cached results.") -> Callable[[F], F]:
    return click.option("--no-cache", is_flag=True, help=help)


def cache_dir_option(help: str = "Cache folder.") -> Callable[[F], F]:
    return click.option("--cache-dir", type=click.Path(file_okay=False), help=help)


def batch_options(function: F) -> F:
    """The configuration options, --no-cache, -j and --absolute-paths, declared once for every
    batch command."""
    return _apply(
        function,
        (
            *_CONFIG_OPTIONS,
            no_cache_option(),
            click.option(
                "-j",
                "--jobs",
                type=click.IntRange(min=0),
                default=1,
                show_default=True,
                help="Documents checked in parallel (0: one per CPU).",
            ),
            click.option(
                "--absolute-paths",
                is_flag=True,
                help="Show absolute paths, not paths relative to the working folder.",
            ),
        ),
    )


def format_option(
    choices: Sequence[str], default: str | None, help: str, envvar: str | None = None
) -> Callable[[F], F]:
    """--format, with ruff's and Vale's name --output-format as an alias."""
    return click.option(
        "--format",
        "--output-format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=default is not None,
        envvar=envvar,
        show_envvar=envvar is not None,
        help=help,
    )


OptionalOverride = Literal["set_name", "fail_on", "min_coverage", "ocr"]
"""The override options only some commands take; every one takes the others."""
OVERRIDES_PARAM = "overrides"
"""The one parameter through which a command receives its Overrides."""
OCR_HELP = 'Read scanned PDF pages (no text layer) by OCR with Tesseract (as `ocr = "auto"`).'


def _same(value: Any) -> Any:
    return value


def _split_prefixes(value: tuple[str, ...]) -> tuple[str, ...]:
    # Repeated or comma-separated, as ruff takes them: --select GL5,GL6 --select GL9.
    return tuple(part.strip() for item in value for part in item.split(",") if part.strip())


def _ocr_mode(value: bool | None) -> str | None:
    return None if value is None else ("auto" if value else "off")


def _into_overrides(field: str, convert: Callable[[Any], Any]) -> Callable[..., Any]:
    """A callback that writes its option's value into the command's one Overrides."""

    def store(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        if ctx.resilient_parsing:  # shell completion: nothing will run
            return value
        from gaplint.config import Overrides

        current = ctx.params.get(OVERRIDES_PARAM) or Overrides()
        ctx.params[OVERRIDES_PARAM] = replace(current, **{field: convert(value)})
        return value

    return store


def _override(
    declarations: list[str], field: str, convert: Callable[[Any], Any] = _same, **attrs: Any
) -> click.Option:
    return click.Option(
        declarations, expose_value=False, callback=_into_overrides(field, convert), **attrs
    )


def _prefix_override(name: str, field: str, help: str) -> click.Option:
    return _override(
        [name],
        field,
        _split_prefixes,
        multiple=True,
        metavar="PREFIXES",
        help=help,
        shell_complete=complete_rule_ids,
    )


def _override_options() -> dict[str, click.Option]:
    """Every option that changes the configuration for one run, by its Overrides field, in
    the order --help lists them. New ones for each command: click keeps state in them."""
    return {
        "select": _prefix_override(
            "--select", "select", "Only these rule prefixes (GL5, GL502), not the config's."
        ),
        "extend_select": _prefix_override(
            "--extend-select", "extend_select", "Add these rule prefixes to the selection."
        ),
        "ignore": _prefix_override(
            "--ignore", "ignore", "Leave out these rule prefixes (the longer prefix wins)."
        ),
        "jurisdiction": _override(
            ["--jurisdiction"],
            "jurisdiction",
            type=click.Choice(JURISDICTION_CHOICES),
            help="Whose laws the recommendations follow (default: detected from each "
            "document; overrides configuration).",
        ),
        "rules": _override(
            ["--rules", "rule_dirs"],
            "rules",
            multiple=True,
            type=click.Path(exists=True, file_okay=False, path_type=Path),
            metavar="DIR",
            help="A folder of extra rule files, added to the built-in checklist.",
        ),
        "set_name": _override(
            ["--set", "set_name"],
            "set_name",
            metavar="NAME",
            help="Judge the documents given as one policy set called NAME: a sub-point is "
            "covered when any of them covers it (as [[tool.gaplint.sets]] does).",
        ),
        "fail_on": _override(
            ["--fail-on"],
            "fail_on",
            type=click.Choice(["error", "warning", "info", "never"]),
            help="Lowest severity that fails the run (overrides configuration).",
        ),
        "min_coverage": _override(
            ["--min-coverage"],
            "min_coverage",
            type=click.FloatRange(0, 1),
            metavar="FRACTION",
            help="Fail a document covering less than this share of sub-points (0.6 = 60%).",
        ),
        "ocr": _override(["--ocr/--no-ocr"], "ocr", _ocr_mode, default=None, help=OCR_HELP),
    }


OVERRIDE_FIELDS = tuple(_override_options())
"""The Overrides fields the command line sets, in --help order."""
SHARED_OVERRIDES: tuple[str, ...] = tuple(
    name for name in OVERRIDE_FIELDS if name not in get_args(OptionalOverride)
)
"""The fields every command that takes overrides has an option for."""


def override_options(
    *optional: OptionalOverride, listed_after: Mapping[str, str] | None = None
) -> Callable[[F], F]:
    """The options that change the configuration for one run (--select, --extend-select,
    --ignore, --jurisdiction, --rules, and those of `optional` the command takes), given to
    the command as one `overrides: Overrides`: a new option is added here, once.

    They are listed in --help where the decorator stands, except those `listed_after`
    names: each after the parameter called there, which must be declared below.
    """
    placed = dict(listed_after or {})
    wanted = [name for name in OVERRIDE_FIELDS if name in SHARED_OVERRIDES or name in optional]
    misplaced = set(placed) - set(wanted)
    if misplaced:
        raise ValueError(f"listed_after names options not taken: {sorted(misplaced)}")

    def decorator(function: F) -> F:
        options = _override_options()
        # click's own list, which it shows in reverse: the last decorator's option first.
        params: list[click.Parameter] = getattr(function, "__click_params__", [])
        for name in reversed([name for name in wanted if name not in placed]):
            params.append(options[name])
        for name in (name for name in wanted if name in placed):
            anchor = next((i for i, p in enumerate(params) if p.name == placed[name]), None)
            if anchor is None:
                raise ValueError(f"no parameter {placed[name]!r} declared to list {name} after")
            params.insert(anchor, options[name])
        function.__click_params__ = params  # type: ignore[attr-defined]
        return function

    return decorator


def ocr_option(function: F) -> F:
    """--ocr / --no-ocr as a plain `ocr` parameter, for a command without overrides."""
    return click.option("--ocr/--no-ocr", default=None, help=OCR_HELP)(function)


def echo_input_errors(documents: Iterable[DocumentReport]) -> None:
    """One `PATH: error[CODE]: message` line on standard error per unreadable document."""
    for doc in documents:
        if doc.error is not None:
            click.echo(error_line(doc.path, doc.error.code, doc.error.message), err=True)


def write_output(text: str | Iterable[str], output: str | None, color: bool = False) -> None:
    """The report on standard output as it comes, or written to `output` (never half a
    file: a temporary file replaces it at the end; a device or a FIFO is written into)."""
    if output is None:
        for piece in [text] if isinstance(text, str) else text:
            click.echo(piece, nl=False, color=color)
        return
    from gaplint.paths import write_named_text

    write_named_text(Path(output), text)
