"""One `gaplint check` batch: discover → cache → check → waivers and baseline → exit status.

Nothing here imports spaCy: the checker (gaplint.api) is imported only when a document is
not in the cache, so a re-run over unchanged files starts and finishes quickly.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gaplint import __version__
from gaplint.baseline import apply_baseline, read_baseline, write_baseline
from gaplint.cache import CACHE_DIR_NAME, Cache, content_hash, fingerprint, prepare_folder
from gaplint.catalog import Catalog, load_catalog
from gaplint.config import LoadedConfig, SelectionSpec, build_selection, resolve_config
from gaplint.discover import STDIN, discover, display_path, relative_to
from gaplint.errors import ErrorCode, InputError
from gaplint.readers.base import Limits
from gaplint.report import (
    DocumentError,
    DocumentReport,
    Report,
    Severity,
    ToolInfo,
    summarize,
)
from gaplint.waivers import apply_waivers, finding_order

if TYPE_CHECKING:
    from gaplint.api import Checker

PROGRESS_THRESHOLD = 10


@dataclass
class RunOptions:
    paths: tuple[str, ...]
    config: Path | None = None
    isolated: bool = False
    stdin_filename: str | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    jobs: int = 1
    baseline: Path | None = None
    write_baseline: Path | None = None
    fail_on: str | None = None
    """Overrides the configuration's fail-on."""
    today: date = field(default_factory=date.today)
    progress: bool = False
    stdin: Callable[[], bytes] = field(default=lambda: sys.stdin.buffer.read())


@dataclass
class RunResult:
    report: Report
    exit_code: int
    catalog: Catalog
    root: Path
    """Repository root: SARIF URIs and baseline keys are relative to it."""
    notes: list[str] = field(default_factory=list)
    cache_hits: int = 0


@dataclass(frozen=True)
class Job:
    name: str
    """Path as shown in reports."""
    rel: str
    """Path relative to the configuration file, for per-file-ignores and waivers."""
    data: bytes
    sha256: str


def repo_root(start: Path) -> Path:
    """The git work tree containing `start`, or `start` itself outside git."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def error_report(error: InputError) -> DocumentReport:
    # Same shape as gaplint.api.error_report, without importing the NLP stack.
    return DocumentReport(
        path=error.path,
        judged=False,
        error=DocumentError(code=error.code.value, message=error.message),
    )


def _read(path: Path, limits: Limits) -> bytes:
    name = display_path(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise InputError(
                ErrorCode.TOO_LARGE,
                f"file is {size:,} bytes, over the limit of {limits.max_bytes:,}",
                name,
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(ErrorCode.NOT_FOUND, "no such file", name) from None
    except OSError as error:
        raise InputError(ErrorCode.UNREADABLE, error.strerror or str(error), name) from None


# --- checking (in this process or in workers) -------------------------------------------

_checker: Checker | None = None


def _get_checker(rule_dirs: tuple[Path, ...], limits: Limits) -> Checker:
    global _checker
    if _checker is None:
        from gaplint.api import Checker

        _checker = Checker(rule_dirs=rule_dirs, limits=limits)
    return _checker


def check_job(job: Job, rule_dirs: tuple[Path, ...], limits: Limits, spec: SelectionSpec) -> Any:
    """Read and judge one document; each worker process builds its Checker once."""
    from gaplint.readers import read_bytes

    checker = _get_checker(rule_dirs, limits)
    try:
        document = read_bytes(job.data, job.name, limits)
    except InputError as error:
        return error_report(error)
    checker.selection = spec.for_path(job.rel)
    return checker.check_document(document)


def _check_all(
    jobs: list[Job], loaded: LoadedConfig, spec: SelectionSpec, options: RunOptions
) -> Iterator[DocumentReport]:
    rule_dirs = loaded.rule_dirs()
    limits = loaded.config.limits
    workers = min(options.jobs, len(jobs))
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            n = len(jobs)
            yield from pool.map(
                check_job, jobs, [rule_dirs] * n, [limits] * n, [spec] * n, chunksize=1
            )
    else:
        for job in jobs:
            yield check_job(job, rule_dirs, limits, spec)


def _with_progress(items: Iterator[DocumentReport], total: int, show: bool) -> list[Any]:
    if not (show and total > PROGRESS_THRESHOLD):
        return list(items)
    import click

    with click.progressbar(items, length=total, label="checking", file=sys.stderr) as bar:
        return list(bar)


# --- the batch ----------------------------------------------------------------------------


def _jobs(options: RunOptions, loaded: LoadedConfig) -> tuple[list[Job], list[DocumentReport]]:
    config = loaded.config
    found = discover(options.paths, loaded.root, config.include, config.exclude)
    jobs: list[Job] = []
    errors = [error_report(e) for e in found.errors]
    if found.stdin:
        name = options.stdin_filename or STDIN
        data = options.stdin()
        rel = relative_to(Path(name), loaded.root) if options.stdin_filename else name
        jobs.append(Job(name=name, rel=rel, data=data, sha256=content_hash(data)))
    for path in found.files:
        try:
            data = _read(path, config.limits)
        except InputError as error:
            errors.append(error_report(error))
            continue
        jobs.append(
            Job(
                name=display_path(path),
                rel=relative_to(path, loaded.root),
                data=data,
                sha256=content_hash(data),
            )
        )
    return jobs, errors


def _start(options: RunOptions) -> Path:
    first = next((p for p in options.paths if p != STDIN), None)
    if first is None and options.stdin_filename:
        first = options.stdin_filename
    return Path(first) if first else Path.cwd()


def execute(options: RunOptions) -> RunResult:
    """Run a batch. Raises ConfigError, RuleError or BaselineError for the CLI to report."""
    loaded = resolve_config(_start(options), options.config, options.isolated)
    if options.fail_on:
        config = loaded.config.model_copy(update={"fail_on": options.fail_on})
        loaded = LoadedConfig(config=config, path=loaded.path)
    folder = options.cache_dir or loaded.root / CACHE_DIR_NAME
    if options.use_cache:
        with contextlib.suppress(OSError):
            prepare_folder(folder)
    catalog = load_catalog(loaded.rule_dirs(), folder if options.use_cache else None)
    spec = build_selection(loaded, catalog.ids())
    known_baseline = read_baseline(options.baseline) if options.baseline else None
    jobs, reports = _jobs(options, loaded)

    cache: Cache | None = None
    if options.use_cache:
        cache = Cache(folder, fingerprint(catalog.digest, spec, loaded.config.limits))
    pending: list[Job] = []
    for job in jobs:
        cached = cache.get(cache.key(job.sha256, job.name)) if cache else None
        if cached is None:
            pending.append(job)
        else:
            reports.append(cached)
    hits = len(jobs) - len(pending)
    checked = _with_progress(_check_all(pending, loaded, spec, options), len(pending),
                             options.progress)  # fmt: skip
    for job, doc in zip(pending, checked):
        if cache and doc.error is None:
            cache.put(cache.key(job.sha256, job.name), doc)
        reports.append(doc)

    reports.sort(key=lambda d: d.path)
    rels = {job.name: job.rel for job in jobs}
    waivers = [w.to_waiver() for w in loaded.config.waivers]
    for doc in reports:
        apply_waivers(doc, waivers, rels.get(doc.path, doc.path), options.today)
        doc.findings.sort(key=finding_order)

    root = repo_root(Path.cwd())
    keyed = [(doc, repo_relative(doc.path, root)) for doc in reports]
    notes: list[str] = []
    if options.write_baseline:
        count = write_baseline(options.write_baseline, keyed)
        notes.append(f"wrote {count} gaps to baseline {options.write_baseline}")
    closed = 0
    if known_baseline is not None:
        outcome = apply_baseline(keyed, known_baseline)
        closed = len(outcome.closed)
        if closed:
            notes.append(
                f"{closed} baselined gaps are now closed; run --write-baseline to shrink it"
            )

    summary = summarize(reports)
    summary.baseline_closed = closed
    report = Report(
        tool=ToolInfo(version=__version__, rules=["builtin", *loaded.config.rules]),
        documents=reports,
        summary=summary,
    )
    return RunResult(
        report=report,
        exit_code=exit_status(report, loaded),
        catalog=catalog,
        root=root,
        notes=notes,
        cache_hits=hits,
    )


def repo_relative(shown: str, root: Path) -> str:
    """A report path (relative to the working folder) made relative to the repository root."""
    if shown == STDIN:
        return shown
    return relative_to(Path(os.path.abspath(shown)), root)


def exit_status(report: Report, loaded: LoadedConfig) -> int:
    config = loaded.config
    if any(doc.error is not None for doc in report.documents):
        return 2
    threshold = None if config.fail_on == "never" else Severity(config.fail_on).rank
    for doc in report.documents:
        if (
            config.min_coverage is not None
            and doc.coverage is not None
            and doc.coverage < config.min_coverage
        ):
            return 1
        for finding in doc.findings:
            counts = not finding.waived and not finding.baselined
            if counts and threshold is not None and finding.severity.rank >= threshold:
                return 1
    return 0
