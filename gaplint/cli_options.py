"""Click options shared by the commands that run a batch (`check`, `report`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def batch_options(function: F) -> F:
    """--config, --isolated and --no-cache, declared once for every batch command."""
    for option in reversed(
        (
            click.option(
                "--config",
                "config_file",
                type=click.Path(dir_okay=False, exists=True),
                help="Use this configuration file instead of searching for one.",
            ),
            click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
            click.option("--no-cache", is_flag=True, help="Neither read nor write cached results."),
        )
    ):
        function = option(function)
    return function
