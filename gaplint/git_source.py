"""A file as it was in a git revision (`git show REV:path`), read without touching the work tree.

Only read-only git commands run (rev-parse, cat-file, show); each problem is one InputError
with the code `revision`: not in a git repository, an unknown revision, a file the revision
does not have.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from gaplint.errors import ErrorCode, InputError

GIT_TIMEOUT = 60.0


class NotInRevision(InputError):
    """The revision has no such file: an error, unless the caller treats it as a new file."""


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise InputError(ErrorCode.REVISION, "git is not installed", str(folder)) from None
    except subprocess.TimeoutExpired:
        raise InputError(ErrorCode.TIMEOUT, "git took too long", str(folder)) from None


def shown_name(path: str, revision: str) -> str:
    """How the old version is named in reports: `HEAD~1:policy.pdf`."""
    return f"{revision}:{path}"


def read_revision(path: str, revision: str, max_bytes: int) -> bytes:
    """The bytes of `path` (a file in the work tree) as committed in `revision`."""
    where = Path(path).resolve()
    folder = where.parent if where.parent.is_dir() else Path.cwd()
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise InputError(ErrorCode.REVISION, "not in a git repository (--rev needs one)", path)
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip()).resolve()
    if revision.startswith("-"):  # never let a revision be read as an option
        raise InputError(ErrorCode.REVISION, f"unknown revision {revision!r}", path)
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if commit.returncode != 0:
        if _git(root, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
            # Before the first commit every file is new (pre-commit's first run).
            message = f"unknown revision {revision!r}: the repository has no commits yet"
            raise NotInRevision(ErrorCode.REVISION, message, path)
        raise InputError(ErrorCode.REVISION, f"unknown revision {revision!r}", path)
    try:
        inside = where.relative_to(root).as_posix()
    except ValueError:
        raise InputError(ErrorCode.REVISION, f"outside the repository at {root}", path) from None
    spec = f"{commit.stdout.decode().strip()}:{inside}"
    kind = _git(root, "cat-file", "-t", spec)
    if kind.returncode != 0 or kind.stdout.strip() != b"blob":
        raise NotInRevision(ErrorCode.REVISION, f"not in revision {revision!r}", path)
    size = _git(root, "cat-file", "-s", spec)
    if size.returncode != 0:
        raise InputError(ErrorCode.REVISION, f"not in revision {revision!r}", path)
    if int(size.stdout.strip() or 0) > max_bytes:
        raise InputError(
            ErrorCode.TOO_LARGE,
            f"{revision}:{inside} is over the limit of {max_bytes:,} bytes",
            path,
        )
    # --no-textconv: the bytes as committed, not a filter's rendering of them.
    shown = _git(root, "show", "--no-textconv", spec)
    if shown.returncode != 0:
        said = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(ErrorCode.REVISION, said[0] if said else "git show failed", path)
    return shown.stdout
