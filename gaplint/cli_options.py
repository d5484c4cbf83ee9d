"""What the commands share: the batch options, the one-line error exit, output and errors.

Only click is imported here, so `gaplint --help` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from gaplint.neutralise import error_line, terminal

if TYPE_CHECKING:
    from gaplint.report import Report

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    """A usage, configuration, rule or baseline mistake: one line, exit status 2."""
    click.echo(f"gaplint: error: {terminal(message)}", err=True)
    sys.exit(2)


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
    """The configuration options, --no-cache and -j, declared once for every batch command."""
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
        ),
    )


def echo_input_errors(report: Report) -> None:
    """One `PATH: error[CODE]: message` line on standard error per unreadable document."""
    for doc in report.documents:
        if doc.error is not None:
            click.echo(error_line(doc.path, doc.error.code, doc.error.message), err=True)


def write_output(text: str, output: str | None, color: bool = False) -> None:
    """The report on standard output, or written whole to `output` (never half a file)."""
    if output is None:
        click.echo(text, nl=False, color=color)
        return
    from gaplint.paths import atomic_write

    atomic_write(Path(output), text)
