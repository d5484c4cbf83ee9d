"""One `gaplint check` batch: discover → cache → check → waivers and baseline → exit status.

Documents are checked by gaplint.api's Checker, the same one the Python API exposes. Nothing
here imports spaCy: the Checker compiles its rules on the first document that is not cached,
so a re-run over unchanged files starts and finishes quickly.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from gaplint import __version__
from gaplint.api import Checker, error_report
from gaplint.baseline import apply_baseline, read_baseline, write_baseline
from gaplint.cache import CACHE_DIR_NAME, Cache, content_hash, fingerprint, prepare_folder
from gaplint.config import LoadedConfig, Overrides, build_selection, resolve_config
from gaplint.discover import discover
from gaplint.errors import InputError
from gaplint.guard import can_time_limit, guarded_check, internal_error
from gaplint.notices import below_min_coverage, unmatched_per_file_ignores
from gaplint.paths import (
    STDIN,
    display_path,
    printable,
    relative_to,
    repo_relative,
    repo_root,
)
from gaplint.readers import read_file_bytes
from gaplint.report import (
    SCHEMA_VERSION,
    DocumentReport,
    Report,
    RulePackInfo,
    Severity,
    ToolInfo,
    gated,
    generated_at,
    summarize,
)
from gaplint.rules import RulePack, load_pack
from gaplint.selection import Selection, SelectionSpec
from gaplint.sets import judge_sets, with_members
from gaplint.suppressions import apply_suppressions
from gaplint.waivers import apply_waivers, finding_order
from gaplint.workers import parallel_map

T = TypeVar("T")

PROGRESS_THRESHOLD = 10


@dataclass(frozen=True)
class NamedInput:
    """A document given by its content rather than a path (an upload to `gaplint serve`)."""

    name: str
    """Shown in reports and used as the type hint; never opened."""
    data: bytes


@dataclass
class RunOptions:
    paths: tuple[str, ...]
    config: Path | None = None
    isolated: bool = False
    stdin_filename: str | None = None
    cache_dir: Path | None = None
    use_cache: bool = True
    jobs: int = 1
    """Documents checked in parallel; 0 means one per CPU."""
    baseline: Path | None = None
    write_baseline: Path | None = None
    overrides: Overrides = field(default_factory=Overrides)
    """Command-line options over the configuration (select, fail-on, rules, ...)."""
    today: date = field(default_factory=date.today)
    progress: bool = False
    force_exclude: bool = False
    """Named files must match `include` and not `exclude` (pre-commit passes every file)."""
    absolute_paths: bool = False
    """Show absolute paths instead of paths relative to the working folder."""
    stdin: Callable[[], bytes] = field(default=lambda: sys.stdin.buffer.read())
    inputs: tuple[NamedInput, ...] = ()
    """Documents held in memory, checked after the paths; their names must be unique."""


@dataclass
class RunResult:
    report: Report
    exit_code: int
    pack: RulePack
    """The rule pack, validated but not compiled: its wording is what reporters show."""
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
    selection: Selection


def _check_job(checker: Checker, timeout: float, job: Job) -> DocumentReport:
    return guarded_check(checker, job.data, job.name, job.selection, timeout)


def _worker_died(job: Job) -> DocumentReport:
    return internal_error(job.name, "the worker process checking it died")


def _check_all(
    jobs: list[Job], checker: Checker, workers: int, timeout: float
) -> Iterator[tuple[Job, DocumentReport]]:
    """Every job through the one Checker, each result as soon as it is ready (so it can be
    cached at once: a batch killed half-way keeps its finished work). Each worker process
    compiles the pack once."""
    check = partial(_check_job, checker, timeout)
    # The time limit needs the main thread (SIGALRM): run elsewhere (a server's request
    # thread), even one document goes to a worker process, whose main thread can keep it.
    unbounded = timeout > 0 and not can_time_limit()
    if min(workers, len(jobs)) > 1 or (jobs and unbounded):
        for index, doc in parallel_map(check, jobs, max(workers, 1), _worker_died):
            yield jobs[index], doc
    else:
        for job in jobs:
            yield job, check(job)


def _with_progress(items: Iterator[T], total: int, show: bool) -> Iterator[T]:
    if not (show and total > PROGRESS_THRESHOLD):
        yield from items
        return
    from gaplint.progress import with_progress

    yield from with_progress(items, total, sys.stderr)


# --- the batch ----------------------------------------------------------------------------


def _jobs(
    options: RunOptions, loaded: LoadedConfig, spec: SelectionSpec
) -> tuple[list[Job], list[DocumentReport]]:
    config = loaded.config
    found = discover(
        options.paths, loaded.root, config.include, config.exclude, options.force_exclude
    )
    jobs: list[Job] = []
    errors = [error_report(e) for e in found.errors]

    def add(name: str, rel: str, data: bytes) -> None:
        job = Job(name, rel, data, content_hash(data), spec.for_path(rel))
        jobs.append(job)

    if found.stdin:
        name = printable(options.stdin_filename or STDIN)
        add(name, relative_to(name, loaded.root) if options.stdin_filename else name,
            options.stdin())  # fmt: skip
    for path in found.files:
        name = display_path(path)
        try:
            data = read_file_bytes(path, config.limits)
        except InputError as error:
            error.path = name
            errors.append(error_report(error))
            continue
        add(name, relative_to(path, loaded.root), data)
    for given in options.inputs:
        add(printable(given.name), printable(given.name), given.data)
    return jobs, errors


def _start(options: RunOptions) -> Path:
    first = next((p for p in options.paths if p != STDIN), None)
    if first is None and options.stdin_filename:
        first = options.stdin_filename
    return Path(first) if first else Path.cwd()


def execute(options: RunOptions) -> RunResult:
    """Run a batch. Raises a UserError (configuration, rules, baseline) for the CLI to report."""
    loaded = options.overrides.apply(
        resolve_config(_start(options), options.config, options.isolated)
    )
    options = replace(options, paths=with_members(options.paths, loaded))  # a set is read whole
    folder = options.cache_dir or loaded.root / CACHE_DIR_NAME
    if options.use_cache:
        with contextlib.suppress(OSError):
            prepare_folder(folder)
    pack = load_pack(loaded.rule_dirs(), cache=folder if options.use_cache else None)
    spec = build_selection(loaded, pack.ids())
    known_baseline = read_baseline(options.baseline) if options.baseline else None
    jobs, reports = _jobs(options, loaded, spec)

    cache: Cache | None = None
    if options.use_cache:
        # The time limit changes no judged report, so changing it keeps the cache.
        limits = loaded.config.limits.model_dump(exclude={"timeout_seconds"})
        # A report cached under an older schema lacks its newer fields (titles, metadata).
        cache = Cache(folder, fingerprint(SCHEMA_VERSION, pack.digest, spec, limits))
    pending: list[Job] = []
    for job in jobs:
        cached = cache.get(cache.key(job.sha256, job.name)) if cache else None
        if cached is None:
            pending.append(job)
        else:
            reports.append(cached)
    hits = len(jobs) - len(pending)
    checker = Checker(
        rule_dirs=loaded.rule_dirs(),
        limits=loaded.config.limits,
        cache_dir=folder if options.use_cache else None,
    )
    workers = options.jobs or os.cpu_count() or 1
    timeout = loaded.config.limits.timeout_seconds
    checked = _check_all(pending, checker, workers, timeout)
    for job, doc in _with_progress(checked, len(pending), options.progress):
        if cache and doc.error is None:
            cache.put(cache.key(job.sha256, job.name), doc)
        reports.append(doc)

    reports.sort(key=lambda d: d.path)
    rels = {job.name: job.rel for job in jobs}
    sources = {job.name: job.data for job in jobs}
    waivers = [w.to_waiver() for w in loaded.config.waivers]
    for doc in reports:
        if doc.path in sources:
            apply_suppressions(doc, sources[doc.path])
        apply_waivers(doc, waivers, rels.get(doc.path, doc.path), options.today)
        doc.findings.sort(key=finding_order)

    root = repo_root(Path.cwd())
    keyed = [(doc, repo_relative(doc.path, root)) for doc in reports]
    notes = unmatched_per_file_ignores(spec, [job.rel for job in jobs])
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

    if options.absolute_paths:
        absolute_paths(reports)
    # Sets are judged from their members' final reports; members fail only through them.
    sets = judge_sets(reports, loaded, pack)
    notes += below_min_coverage(gated(reports, sets), loaded.config.min_coverage)
    summary = summarize(reports, sets)
    summary.baseline_closed = closed
    report = Report(
        generated_at=generated_at(),
        tool=tool_info(loaded, pack),
        documents=reports,
        sets=sets,
        summary=summary,
    )
    return RunResult(
        report=report,
        exit_code=exit_status(report, loaded),
        pack=pack,
        root=root,
        notes=notes,
        cache_hits=hits,
    )


def tool_info(loaded: LoadedConfig, pack: RulePack) -> ToolInfo:
    """Which gaplint and which rule pack judge the documents, as reports say it."""
    return ToolInfo(
        version=__version__,
        rules=["builtin", *loaded.config.rules],
        rule_pack=RulePackInfo(
            digest=pack.digest, files=[Path(source).name for source in pack.sources]
        ),
    )


def absolute_paths(reports: list[DocumentReport]) -> None:
    """--absolute-paths: every document and finding path made absolute (standard input,
    which has no path, stays `-`). Applied after the cache, whose entries stay relative."""
    for doc in reports:
        doc.path = _absolute(doc.path)
        for finding in doc.findings:
            finding.location.path = _absolute(finding.location.path)


def _absolute(shown: str) -> str:
    return shown if shown == STDIN else Path(os.path.abspath(shown)).as_posix()


def exit_status(report: Report, loaded: LoadedConfig) -> int:
    config = loaded.config
    if any(doc.error is not None for doc in report.documents):
        return 2
    threshold = None if config.fail_on == "never" else Severity(config.fail_on).rank
    for doc in gated(report.documents, report.sets):
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
