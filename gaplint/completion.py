"""Shell completion of rule ids (`gaplint explain GL5<TAB>`, `--select GL6<TAB>`).

click asks for completions through `_GAPLINT_COMPLETE=bash_source gaplint`; the rule ids come
from the pack the working folder's configuration loads, or the built-in one if that fails.
A completion must never print an error into the user's shell, so every failure means none.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import click
from click.shell_completion import CompletionItem


def _rule_titles() -> list[tuple[str, str]]:
    from gaplint.config import resolve_config
    from gaplint.rules import load_pack

    dirs: list[Path] = []
    with contextlib.suppress(Exception):  # a broken configuration still completes built-ins
        dirs = list(resolve_config(Path.cwd(), None, False).rule_dirs())
    try:
        pack = load_pack(dirs)
    except Exception:
        try:
            pack = load_pack()
        except Exception:
            return []
    return [(info.id, info.title) for info in pack.rules()]


def complete_rule_ids(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Rule ids starting with what was typed; after a comma (`GL5,GL6`), the last part."""
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [
        CompletionItem(prefix + rule_id, help=title)
        for rule_id, title in _rule_titles()
        if rule_id.startswith(last.upper())
    ]
