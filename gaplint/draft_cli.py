"""`gaplint draft POLICY -o addendum.docx`: an addendum drafting a clause for every gap.

Loaded only when the command runs (gaplint.cli's LAZY_COMMANDS).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gaplint.cli_options import (
    PACK_CACHE_DIR_HELP,
    PACK_NO_CACHE_HELP,
    cache_dir_option,
    config_options,
    no_cache_option,
    override_options,
)

if TYPE_CHECKING:
    from gaplint.config import Overrides


@click.command(name="draft")
@click.argument("path", type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The addendum to write: FILE.docx (Word) or FILE.md (Markdown).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md"]),
    help="Output format [default: from the file name].",
)
@click.option(
    "--agency",
    metavar="NAME",
    help='The agency\'s name in the clauses ("the City of Riverton"); by default read from '
    'the policy\'s title or first headings, else "the agency".',
)
@config_options
@override_options()
@no_cache_option(PACK_NO_CACHE_HELP)
@cache_dir_option(PACK_CACHE_DIR_HELP)
def draft_command(
    path: str,
    output: Path,
    fmt: str | None,
    agency: str | None,
    config_file: str | None,
    isolated: bool,
    overrides: Overrides,
    no_cache: bool,
    cache_dir: str | None,
) -> None:
    """Draft an addendum for legal review: the gaps by element and severity, then for each
    missing sub-point its recommendation and an example clause naming the agency.

    Exit status: 0 written, 2 when the policy could not be read or judged.
    """
    from gaplint.draft import write_addendum
    from gaplint.neutralise import error_line, terminal
    from gaplint.single_check import setup

    checks = setup(path, config_file, isolated, overrides, not no_cache, cache_dir)
    checked = checks.check_file(path)
    report = checked.report
    if report.error is not None:
        click.echo(error_line(report.path, report.error.code, report.error.message), err=True)
        sys.exit(2)
    if not report.judged:
        why = "; ".join(notice.message for notice in report.notices) or "it was not judged"
        click.echo(error_line(report.path, "not-judged", why), err=True)
        sys.exit(2)
    addendum = write_addendum(report, checks.pack, output, agency, fmt, checked.document)
    clauses = sum(len(section.clauses) for section in addendum.sections)
    click.echo(
        f"gaplint: wrote {terminal(str(output))}: {clauses} clause{'s' if clauses != 1 else ''} "
        f"in {len(addendum.sections)} section{'s' if len(addendum.sections) != 1 else ''} "
        f"for {terminal(addendum.agency)}",
        err=True,
    )
