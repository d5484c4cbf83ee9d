"""Command line: parse options, call gaplint.run, choose a reporter. No logic beyond that.

Only click is imported at start-up; each command imports what it needs, so `--help` and
`--version` stay fast and a cached `check` never loads spaCy.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any, NoReturn

import click

from gaplint import __version__
from gaplint.cli_options import batch_options
from gaplint.neutralise import error_line, terminal

FORMATS = ("text", "json", "jsonl", "sarif", "github", "concise", "markdown")
# Commands defined elsewhere, imported only when run: name -> (module, attribute, help).
LAZY_COMMANDS = {
    "report": (
        "gaplint.report_cli",
        "report_command",
        "Write a self-contained HTML (or CSV) report for documents or saved JSON.",
    ),
}


class _Group(click.Group):
    """A group whose heavier commands are imported on use, not to print --help."""

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


def _fail(message: str) -> NoReturn:
    click.echo(f"gaplint: error: {terminal(message)}", err=True)
    sys.exit(2)


def _user_errors(action: Callable[[], Any]) -> Any:
    """Run `action`, turning configuration, rule and baseline mistakes into one line, exit 2."""
    from gaplint.baseline import BaselineError
    from gaplint.catalog import CatalogError
    from gaplint.config import ConfigError

    expected: tuple[type[Exception], ...] = (ConfigError, CatalogError, BaselineError)
    try:
        return action()
    except Exception as error:
        # RuleError can only come from gaplint.rules, which is imported on a cache miss only;
        # importing it here just to name the class would cost half a second.
        rules = sys.modules.get("gaplint.rules")
        if rules is not None:
            expected += (rules.RuleError,)
        if isinstance(error, expected):
            _fail(str(error))
        raise


def _use_color(output: str | None) -> bool:
    # https://no-color.org and https://force-color.org
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return output is None and sys.stdout.isatty()


def _write(text: str, output: str | None, color: bool) -> None:
    if output is None:
        click.echo(text, nl=False, color=color)
        return
    from gaplint.baseline import atomic_write

    atomic_write(Path(output), text)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gaplint")
def main() -> None:
    """Find gaps in government social media policies (CTG's eight essential elements)."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format [default: text; github when GITHUB_ACTIONS is set].",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@batch_options
@click.option("--stdin-filename", help="Name (and type hint) for a document read from '-'.")
@click.option("--show-evidence", is_flag=True, help="Quote the sentence behind each covered point.")
@click.option("-q", "--quiet", is_flag=True, help="Only gaps and the summary.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    help="Lowest severity that fails the run (overrides configuration).",
)
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Cache folder.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Documents checked in parallel (0: one per CPU).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Only gaps not recorded in this baseline file fail.",
)
@click.option(
    "--write-baseline", type=click.Path(dir_okay=False), help="Record today's gaps in this file."
)
def check(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    config_file: str | None,
    isolated: bool,
    stdin_filename: str | None,
    show_evidence: bool,
    quiet: bool,
    fail_on: str | None,
    cache_dir: str | None,
    no_cache: bool,
    jobs: int,
    baseline: str | None,
    write_baseline: str | None,
) -> None:
    """Check policy documents (files, folders, or '-' for standard input) for gaps.

    Exit status: 0 no gap reaches fail-on, 1 some gap does, 2 usage, configuration or input
    errors.
    """
    from gaplint.reporters import RenderContext, render
    from gaplint.run import RunOptions, execute

    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") else "text")
    options = RunOptions(
        paths=paths,
        config=Path(config_file) if config_file else None,
        isolated=isolated,
        stdin_filename=stdin_filename,
        cache_dir=Path(cache_dir) if cache_dir else None,
        use_cache=not no_cache,
        jobs=jobs or (os.cpu_count() or 1),
        baseline=Path(baseline) if baseline else None,
        write_baseline=Path(write_baseline) if write_baseline else None,
        fail_on=fail_on,
        progress=sys.stderr.isatty(),
    )
    result = _user_errors(lambda: execute(options))
    color = fmt == "text" and _use_color(output)
    context = RenderContext(
        catalog=result.catalog,
        root=result.root,
        color=color,
        show_evidence=show_evidence,
        quiet=quiet,
    )
    if fmt != "text":
        # Machine formats keep standard output clean; people still see what could not be read.
        for doc in result.report.documents:
            if doc.error is not None:
                click.echo(error_line(doc.path, doc.error.code, doc.error.message), err=True)
    _write(render(fmt, result.report, context), output, color)
    for note in result.notes:
        click.echo(f"gaplint: {terminal(note)}", err=True)
    sys.exit(result.exit_code)


def _catalog_and_severities(config_file: str | None, isolated: bool) -> tuple[Any, dict[str, str]]:
    from gaplint.catalog import load_catalog
    from gaplint.config import build_selection, resolve_config

    def load() -> tuple[Any, dict[str, str]]:
        loaded = resolve_config(Path.cwd(), Path(config_file) if config_file else None, isolated)
        catalog = load_catalog(loaded.rule_dirs())
        spec = build_selection(loaded, catalog.ids())
        return catalog, dict(spec.severities)

    result: tuple[Any, dict[str, str]] = _user_errors(load)
    return result


@main.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True))
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def rules_command(fmt: str, config_file: str | None, isolated: bool) -> None:
    """List every rule: id, severity and title (elements and their sub-points)."""
    import json

    catalog, severities = _catalog_and_severities(config_file, isolated)
    rows = [
        {
            "id": info.id,
            "kind": "element" if info.id == info.element else "subpoint",
            "element": info.element,
            "name": info.name,
            "title": info.title,
            "severity": severities.get(info.id, info.severity),
        }
        for info in catalog.rules()
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        indent = "" if row["kind"] == "element" else "  "
        click.echo(f"{indent}{row['id']:<{8 - len(indent)}} {row['severity']:<8} {row['title']}")


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True))
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def explain(rule_id: str, config_file: str | None, isolated: bool) -> None:
    """Explain a rule: why it matters, what to write, and an example clause."""
    catalog, severities = _catalog_and_severities(config_file, isolated)
    rule_id = rule_id.upper()
    info = catalog.get(rule_id)
    if info is None:
        _fail(f"unknown rule {rule_id!r}; `gaplint rules` lists them")
    severity = severities.get(info.id, info.severity)
    lines = [f"{info.id} {info.name} ({severity})", "", info.title, ""]
    element = next((e for e in catalog.elements if e.id == rule_id), None)
    if element is not None:
        if element.summary:
            lines += [element.summary, ""]
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
def schema() -> None:
    """Print the JSON Schema of `gaplint check --format json`."""
    from gaplint.schema import render_schema

    click.echo(render_schema(), nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """Show the blocks gaplint reads from each file, with page and section."""
    from gaplint.errors import InputError
    from gaplint.extract import render_extract
    from gaplint.readers import read_document

    status = 0
    for path in paths:
        try:
            document = read_document(path)
        except InputError as error:
            click.echo(error_line(error.path, error.code.value, error.message), err=True)
            status = 2
            continue
        shown = render_extract(document, fmt)
        if fmt == "text":  # document text reaches the terminal: one inert line per line
            shown = "\n".join(terminal(line) for line in shown.split("\n"))
        click.echo(shown)
    sys.exit(status)


@main.command(name="eval")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, file_okay=False))
@click.option("--model", default=None, help="an installed trained spaCy pipeline to use")
def eval_command(folder: str, fmt: str, rule_dirs: tuple[str, ...], model: str | None) -> None:
    """Score gaplint against the gold files in FOLDER (precision, recall, F1 of gaps)."""
    from pathlib import Path

    from gaplint.api import Checker
    from gaplint.evaluate import evaluate, render_eval

    result = evaluate(Path(folder), Checker(rule_dirs, model))
    click.echo(result.model_dump_json(indent=2) if fmt == "json" else render_eval(result))
