"""Finding the documents to check: files, folders (recursively, by glob) and standard input."""

from __future__ import annotations

import errno
import fnmatch
import functools
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from gaplint.errors import ErrorCode, InputError
from gaplint.paths import STDIN, display_path, printable, relative_to

DEFAULT_INCLUDE = (
    "*.pdf", "*.docx", "*.odt", "*.doc", "*.rtf", "*.md", "*.markdown", "*.txt", "*.html", "*.htm",
    "*.php", "*.aspx",
)  # fmt: skip


def glob_match(rel: str, pattern: str) -> bool:
    """Match a relative POSIX path the way .gitignore users expect.

    A pattern without a slash matches the file name or any folder name on the way
    ("drafts", "*.pdf"); a pattern with one matches the whole path ("docs/*.md", "**/old/*").
    """
    pattern = pattern.removeprefix("./").rstrip("/") or "*"
    parts = PurePosixPath(rel).parts
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in parts)
    candidates = [pattern, pattern + "/*"]
    if pattern.startswith("**/"):
        candidates += [pattern[3:], pattern[3:] + "/*"]
    return any(fnmatch.fnmatchcase(rel, p) for p in candidates)


@functools.lru_cache(maxsize=8)
def _name_matcher(patterns: tuple[str, ...]) -> Callable[[str], re.Match[str] | None]:
    """One regex for every `include` pattern, matched against a lower-cased file name: a
    folder of 10,000 files is tested once per file, not once per file and pattern."""
    joined = "|".join(fnmatch.translate(p.lower()) for p in patterns) or "(?!)"
    return re.compile(joined).match


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    stdin: bool = False
    errors: list[InputError] = field(default_factory=list)


@dataclass
class Walker:
    """Expands command-line paths into files; `root` anchors include/exclude globs."""

    root: Path
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    """Hold named files to `include` too (ruff's --force-exclude): pre-commit passes every file."""
    result: Discovery = field(default_factory=Discovery)
    _seen_files: set[str] = field(default_factory=set)

    def excluded(self, path: Path) -> bool:
        if not self.exclude:
            return False
        rel = relative_to(path, self.root)
        return any(glob_match(rel, pattern) for pattern in self.exclude)

    def included(self, path: Path) -> bool:
        return _name_matcher(self.include)(path.name.lower()) is not None or any(
            glob_match(relative_to(path, self.root), p) for p in self.include if "/" in p
        )

    def refuse(self, path: Path, error: OSError) -> None:
        """A path that cannot even be examined: a link pointing at itself, or no permission."""
        if error.errno == errno.ELOOP:
            code, message = ErrorCode.SYMLINK_LOOP, "symbolic link loop; not followed"
        else:
            code, message = ErrorCode.UNREADABLE, error.strerror or str(error)
        self.result.errors.append(InputError(code, message, display_path(path)))

    def add_file(self, path: Path) -> None:
        real = os.path.realpath(path)
        if real not in self._seen_files:
            self._seen_files.add(real)
            self.result.files.append(path)

    def walk(self, paths: Iterable[str]) -> Discovery:
        for raw in paths:
            if raw == STDIN:
                self.result.stdin = True
                continue
            path = Path(raw)
            if path.is_dir():
                self._walk_dir(path)
            elif self.excluded(path) or (self.force_exclude and not self.included(path)):
                continue
            elif path.is_symlink() and not path.exists():
                self._add_dangling(path)
            elif path.exists():
                # A file named on the command line is checked whatever its extension:
                # pre-commit and scripts pass exactly what they want.
                self.add_file(path)
            else:
                self.result.errors.append(
                    InputError(ErrorCode.NOT_FOUND, "no such file", printable(raw))
                )
        self.result.files.sort(key=display_path)
        return self.result

    def _walk_dir(self, top: Path) -> None:
        # Follow directory links, but remember each real folder on the current chain so a
        # link back up the tree is reported once instead of recursing for ever.
        stack: list[tuple[Path, tuple[str, ...]]] = [(top, ())]
        visited: set[str] = set()
        while stack:
            folder, chain = stack.pop()
            real = os.path.realpath(folder)
            if real in chain:
                self.result.errors.append(
                    InputError(
                        ErrorCode.SYMLINK_LOOP,
                        f"symbolic link loop back to {display_path(Path(real))}; not followed",
                        display_path(folder),
                    )
                )
                continue
            if real in visited:  # the same folder reached through another link
                continue
            visited.add(real)
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError as error:
                self.refuse(folder, error)
                continue
            for entry in entries:
                path = Path(entry.path)
                if entry.name.startswith(".") or self.excluded(path):
                    continue
                try:
                    is_dir = entry.is_dir(follow_symlinks=True)
                    is_file = not is_dir and entry.is_file(follow_symlinks=True)
                except OSError as error:  # a link to itself: ELOOP
                    if self.included(path):
                        self.refuse(path, error)
                    continue
                if is_dir:
                    stack.append((path, (*chain, real)))
                elif self.included(path) and (is_file or os.path.exists(path)):
                    # A FIFO or device (or a link to one) goes on too, so the reader refuses
                    # it in one line (not a regular file) rather than it vanishing unsaid.
                    self.add_file(path)

    def _add_dangling(self, path: Path) -> None:
        """A named link whose target cannot be reached: a loop is reported as one, a link to
        nothing goes on to the reader (which says not-found)."""
        try:
            os.stat(path)
        except OSError as error:
            if error.errno == errno.ELOOP:
                self.refuse(path, error)
                return
        self.add_file(path)


def discover(
    paths: Iterable[str],
    root: Path,
    include: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    force_exclude: bool = False,
) -> Discovery:
    return Walker(
        root=Path(os.path.abspath(root)),
        include=tuple(include) if include is not None else DEFAULT_INCLUDE,
        exclude=tuple(exclude),
        force_exclude=force_exclude,
    ).walk(paths)
