"""`gaplint report`: a self-contained HTML (or CSV) report for one policy or a portfolio.

Documents are checked by the same batch `gaplint check` runs (configuration, waivers,
cache), or read from a saved `gaplint check --format json`, so the HTML shows exactly the
Report the JSON holds. Registered lazily by gaplint.cli as the `report` command.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
from pydantic import ValidationError

from gaplint.catalog import Catalog
from gaplint.cli_options import batch_options
from gaplint.neutralise import error_line, terminal
from gaplint.report import Report

T = TypeVar("T")


def load_report(path: str | Path) -> Report:
    """A saved `gaplint check --format json` result; bad input is a click error (exit 2)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise click.FileError(str(path), hint=str(error)) from None
    try:
        return Report.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise click.BadParameter(
            f"{path} is not a gaplint JSON report ({error.error_count()} problem(s); "
            f"first at {where}: {first['msg']})",
            param_hint="'--from'",
        ) from None


def _user_errors(action: Callable[[], T]) -> T:
    """Configuration, rule and baseline mistakes become one line and exit status 2."""
    from gaplint.baseline import BaselineError
    from gaplint.config import ConfigError
    from gaplint.rules import RuleError

    try:
        return action()
    except (ConfigError, RuleError, BaselineError) as error:
        click.echo(f"gaplint: error: {terminal(str(error))}", err=True)
        sys.exit(2)


def _checked(
    paths: tuple[str, ...], config: str | None, isolated: bool, use_cache: bool, jobs: int
) -> tuple[Report, Catalog]:
    from gaplint.run import RunOptions, execute

    options = RunOptions(
        paths=paths,
        config=Path(config) if config else None,
        isolated=isolated,
        use_cache=use_cache,
        jobs=jobs,
        progress=sys.stderr.isatty(),
    )
    result = execute(options)
    for note in result.notes:
        click.echo(f"gaplint: {terminal(note)}", err=True)
    return result.report, result.catalog


def _saved(from_json: str, config: str | None, isolated: bool) -> tuple[Report, Catalog]:
    from gaplint.catalog import load_catalog
    from gaplint.config import resolve_config

    # The rule wording (recommendations, example clauses) comes from the current rules.
    loaded = resolve_config(Path.cwd(), Path(config) if config else None, isolated)
    return load_report(from_json), load_catalog(loaded.rule_dirs())


def render_report(report: Report, catalog: Catalog, fmt: str) -> str:
    if fmt == "csv":
        from gaplint.reporters.csv_ import render_csv

        return render_csv(report)
    from gaplint.reporters.html import render

    return render(report, catalog)


@click.command(name="report")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=str))
@click.option(
    "--from",
    "from_json",
    type=click.Path(exists=True, dir_okay=False, path_type=str),
    help="Build the report from a saved `gaplint check --format json` output.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the report to FILE (default: standard output).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["html", "csv"]), default="html", show_default=True
)
@batch_options
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Documents checked in parallel.",
)
def report_command(
    paths: tuple[str, ...],
    from_json: str | None,
    output: str | None,
    fmt: str,
    config_file: str | None,
    isolated: bool,
    no_cache: bool,
    jobs: int,
) -> None:
    """Write a self-contained HTML (or CSV) report for policy documents.

    PATHS are files or folders (searched recursively for pdf, docx, md, markdown, txt, html,
    htm, php and aspx files). With --from, the report is built from a saved JSON result of
    `gaplint check --format json` instead. Exit status: 0 written, 2 usage or input errors.
    """
    if from_json and paths:
        raise click.UsageError("give either PATHS or --from, not both")
    if not from_json and not paths:
        raise click.UsageError("give documents or folders, or --from results.json")
    if from_json:
        report, catalog = _user_errors(lambda: _saved(from_json, config_file, isolated))
    else:
        report, catalog = _user_errors(
            lambda: _checked(paths, config_file, isolated, not no_cache, jobs)
        )
    if not report.documents:
        click.echo("gaplint: error: no documents found to report on", err=True)
        sys.exit(2)
    for doc in report.documents:
        if doc.error is not None:
            click.echo(error_line(doc.path, doc.error.code, doc.error.message), err=True)
    text = render_report(report, catalog, fmt)
    if output is None:
        click.echo(text, nl=False)
        return
    from gaplint.baseline import atomic_write

    atomic_write(Path(output), text)
    click.echo(
        f"gaplint: wrote {fmt.upper()} for {len(report.documents)} document(s) to {output}",
        err=True,
    )
