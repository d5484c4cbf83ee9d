"""Where `gaplint diff` and `gaplint draft` keep the compiled rule pack: never in a git work tree.

A batch keeps its cache beside the configuration (`.gaplint_cache`). diff and draft read a
repository (`diff --rev` compares the work tree with a revision, pre-commit runs them on every
commit), and a folder they wrote there would be a change in it, hidden only by the folder's
own .gitignore. So when the cache folder they were given (`--cache-dir`, else the batch's) is
inside a work tree, they use the user's cache folder instead, and when that is inside one too,
they compile the pack in memory as before.
"""

from __future__ import annotations

import os
from pathlib import Path

USER_CACHE_NAME = "gaplint"


def user_cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/gaplint, else ~/.cache/gaplint; None without a home folder."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
        return Path(base) / USER_CACHE_NAME
    try:
        return Path.home() / ".cache" / USER_CACHE_NAME
    except RuntimeError:
        return None


def in_work_tree(folder: Path) -> bool:
    """Is `folder` (which need not exist yet) inside a git work tree?"""
    resolved = folder.resolve()
    return any((parent / ".git").exists() for parent in (resolved, *resolved.parents))


def pack_cache_folder(configured: Path) -> Path | None:
    """The folder diff and draft keep the compiled pack in: `configured` unless it is inside
    a git work tree, else the user's cache folder unless that is; None to compile in memory."""
    for folder in (configured, user_cache_dir()):
        if folder is not None and not in_work_tree(folder):
            return folder.resolve()
    return None
