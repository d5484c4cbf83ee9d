"""`gaplint report`: a self-contained HTML (or CSV) report for one policy or a portfolio.

Documents are checked by the same batch `gaplint check` runs (configuration, waivers,
cache), or read from a saved `gaplint check --format json`, so the HTML shows exactly the
Report the JSON holds. Registered lazily by gaplint.cli as the `report` command.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from gaplint.cli_options import (
    batch_options,
    echo_input_errors,
    fail,
    format_option,
    no_documents_message,
    override_options,
    write_output,
)
from gaplint.config import Overrides
from gaplint.neutralise import terminal
from gaplint.report import DocumentReport, Report
from gaplint.reporters import RenderContext, formats_for, render_chunks
from gaplint.spool import DocumentSpool


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
    return result.streamed, RenderContext(pack=result.pack, root=result.root)


def _saved(
    from_files: tuple[str, ...], config: str | None, isolated: bool, changes: Overrides
) -> tuple[Report, DocumentSpool, RenderContext]:
    from gaplint import __version__
    from gaplint.config import resolve_config
    from gaplint.merge import load_saved
    from gaplint.paths import repo_root
    from gaplint.report import RulePackInfo, ToolInfo
    from gaplint.rules import load_pack

    # The rule wording (recommendations, example clauses) comes from the current rules.
    loaded = changes.apply(resolve_config(Path.cwd(), Path(config) if config else None, isolated))
    pack = load_pack(loaded.rule_dirs())
    current = ToolInfo(
        version=__version__,
        rules=["builtin", *loaded.config.rules],
        rule_pack=RulePackInfo(digest=pack.digest, files=[Path(s).name for s in pack.sources]),
    )
    saved = load_saved(from_files, current)
    return saved.header, saved.documents, RenderContext(pack=pack, root=repo_root(Path.cwd()))


@click.command(name="report")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=str))
@click.option(
    "--from",
    "from_files",
    multiple=True,
    type=click.Path(exists=True, path_type=str),
    help="Build the report from saved `gaplint check --format json` or `jsonl` output; "
    "repeat it (or name a folder of them) to merge shards.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the report to FILE (default: standard output).",
)
@format_option(
    (*formats_for("report"), *formats_for("check")),
    "html",
    "Output format (html and csv here; the others as `gaplint check` writes them).",
)
@batch_options
@override_options("set_name", "ocr")
def report_command(
    paths: tuple[str, ...],
    from_files: tuple[str, ...],
    output: str | None,
    fmt: str,
    config_file: str | None,
    isolated: bool,
    no_cache: bool,
    jobs: int,
    absolute_paths: bool,
    overrides: Overrides,
) -> None:
    """Write a self-contained HTML (or CSV) report for policy documents.

    PATHS are files or folders (searched recursively for pdf, docx, md, markdown, txt, html,
    htm, php and aspx files). With --from, the report is built from saved results of
    `gaplint check --format json` (or `jsonl`) instead; several are merged into one report
    (the shards of `gaplint check --shard K/N`). Exit status: 0 written, 2 usage or input
    errors.
    """
    if from_files and paths:
        raise click.UsageError("give either PATHS or --from, not both")
    if not from_files and not paths:
        raise click.UsageError("give documents or folders, or --from results.json")
    if from_files and absolute_paths:
        # A saved report's paths are relative to where it was checked, not to here.
        raise click.UsageError("--absolute-paths applies to checking PATHS, not to --from")
    documents: Sequence[DocumentReport] | DocumentSpool
    if from_files:
        header, documents, context = _saved(from_files, config_file, isolated, overrides)
    else:
        report, context = _checked(
            paths, config_file, isolated, not no_cache, jobs, overrides, absolute_paths
        )
        header, documents = report, report.documents
    count = len(documents)
    if not count:
        fail(no_documents_message(paths) if paths else f"no documents in {', '.join(from_files)}")
    echo_input_errors(documents)
    write_output(render_chunks(fmt, header, documents, context), output)
    if output is None:
        return
    click.echo(
        f"gaplint: wrote {fmt.upper()} for {count} document(s) to {output}",
        err=True,
    )
