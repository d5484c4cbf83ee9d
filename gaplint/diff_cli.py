"""`gaplint diff OLD NEW`, or `gaplint diff PATH... --rev REV`: what a new version changed.

Loaded only when the command runs (gaplint.cli's LAZY_COMMANDS).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gaplint.cli_options import (
    PACK_CACHE_DIR_HELP,
    PACK_NO_CACHE_HELP,
    cache_dir_option,
    config_options,
    format_option,
    no_cache_option,
    override_options,
    write_output,
)

if TYPE_CHECKING:
    from gaplint.config import Overrides
    from gaplint.diff_model import DiffReport, DocumentDiff
    from gaplint.readers import Limits
    from gaplint.single_check import Checked, Setup


@click.command(name="diff")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--rev",
    metavar="REV",
    help="Compare each PATH with its version in this git revision (HEAD~1, main, a tag).",
)
@format_option(["text", "json", "markdown"], "text", "Output format (markdown: a PR comment).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the diff to FILE.")
@click.option(
    "--fail-on-loss",
    is_flag=True,
    help="Exit 1 when the new version loses coverage of any sub-point.",
)
@click.option(
    "--added-ok",
    is_flag=True,
    help="With --rev, a PATH the revision does not have is new, not an error (pre-commit).",
)
@config_options
@override_options()
@no_cache_option(PACK_NO_CACHE_HELP)
@cache_dir_option(PACK_CACHE_DIR_HELP)
def diff_command(
    paths: tuple[str, ...],
    rev: str | None,
    fmt: str,
    output: str | None,
    fail_on_loss: bool,
    added_ok: bool,
    config_file: str | None,
    isolated: bool,
    overrides: Overrides,
    no_cache: bool,
    cache_dir: str | None,
) -> None:
    """Report the sub-points a new version gained and lost, and the sentences behind each.

    OLD NEW are two files; with --rev, each PATH is compared with its committed version
    (read with `git show`; the work tree is never touched). Exit status: 0, or 1 with
    --fail-on-loss when coverage was lost; 2 for input, git or usage errors.
    """
    from gaplint.diff import Version, compare
    from gaplint.diff_model import DiffReport, summarize_diffs
    from gaplint.report import generated_at
    from gaplint.reporters.diff import RENDERERS
    from gaplint.single_check import setup

    if rev is None and len(paths) != 2:
        raise click.UsageError("give two files, OLD NEW, or paths with --rev REV")
    checks = setup(paths[-1], config_file, isolated, overrides, not no_cache, cache_dir)
    diffs = []
    for old_name, load_old, new_path in _pairs(paths, rev, checks.checker.limits):
        old = _old_version(checks, old_name, load_old, new_path, added_ok)
        if old is None:
            diffs.append(_added(old_name, new_path))
            continue
        new = checks.check_file(new_path)
        diffs.append(
            compare(
                Version(old_name, old.report, old.document),
                Version(new_path, new.report, new.document),
            )
        )
    report = DiffReport(
        generated_at=generated_at(), tool=checks.tool, diffs=diffs, summary=summarize_diffs(diffs)
    )
    _echo_errors(report)
    write_output(RENDERERS[fmt](report), output)
    if report.summary.errors:
        sys.exit(2)
    sys.exit(1 if fail_on_loss and report.summary.lost else 0)


Loader = Callable[[], bytes]


def _pairs(
    paths: tuple[str, ...], rev: str | None, limits: Limits
) -> list[tuple[str, Loader, str]]:
    """(old version's name, how to read it, new file) for each comparison."""
    from gaplint.git_source import read_revision, shown_name
    from gaplint.readers import read_file_bytes

    if rev is None:
        old, new = paths
        return [(old, lambda: read_file_bytes(Path(old), limits), new)]

    def from_git(path: str, revision: str) -> Loader:
        return lambda: read_revision(path, revision, limits.max_bytes)

    return [(shown_name(path, rev), from_git(path, rev), path) for path in paths]


def _added(old_name: str, new_path: str) -> DocumentDiff:
    from gaplint.diff_model import DocumentDiff
    from gaplint.report import Notice

    message = f"new file: {old_name.split(':', 1)[0]} has no {new_path}; nothing to lose"
    return DocumentDiff(old=old_name, new=new_path, notices=[Notice(code="added", message=message)])


def _old_version(
    checks: Setup, name: str, load: Loader, new_path: str, added_ok: bool
) -> Checked | None:
    """The old version, judged with the new file's selection (its per-file-ignores); None
    for a file the revision lacks when that is allowed."""
    from gaplint.api import error_report
    from gaplint.errors import InputError
    from gaplint.git_source import NotInRevision
    from gaplint.single_check import Checked

    try:
        data = load()
    except NotInRevision as error:
        if added_ok:
            return None
        return Checked(error_report(error))
    except InputError as error:
        # A git problem names the file asked for; an unreadable old version its REV:path.
        error.path = error.path or name
        return Checked(error_report(error))
    return checks.check_data(data, name, new_path)


def _echo_errors(report: DiffReport) -> None:
    """One `PATH: error[CODE]: message` line per version that could not be read."""
    from gaplint.neutralise import error_line

    for diff in report.diffs:
        if diff.error is not None:
            click.echo(
                error_line(diff.error_in or diff.new, diff.error.code, diff.error.message),
                err=True,
            )
