"""`gaplint report`: a self-contained HTML (or CSV) report for one policy or a portfolio.

Documents are checked by the same batch `gaplint check` runs (configuration, waivers,
cache), or read from a saved `gaplint check --format json`, so the HTML shows exactly the
Report the JSON holds. Registered lazily by gaplint.cli as the `report` command.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from pydantic import ValidationError

from gaplint.cli_options import (
    batch_options,
    echo_input_errors,
    fail,
    format_option,
    no_documents_message,
    overrides,
    selection_options,
    write_output,
)
from gaplint.config import Overrides
from gaplint.neutralise import terminal
from gaplint.report import Report
from gaplint.reporters import RenderContext, formats_for, render


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


def _checked(
    paths: tuple[str, ...],
    config: str | None,
    isolated: bool,
    use_cache: bool,
    jobs: int,
    changes: Overrides,
    absolute_paths: bool,
) -> tuple[Report, RenderContext]:
    from gaplint.run import RunOptions, execute

    options = RunOptions(
        paths=paths,
        config=Path(config) if config else None,
        isolated=isolated,
        use_cache=use_cache,
        jobs=jobs,
        overrides=changes,
        progress=sys.stderr.isatty(),
        absolute_paths=absolute_paths,
    )
    result = execute(options)
    for note in result.notes:
        click.echo(f"gaplint: {terminal(note)}", err=True)
    return result.report, RenderContext(pack=result.pack, root=result.root)


def _saved(
    from_json: str, config: str | None, isolated: bool, changes: Overrides
) -> tuple[Report, RenderContext]:
    from gaplint.config import resolve_config
    from gaplint.paths import repo_root
    from gaplint.rules import load_pack

    # The rule wording (recommendations, example clauses) comes from the current rules.
    loaded = changes.apply(resolve_config(Path.cwd(), Path(config) if config else None, isolated))
    context = RenderContext(pack=load_pack(loaded.rule_dirs()), root=repo_root(Path.cwd()))
    return load_report(from_json), context


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
@format_option(formats_for("report"), "html", "Output format.")
@batch_options
@selection_options
def report_command(
    paths: tuple[str, ...],
    from_json: str | None,
    output: str | None,
    fmt: str,
    config_file: str | None,
    isolated: bool,
    no_cache: bool,
    jobs: int,
    absolute_paths: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    rule_dirs: tuple[Path, ...],
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
    if from_json and absolute_paths:
        # A saved report's paths are relative to where it was checked, not to here.
        raise click.UsageError("--absolute-paths applies to checking PATHS, not to --from")
    changes = overrides(select, extend_select, ignore, rule_dirs)
    if from_json:
        report, context = _saved(from_json, config_file, isolated, changes)
    else:
        report, context = _checked(
            paths, config_file, isolated, not no_cache, jobs, changes, absolute_paths
        )
    if not report.documents:
        fail(no_documents_message(paths) if paths else f"{from_json} holds no documents")
    echo_input_errors(report.documents)
    write_output(render(fmt, report, context), output)
    if output is None:
        return
    click.echo(
        f"gaplint: wrote {fmt.upper()} for {len(report.documents)} document(s) to {output}",
        err=True,
    )
