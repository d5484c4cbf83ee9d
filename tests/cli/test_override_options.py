"""The options that change the configuration for one run are declared once
(gaplint.cli_options.override_options) and reach each command as one Overrides."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import get_args

import click
import pytest

from gaplint.cli import main
from gaplint.cli_options import (
    OVERRIDE_FIELDS,
    OVERRIDES_PARAM,
    OptionalOverride,
    override_options,
)
from gaplint.config import Overrides

# The commands that take overrides, and the options only some of them take.
OPTIONAL = {
    "check": {"--set", "--fail-on", "--min-coverage", "--ocr"},
    "report": {"--set", "--ocr"},
    "serve": set(),
    "diff": set(),
    "draft": set(),
}
# Arguments each command needs before its options parse (files need not exist).
ARGUMENTS = {"check": ["policy.md"], "diff": ["a.md", "b.md"], "draft": ["p.md", "-o", "a.md"]}
EVERY_OPTIONAL: set[str] = set().union(*OPTIONAL.values())


def _command(name: str) -> click.Command:
    command = main.get_command(click.Context(main), name)
    assert command is not None
    return command


def _flags(command: click.Command) -> set[str]:
    return {flag for param in command.params for flag in param.opts if flag.startswith("--")}


def _declared(*optional: OptionalOverride) -> set[str]:
    """The flags the decorator itself declares, on a command of nothing else."""

    def run(overrides: Overrides) -> None:
        pass

    return _flags(click.command()(override_options(*optional)(run)))


def test_every_overrides_field_has_its_one_option() -> None:
    assert set(OVERRIDE_FIELDS) == {field.name for field in dataclasses.fields(Overrides)}
    assert len(_declared(*get_args(OptionalOverride))) == len(OVERRIDE_FIELDS)


@pytest.mark.parametrize("name", sorted(OPTIONAL))
def test_each_command_takes_every_shared_option_and_only_its_own_extras(name: str) -> None:
    flags = _flags(_command(name))
    assert _declared() <= flags
    assert flags & EVERY_OPTIONAL == OPTIONAL[name]
    assert _declared() | OPTIONAL[name] == _declared(*get_args(OptionalOverride)) & flags


@pytest.mark.parametrize("name", sorted(OPTIONAL))
def test_the_options_reach_the_command_as_one_overrides(name: str, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    args = [*ARGUMENTS.get(name, []), "--select", "GL5,GL6", "--extend-select", "GL9",
            "--ignore", "GL502", "--jurisdiction", "uk", "--rules", str(rules)]  # fmt: skip
    extras = {"--set": ["--set", "city"], "--fail-on": ["--fail-on", "error"],
              "--min-coverage": ["--min-coverage", "0.5"], "--ocr": ["--no-ocr"]}  # fmt: skip
    for flag in sorted(OPTIONAL[name]):
        args += extras[flag]
    context = _command(name).make_context(name, args)
    expected = Overrides(
        select=("GL5", "GL6"), extend_select=("GL9",), ignore=("GL502",), rules=(rules,),
        jurisdiction="uk",
        set_name="city" if "--set" in OPTIONAL[name] else None,
        fail_on="error" if "--fail-on" in OPTIONAL[name] else None,
        min_coverage=0.5 if "--min-coverage" in OPTIONAL[name] else None,
        ocr="off" if "--ocr" in OPTIONAL[name] else None,
    )  # fmt: skip
    assert context.params[OVERRIDES_PARAM] == expected
    # None of them is passed on its own as well: the Overrides is the one way in.
    assert not {"select", "jurisdiction", "rule_dirs", "set_name", "ocr"} & set(context.params)


def test_without_options_the_overrides_change_nothing() -> None:
    context = _command("check").make_context("check", ["policy.md"])
    assert context.params[OVERRIDES_PARAM] == Overrides()
