"""What the commands share: the batch options, the one-line error exit, output and errors.

Only click is imported here, so `gaplint --help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from gaplint.completion import complete_rule_ids
from gaplint.neutralise import error_line, terminal

if TYPE_CHECKING:
    from gaplint.config import Overrides
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


def batch_options(function: F) -> F:
    """The configuration options, --no-cache, -j and --absolute-paths, declared once for every
    batch command."""
    return _apply(
        function,
        (
            *_CONFIG_OPTIONS,
            click.option("--no-cache", is_flag=True, help="Neither read nor write cached results."),
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


set_option = click.option(
    "--set",
    "set_name",
    metavar="NAME",
    help="Judge the documents given as one policy set called NAME: a sub-point is covered "
    "when any of them covers it (as [[tool.gaplint.sets]] does).",
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


def _prefixes(
    _ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...]:
    # Repeated or comma-separated, as ruff takes them: --select GL5,GL6 --select GL9.
    return tuple(part.strip() for item in value for part in item.split(",") if part.strip())


def _prefix_option(name: str, help: str) -> Callable[[F], F]:
    return click.option(
        name,
        multiple=True,
        callback=_prefixes,
        metavar="PREFIXES",
        help=help,
        shell_complete=complete_rule_ids,
    )


def selection_options(function: F) -> F:
    """--select, --extend-select, --ignore, --jurisdiction and --rules, for every batch
    command."""
    return _apply(
        function,
        (
            _prefix_option("--select", "Only these rule prefixes (GL5, GL502), not the config's."),
            _prefix_option("--extend-select", "Add these rule prefixes to the selection."),
            _prefix_option("--ignore", "Leave out these rule prefixes (the longer prefix wins)."),
            click.option(
                "--jurisdiction",
                type=click.Choice(JURISDICTION_CHOICES),
                help="Whose laws the recommendations follow (default: detected from each "
                "document; overrides configuration).",
            ),
            click.option(
                "--rules",
                "rule_dirs",
                multiple=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path),
                metavar="DIR",
                help="A folder of extra rule files, added to the built-in checklist.",
            ),
        ),
    )


def overrides(
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    rule_dirs: tuple[Path, ...],
    fail_on: str | None = None,
    min_coverage: float | None = None,
    jurisdiction: str | None = None,
    set_name: str | None = None,
    ocr: bool | None = None,
) -> Overrides:
    """The command line's changes to the configuration, from the options above."""
    from gaplint.config import Overrides

    return Overrides(
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        rules=rule_dirs,
        fail_on=fail_on,  # type: ignore[arg-type]  # click.Choice checked it
        min_coverage=min_coverage,
        jurisdiction=jurisdiction,
        set_name=set_name,
        ocr=None if ocr is None else ("auto" if ocr else "off"),
    )


def ocr_option(function: F) -> F:
    """--ocr / --no-ocr: the configuration's `ocr` key for one run."""
    return click.option(
        "--ocr/--no-ocr",
        default=None,
        help='Read scanned PDF pages (no text layer) by OCR with Tesseract (as `ocr = "auto"`).',
    )(function)


def echo_input_errors(documents: Iterable[DocumentReport]) -> None:
    """One `PATH: error[CODE]: message` line on standard error per unreadable document."""
    for doc in documents:
        if doc.error is not None:
            click.echo(error_line(doc.path, doc.error.code, doc.error.message), err=True)


def write_output(text: str | Iterable[str], output: str | None, color: bool = False) -> None:
    """The report on standard output as it comes, or written to `output` (never half a
    file: a temporary file replaces it at the end)."""
    if output is None:
        for piece in [text] if isinstance(text, str) else text:
            click.echo(piece, nl=False, color=color)
        return
    from gaplint.paths import atomic_write

    atomic_write(Path(output), text)
