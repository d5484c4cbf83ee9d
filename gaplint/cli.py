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
