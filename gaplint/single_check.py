"""Checking a few named documents outside the batch (`gaplint diff`, `gaplint draft`): the
configuration's rule pack and selection, the one api.Checker, and the Document kept beside its
report (a diff compares sentences, a draft reads the agency's name from the headings).

No result cache and no worker processes: these commands look at one or two documents at a
time. The rule pack is cached (validated and compiled), never inside a git work tree
(gaplint.cache_location).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from gaplint.api import Checker, error_report
from gaplint.config import Overrides, resolve_config
from gaplint.document import Document
from gaplint.errors import ErrorCode, InputError
from gaplint.paths import relative_to
from gaplint.readers import read_bytes, read_file_bytes
from gaplint.report import DocumentReport, ToolInfo
from gaplint.rules import RulePack, load_pack
from gaplint.selection import SelectionSpec


@dataclass(frozen=True)
class Checked:
    """A document's report, and the Document itself when it could be read."""

    report: DocumentReport
    document: Document | None = None


@dataclass(frozen=True)
class Setup:
    checker: Checker
    pack: RulePack
    spec: SelectionSpec
    root: Path
    tool: ToolInfo

    def check_data(self, data: bytes, name: str, selection_path: str) -> Checked:
        """Read and judge bytes shown as `name`, with the selection of `selection_path`,
        under the configuration's time limit; a bug met on it becomes error[internal]."""
        from gaplint.guard import DocumentTimeout, internal_error, one_line, time_limit

        selection = self.spec.for_path(relative_to(selection_path, self.root))
        timeout = self.checker.limits.timeout_seconds
        self.checker.compiled  # noqa: B018  # start-up is not the document's time
        try:
            with time_limit(timeout):
                document = read_bytes(data, name, self.checker.limits)
                return Checked(self.checker.check_document(document, selection), document)
        except InputError as error:
            error.path = name
            return Checked(error_report(error))
        except DocumentTimeout:
            message = f"took longer than the time limit of {timeout:g} s; not judged"
            return Checked(error_report(InputError(ErrorCode.TIMEOUT, message, name)))
        except Exception as error:  # a bug met on one document is that document's error
            return Checked(internal_error(name, one_line(error)))

    def check_file(self, path: str) -> Checked:
        try:
            data = read_file_bytes(Path(path), self.checker.limits)
        except InputError as error:
            error.path = path
            return Checked(error_report(error))
        return self.check_data(data, path, path)


def setup(
    start: str,
    config_file: str | None,
    isolated: bool,
    overrides: Overrides,
    use_cache: bool = False,
    cache_dir: str | None = None,
) -> Setup:
    """The configuration found from `start` (or given), with the command line's changes;
    with `use_cache`, the rule pack kept in `cache_dir` (default: the batch's cache folder)
    or, when that is inside a git work tree, in the user's cache folder."""
    from gaplint.cache import CACHE_DIR_NAME, prepare_folder
    from gaplint.cache_location import pack_cache_folder
    from gaplint.config import build_selection
    from gaplint.run import tool_info

    loaded = overrides.apply(
        resolve_config(Path(start), Path(config_file) if config_file else None, isolated)
    )
    configured = Path(cache_dir) if cache_dir else loaded.root / CACHE_DIR_NAME
    folder = pack_cache_folder(configured) if use_cache else None
    if folder is not None:
        with contextlib.suppress(OSError):  # unwritable: the pack is compiled in memory
            prepare_folder(folder)
    pack = load_pack(loaded.rule_dirs(), cache=folder)
    spec = build_selection(loaded, pack.ids())
    tool = tool_info(loaded, pack)
    checker = Checker(rule_dirs=loaded.rule_dirs(), limits=loaded.config.limits, cache_dir=folder)
    return Setup(checker=checker, pack=pack, spec=spec, root=loaded.root, tool=tool)
