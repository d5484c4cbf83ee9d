"""Command line: parse options, call gaplint.run, choose a reporter. No logic beyond that.

Only click is imported at start-up; each command imports what it needs, so `--help` and
`--version` stay fast and a cached `check` never loads spaCy.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from gaplint import __version__
from gaplint.cli_options import (
    JURISDICTION_CHOICES,
    OUTPUT_FORMAT_ENV,
    batch_options,
    cache_dir_option,
    config_options,
    echo_input_errors,
    fail,
    format_option,
    no_documents_message,
    ocr_option,
    override_options,
    write_output,
)
from gaplint.completion import complete_rule_ids
from gaplint.errors import UserError
from gaplint.neutralise import error_line, terminal
from gaplint.reporters import formats_for

if TYPE_CHECKING:
    from gaplint.config import Overrides
    from gaplint.rules import RulePack
    from gaplint.shard import Shard

# Commands defined elsewhere, imported only when run: name -> (module, attribute, help).
LAZY_COMMANDS = {
    "report": (
        "gaplint.report_cli",
        "report_command",
        "Write a self-contained HTML (or CSV) report for documents or saved JSON.",
    ),
    "serve": (
        "gaplint.serve.command",
        "serve_command",
        "Start a local web page to check uploaded policies.",
    ),
    "diff": (
        "gaplint.diff_cli",
        "diff_command",
        "Show the sub-points a new version of a policy gained and lost.",
    ),
    "draft": (
        "gaplint.draft_cli",
        "draft_command",
        "Draft a DOCX (or Markdown) addendum with a clause for every gap.",
    ),
}


class _Group(click.Group):
    """A group whose heavier commands are imported on use, not to print --help.

    It is also the one place where a user's mistake (configuration, rules, baseline) becomes
    one line and exit status 2, whichever command met it.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as error:
            fail(str(error))
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click's own ways out: usage errors, --help, ^C
        except BrokenPipeError:  # `gaplint check ... | head`: the reader has all it wants
            _quiet_stdout()
            sys.exit(2)
        except Exception as error:  # a bug outside any one document: still exit 2, never 1
            from gaplint.guard import internal_error_line

            click.echo(internal_error_line(error), err=True)
            sys.exit(2)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:
            module, attribute, _ = LAZY_COMMANDS[name]
            command: click.Command = getattr(import_module(module), attribute)
            return command
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY_COMMANDS:
                rows.append((name, LAZY_COMMANDS[name][2]))
                continue
            command = super().get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _quiet_stdout() -> None:
    # Python flushes stdout again at exit; on the closed pipe that would print a warning.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _use_color(output: str | None) -> bool:
    # https://no-color.org and https://force-color.org
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return output is None and sys.stdout.isatty()


def _shard(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Shard | None:
    from gaplint.shard import Shard

    try:
        return Shard.parse(value) if value is not None else None
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gaplint")
def main() -> None:
    """Find gaps in government social media policies (CTG's eight essential elements)."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@format_option(
    formats_for("check"),
    None,
    "Output format [default: text; github when GITHUB_ACTIONS is set].",
    envvar=OUTPUT_FORMAT_ENV,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@batch_options
@override_options(
    "set_name",
    "fail_on",
    "min_coverage",
    "ocr",
    # Where check has always listed them.
    listed_after={"fail_on": "statistics", "min_coverage": "fail_on", "ocr": "write_baseline"},
)
@click.option("--stdin-filename", help="Name (and type hint) for a document read from '-'.")
@click.option("--show-evidence", is_flag=True, help="Quote the sentence behind each covered point.")
@click.option(
    "-q",
    "--quiet",
    count=True,
    help="Only gaps and the summary; -qq only the summary (as --format summary).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Instead of the report, count the gaps per rule across all documents.",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when gaps fail the run (2 still means errors)."
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Skip named files that `include` does not match or `exclude` does (for pre-commit).",
)
@cache_dir_option()
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Only gaps not recorded in this baseline file fail.",
)
@click.option(
    "--write-baseline", type=click.Path(dir_okay=False), help="Record today's gaps in this file."
)
@click.option(
    "--shard",
    metavar="K/N",
    callback=_shard,
    help="Check only part K of N of the documents found (merge with `gaplint report --from`).",
)
def check(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    config_file: str | None,
    isolated: bool,
    no_cache: bool,
    jobs: int,
    absolute_paths: bool,
    overrides: Overrides,
    stdin_filename: str | None,
    show_evidence: bool,
    quiet: int,
    statistics: bool,
    exit_zero: bool,
    force_exclude: bool,
    cache_dir: str | None,
    baseline: str | None,
    write_baseline: str | None,
    shard: Shard | None,
) -> None:
    """Check policy documents (files, folders, or '-' for standard input) for gaps.

    Exit status: 0 no gap reaches fail-on, 1 some gap does (or a document is below
    min-coverage), 2 usage, configuration or input errors, or no documents found.
    """
    from gaplint.reporters import RenderContext, assemble, render_chunks
    from gaplint.run import Output, RunOptions, execute

    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") else "text")
    if quiet >= 2 and fmt == "text":
        fmt = "summary"
    color = fmt == "text" and _use_color(output)

    def context(pack: RulePack, root: Path) -> RenderContext:
        return RenderContext(
            pack=pack, root=root, color=color, show_evidence=show_evidence, quiet=quiet > 0
        )

    options = RunOptions(
        paths=paths,
        config=Path(config_file) if config_file else None,
        isolated=isolated,
        stdin_filename=stdin_filename,
        cache_dir=Path(cache_dir) if cache_dir else None,
        use_cache=not no_cache,
        jobs=jobs,
        baseline=Path(baseline) if baseline else None,
        write_baseline=Path(write_baseline) if write_baseline else None,
        overrides=overrides,
        progress=sys.stderr.isatty(),
        force_exclude=force_exclude,
        absolute_paths=absolute_paths,
        shard=shard,
        # Each document is rendered as it finishes; --statistics needs the reports instead.
        output=None if statistics else Output(fmt, context),
    )
    result = execute(options)
    if not result.count and not result.discovered:
        if force_exclude:  # pre-commit passed only files that are not policies: nothing to do
            sys.exit(0)
        fail(no_documents_message(paths))
    # Whatever the format, people (and scripts reading stderr) see what could not be read.
    echo_input_errors(result.failed)
    if statistics:
        from gaplint.statistics import gap_statistics, render_statistics

        write_output(render_statistics(gap_statistics(result.streamed, result.pack), fmt), output)
    elif result.rendered is not None and result.context is not None:
        write_output(assemble(fmt, result.header, result.rendered, result.context), output, color)
    else:
        assert result.documents is not None  # the batch keeps them for formats without pieces
        shown = context(result.pack, result.root)
        write_output(render_chunks(fmt, result.header, result.documents, shown), output, color)
    for note in result.notes:
        click.echo(f"gaplint: {terminal(note)}", err=True)
    sys.exit(0 if exit_zero and result.exit_code == 1 else result.exit_code)


def _pack_and_severities(
    config_file: str | None, isolated: bool
) -> tuple[RulePack, dict[str, str]]:
    from gaplint.config import build_selection, resolve_config
    from gaplint.rules import load_pack

    loaded = resolve_config(Path.cwd(), Path(config_file) if config_file else None, isolated)
    pack = load_pack(loaded.rule_dirs())
    spec = build_selection(loaded, pack.ids())
    return pack, dict(spec.severities)


@main.command(name="rules")
@format_option(["text", "json"], "text", "Output format.")
@config_options
def rules_command(fmt: str, config_file: str | None, isolated: bool) -> None:
    """List every rule: id, severity and title (elements and their sub-points)."""
    import json

    pack, severities = _pack_and_severities(config_file, isolated)
    rows = [
        {
            "id": info.id,
            "kind": "element" if info.id == info.element else "subpoint",
            "element": info.element,
            "name": info.name,
            "title": info.title,
            "severity": severities.get(info.id, info.severity),
        }
        for info in pack.rules()
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        indent = "" if row["kind"] == "element" else "  "
        click.echo(f"{indent}{row['id']:<{8 - len(indent)}} {row['severity']:<8} {row['title']}")


@main.command()
@click.argument("rule_id", metavar="RULE", shell_complete=complete_rule_ids)
@config_options
@click.option(
    "--jurisdiction",
    type=click.Choice(JURISDICTION_CHOICES[1:]),
    help="Word the advice for this jurisdiction's law (as its gaps are).",
)
def explain(
    rule_id: str, config_file: str | None, isolated: bool, jurisdiction: str | None
) -> None:
    """Explain a rule: why it matters, what to write, and an example clause."""
    pack, severities = _pack_and_severities(config_file, isolated)
    rule_id = rule_id.upper()
    info = pack.get(rule_id)
    if info is None:
        fail(f"unknown rule {rule_id!r}; `gaplint rules` lists them")
    if jurisdiction:
        found = next(((e, s) for e, s in pack.subpoints() if s.id == rule_id), None)
        if found is not None:
            info = found[1].localised(jurisdiction).info(found[0].id)
    severity = severities.get(info.id, info.severity)
    lines = [f"{info.id} {info.name} ({severity})", "", info.title, ""]
    element = next((e for e in pack.elements if e.id == rule_id), None)
    if element is not None:
        if element.summary.strip():
            lines += [element.summary.strip(), ""]
        lines.append("Sub-points:")
        lines += [f"  {s.id}  {s.title}" for s in element.subpoints]
        lines += ["", f"A whole element missing is reported as {info.id} ({severity})."]
    else:
        lines += [
            "Why it matters:", f"  {info.rationale}", "",
            "Recommendation:", f"  {info.recommendation}", "",
            "Example clause:", f"  {info.example_clause}",
        ]  # fmt: skip
    click.echo("\n".join(lines))


@main.command()
@click.argument("kind", type=click.Choice(["check", "diff"]), default="check")
def schema(kind: str) -> None:
    """Print the JSON Schema of `gaplint check --format json` (or of `gaplint diff`'s)."""
    from gaplint.schema import render_schema

    click.echo(render_schema(kind), nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@format_option(["text", "json"], "text", "Output format: text for people, json for tools.")
@ocr_option
def extract(paths: tuple[str, ...], fmt: str, ocr: bool | None) -> None:
    """Show the blocks gaplint reads from each file, with page and section (JSON: the
    document, or an array of them when several PATHS are given)."""
    from gaplint.document import Document
    from gaplint.errors import InputError
    from gaplint.extract import render_extract, render_extract_json
    from gaplint.readers import Limits, read_document

    status = 0
    limits = Limits(ocr="auto" if ocr else "off")
    read: list[Document] = []
    for path in paths:
        try:
            document = read_document(path, limits)
        except InputError as error:
            click.echo(error_line(error.path, error.code.value, error.message), err=True)
            status = 2
            continue
        if fmt == "json" and len(paths) > 1:
            read.append(document)
            continue
        shown = render_extract(document, fmt)
        if fmt == "text":  # document text reaches the terminal: one inert line per line
            shown = "\n".join(terminal(line) for line in shown.split("\n"))
        click.echo(shown)
    if fmt == "json" and len(paths) > 1:
        click.echo(render_extract_json(read))
    sys.exit(status)


@main.command(name="eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@format_option(["text", "json"], "text", "Output format.")
@click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    metavar="DIR",
    help="A folder of extra rule files, added to the built-in checklist.",
)
@click.option("--model", default=None, help="An installed trained spaCy pipeline to use.")
@click.option(
    "--set",
    "set_name",
    metavar="NAME",
    help="Also score the documents in PATHS as one policy set called NAME, against the union "
    "of their gold.",
)
@click.option(
    "--sets",
    "sets_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Also score the [[sets]] in FILE (name, paths: globs relative to FILE), as a "
    "folder's own sets.toml is.",
)
def eval_command(
    paths: tuple[str, ...],
    fmt: str,
    rule_dirs: tuple[str, ...],
    model: str | None,
    set_name: str | None,
    sets_file: Path | None,
) -> None:
    """Score gaplint against gold files: every one under each folder in PATHS, or a document's
    own NAME.gold.json (precision, recall, F1 of gaps; per element, sub-point and document).
    Policy sets (--set, --sets, a folder's sets.toml) are scored as one as well."""
    from gaplint.api import Checker
    from gaplint.evaluate import EvalSet, evaluate, read_sets_file, render_eval

    sets = read_sets_file(sets_file) if sets_file else []
    if set_name is not None:
        sets.append(EvalSet(set_name))
    result = evaluate([Path(p) for p in paths], Checker(rule_dirs, model), sets)
    click.echo(result.model_dump_json(indent=2) if fmt == "json" else render_eval(result))
