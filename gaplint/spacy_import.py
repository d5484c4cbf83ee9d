"""Import spaCy without its command-line modules, which gaplint never uses.

`import spacy` runs `from .cli.info import info`, and `spacy.cli` imports every spaCy command:
requests, httpx, typer, weasel and more, about a third of spaCy's import time and 18 MB
(measured: `import spacy; spacy.blank("en")` takes 0.68x the CPU time without them). While
spaCy's own `__init__` runs, `spacy.cli` and `spacy.cli.info` are stand-ins; they are taken out
of `sys.modules` as soon as it is done, so a later `import spacy.cli` imports the real one,
and `spacy.info()` imports the real command when called. Only done when spaCy's `__init__`
refers to its CLI in exactly that one line; otherwise spaCy is imported as usual.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

_CLI_IMPORT = "from .cli.info import info"
_STAND_INS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, the real one imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _cli_folder() -> Path | None:
    """spaCy's cli folder when its `__init__` imports the CLI in the one expected line."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return None
    try:
        source = Path(spec.origin).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return Path(spec.origin).parent / "cli" if only_info_from_cli(source) else None


def only_info_from_cli(source: str) -> bool:
    """Does this `spacy/__init__.py` touch its CLI only to import `info`?"""
    lines = [line.split("#")[0].strip() for line in source.splitlines()]
    return [line for line in lines if "cli" in line] == [_CLI_IMPORT]


def import_spacy() -> None:
    """Import spaCy, leaving out its CLI where that is safe. A no-op once it is imported."""
    if "spacy" in sys.modules:
        return
    folder = _cli_folder()
    if folder is None:
        import spacy
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [str(folder)]
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    finally:
        for name, stand_in in zip(_STAND_INS, (cli, info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")
