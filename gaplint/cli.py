"""Command line: parse options, call the library, choose a reporter. No logic beyond that."""

from __future__ import annotations

import sys

import click

from gaplint import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gaplint")
def main() -> None:
    """Find gaps in government social media policies (CTG's eight essential elements)."""


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
            click.echo(error.line(), err=True)
            status = 2
            continue
        click.echo(render_extract(document, fmt))
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
