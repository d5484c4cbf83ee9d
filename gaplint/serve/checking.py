"""Checking uploads: the same batch as `gaplint check` (configuration, rule packs, waivers,
suppressions, per-document guard and time limit), a bounded number at once.

Requests run in the server's threads, where a time limit cannot interrupt Python code, so
gaplint.run checks each document in a worker process (whose main thread keeps the limit).
The rule pack is compiled once here before serving, and the workers fork with it loaded.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from gaplint.api import Checker
from gaplint.config import LoadedConfig, build_selection, resolve_config
from gaplint.report import ToolInfo
from gaplint.rules import load_pack
from gaplint.run import NamedInput, RunOptions, RunResult, execute, tool_info
from gaplint.serve.settings import ServeSettings

READER_MODULES = (
    "gaplint.readers.pdf", "gaplint.readers.docx", "gaplint.readers.html",
    "gaplint.readers.markdown", "gaplint.readers.text",
)  # fmt: skip


class Busy(Exception):
    """Every check slot stayed taken for the whole wait."""


@dataclass(frozen=True)
class Judge:
    """What the page says about who judges: gaplint's version, the rule pack, the limits."""

    tool: ToolInfo
    config: str
    """The configuration file's name (not its folder), or `defaults`."""
    subpoints: int
    timeout_seconds: float


class Slots:
    """At most `count` checks at once; a request waits up to `seconds` for a free one."""

    def __init__(self, count: int, seconds: float) -> None:
        self._semaphore = threading.BoundedSemaphore(count)
        self.seconds = seconds

    def __enter__(self) -> Slots:
        if not self._semaphore.acquire(timeout=self.seconds):
            raise Busy
        return self

    def __exit__(self, *_: object) -> None:
        self._semaphore.release()


class CheckService:
    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.slots = Slots(settings.concurrent_checks, settings.queue_seconds)
        loaded = self._loaded()
        pack = load_pack(loaded.rule_dirs())
        build_selection(loaded, pack.ids())  # a mistake in it stops the server at start
        self.judge = Judge(
            tool=tool_info(loaded, pack),
            config=loaded.path.name if loaded.path else "defaults",
            subpoints=sum(1 for _ in pack.subpoints()),
            timeout_seconds=loaded.config.limits.timeout_seconds,
        )
        self._rule_dirs = loaded.rule_dirs()

    def _loaded(self) -> LoadedConfig:
        # As `gaplint report --from`: the configuration of the folder the server runs in.
        config = Path(self.settings.config) if self.settings.config else None
        found = resolve_config(Path.cwd(), config, self.settings.isolated)
        return self.settings.overrides.apply(found)

    def warm(self) -> None:
        """Compile the pack (load spaCy) now, so the first upload does not wait for it and
        every worker process forks with it; the same key gaplint.run's Checker uses."""
        Checker(rule_dirs=self._rule_dirs).compiled  # noqa: B018
        # The readers too: a worker forked from a threaded server should import nothing.
        for module in READER_MODULES:
            importlib.import_module(module)

    def check(self, inputs: list[NamedInput], set_name: str | None = None) -> RunResult:
        """Raises Busy when no slot frees up in time; UserError for configuration mistakes.
        With `set_name`, the documents are judged together as one policy set."""
        changes = self.settings.overrides
        if set_name:
            changes = replace(changes, set_name=set_name)
        with self.slots:
            return execute(
                RunOptions(
                    paths=(),
                    config=Path(self.settings.config) if self.settings.config else None,
                    isolated=self.settings.isolated,
                    # Nothing derived from an upload outlives the request on disk.
                    use_cache=False,
                    jobs=self.settings.jobs,
                    overrides=changes,
                    inputs=tuple(inputs),
                )
            )
