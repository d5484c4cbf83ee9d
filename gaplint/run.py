"""One `gaplint check` batch: discover → cache → check → waivers and baseline → exit status.

Documents are checked by gaplint.api's Checker, the same one the Python API exposes. Nothing
here imports spaCy: the Checker compiles its rules on the first document that is not cached,
so a re-run over unchanged files starts and finishes quickly.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from gaplint import __version__
from gaplint.baseline import (
    closed_gaps,
    read_baseline,
    write_baseline,
)
from gaplint.cache import CACHE_DIR_NAME, Cache, content_hash, fingerprint, prepare_folder
from gaplint.config import LoadedConfig, Overrides, build_selection, resolve_config
from gaplint.discover import discover
from gaplint.errors import InputError
from gaplint.finisher import Finisher, document_status
from gaplint.notices import unmatched_per_file_ignores
from gaplint.paths import (
    STDIN,
    printable,
    relative_to,
    repo_root,
)
from gaplint.readers import Limits, read_file_bytes
from gaplint.report import (
    SCHEMA_VERSION,
    DocumentReport,
    Report,
    RulePackInfo,
    ToolInfo,
    generated_at,
)
from gaplint.reporters import (
    RenderContext,
    piece_renderer,
    piece_variant,
    streams_sets,
    with_documents,
)
from gaplint.rules import RulePack, load_pack
from gaplint.selection import Selection, SelectionSpec
from gaplint.set_batch import Members, shortfalls_through_sets, summary_through_sets
from gaplint.sets import declarations, judge_sets, with_members
from gaplint.shard import Shard
from gaplint.spool import DocumentSpool, Spool
from gaplint.suppressions import Suppression, suppressions_for

if TYPE_CHECKING:
    from gaplint.api import Checker

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
    shard: Shard | None = None
    """Check only this part of the discovered documents (`--shard K/N`)."""
    output: Output | None = None
    """Render each document into this output as it finishes (gaplint check's --format)."""
    keep_documents: bool = False
    """Keep the documents' reports (RunResult.documents) even when `output` renders them."""


@dataclass(frozen=True)
class Output:
    """The format the batch renders each document into as it finishes, when the format has
    pieces: a document is then rendered while its report is in hand, never read back."""

    fmt: str
    context: Callable[[RulePack, Path], RenderContext]
    """The rendering context, from the batch's rule pack and repository root."""


@dataclass
class RunResult:
    header: Report
    """The report without its documents: tool, rule pack and summary."""
    documents: DocumentSpool | None
    """The document reports, read back from disk in path order, as often as needed; None
    when the options' output rendered them and keep_documents was not asked for."""
    rendered: Spool | None
    """Each document's piece of the options' output, in path order (see Output)."""
    context: RenderContext | None
    """The context the pieces were rendered in."""
    count: int
    """Documents reported (this shard's)."""
    exit_code: int
    pack: RulePack
    """The rule pack, validated but not compiled: its wording is what reporters show."""
    root: Path
    """Repository root: SARIF URIs and baseline keys are relative to it."""
    notes: list[str] = field(default_factory=list)
    cache_hits: int = 0
    failed: list[DocumentReport] = field(default_factory=list)
    """Reports of documents that could not be read or checked (small), in path order."""
    discovered: int = 0
    """Documents found before --shard took its part."""

    @property
    def streamed(self) -> Report:
        """The Report with its documents read from the spool as they are iterated, never
        all held: for the formats rendered whole (HTML, CSV, Markdown, GitHub, --statistics)."""
        assert self.documents is not None, "the batch kept rendered pieces only"
        return with_documents(self.header, self.documents)

    @property
    def report(self) -> Report:
        """The whole Report in memory: for reporters that need it at once (HTML, CSV,
        Markdown, GitHub, --statistics). Streaming formats read `documents` instead."""
        assert self.documents is not None, "the batch kept rendered pieces only"
        return self.header.model_copy(update={"documents": list(self.documents)})


@dataclass(frozen=True)
class Job:
    name: str
    """Path as shown in reports."""
    rel: str
    """Path relative to the configuration file, for per-file-ignores and waivers."""
    path: Path | None
    """The file, read when its turn comes (None for standard input)."""
    data: bytes | None
    """Standard input's bytes; a file's are read by whoever checks it, never all up front."""
    selection: Selection

    def read(self, limits: Limits) -> bytes:
        """The document's bytes; an InputError (named as shown) when it cannot be read."""
        if self.path is None:
            return self.data or b""
        try:
            return read_file_bytes(self.path, limits)
        except InputError as error:
            error.path = self.name
            raise


@dataclass(frozen=True)
class Checked:
    """What checking one document sends back: the report (as the cache keeps it), the hash
    of the bytes judged, and the suppressions written in them (applied after the cache)."""

    report: DocumentReport
    sha256: str | None
    suppressions: list[Suppression]


def _error_report(error: InputError) -> DocumentReport:
    # gaplint.api (the Checker) is imported only when a document is checked or cannot be
    # read: a cached re-run never needs it.
    from gaplint.api import error_report

    return error_report(error)


def _check_job(checker: Checker, timeout: float, job: Job) -> Checked:
    from gaplint.guard import guarded_check

    try:
        data = job.read(checker.limits)
    except InputError as error:
        return Checked(_error_report(error), None, [])
    doc = guarded_check(checker, data, job.name, job.selection, timeout)
    return Checked(doc, content_hash(data), suppressions_for(doc, data))


def _worker_died(job: Job) -> Checked:
    from gaplint.guard import internal_error

    return Checked(internal_error(job.name, "the worker process checking it died"), None, [])


def _check_all(
    jobs: list[Job], loaded: LoadedConfig, cache_dir: Path | None, workers: int
) -> Iterator[tuple[Job, Checked]]:
    """Every job through the one Checker, each result as soon as it is ready (so it can be
    cached at once: a batch killed half-way keeps its finished work). Each worker process
    compiles the pack once, and reads its own documents."""
    if not jobs:
        return
    from gaplint.api import Checker
    from gaplint.guard import can_time_limit
    from gaplint.workers import parallel_map

    limits = loaded.config.limits
    timeout = limits.timeout_seconds
    checker = Checker(rule_dirs=loaded.rule_dirs(), limits=limits, cache_dir=cache_dir)
    check = partial(_check_job, checker, timeout)
    # The time limit needs the main thread (SIGALRM): run elsewhere (a server's request
    # thread), even one document goes to a worker process, whose main thread can keep it.
    unbounded = timeout > 0 and not can_time_limit()
    if min(workers, len(jobs)) > 1 or (jobs and unbounded):
        for index, checked in parallel_map(check, jobs, max(workers, 1), _worker_died):
            yield jobs[index], checked
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


@dataclass
class Found:
    jobs: list[Job]
    errors: list[DocumentReport]
    discovered: int


def _jobs(options: RunOptions, loaded: LoadedConfig, spec: SelectionSpec) -> Found:
    """The documents to check (this shard's), nothing read yet but standard input."""
    config = loaded.config
    found = discover(
        options.paths, loaded.root, config.include, config.exclude, options.force_exclude
    )
    shard = options.shard
    first = shard is None or shard.first
    files = shard.pick(found.files) if shard else found.files
    errors = [_error_report(e) for e in found.errors] if first else []
    jobs: list[Job] = []
    if found.stdin and first:
        name = printable(options.stdin_filename or STDIN)
        rel = relative_to(name, loaded.root) if options.stdin_filename else name
        jobs.append(Job(name, rel, None, options.stdin(), spec.for_path(rel)))
    root, cwd = loaded.root, os.getcwd()
    for path in files:
        rel = relative_to(path, root)
        jobs.append(Job(relative_to(path, cwd), rel, path, None, spec.for_path(rel)))
    if first:  # documents held in memory (a server's uploads)
        for given in options.inputs:
            name = printable(given.name)
            jobs.append(Job(name, name, None, given.data, spec.for_path(name)))
    return Found(jobs, errors, len(found.files) + found.stdin + len(options.inputs))


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
    if declarations(loaded) and options.output and not streams_sets(options.output.fmt):
        # The format shows a set's members with their set and cannot do so a document at a
        # time: its documents are kept (on the spool) and rendered with the sets at the end.
        options = replace(options, output=None)
    folder = options.cache_dir or loaded.root / CACHE_DIR_NAME
    if options.use_cache:
        with contextlib.suppress(OSError):
            prepare_folder(folder)
    pack = load_pack(loaded.rule_dirs(), cache=folder if options.use_cache else None)
    spec = build_selection(loaded, pack.ids())
    known_baseline = read_baseline(options.baseline) if options.baseline else None
    found = _jobs(options, loaded, spec)
    limits = loaded.config.limits

    cache: Cache | None = None
    if options.use_cache:
        # The time limit changes no judged report, so changing it keeps the cache.
        cached_limits = limits.model_dump(exclude={"timeout_seconds"})
        # A report cached under an older schema lacks its newer fields (titles, metadata).
        cache = Cache(folder, fingerprint(SCHEMA_VERSION, pack.digest, spec, cached_limits))
    root = repo_root(Path.cwd())
    output = None
    context = options.output.context(pack, root) if options.output else None
    if options.output and context:
        declared = declarations(loaded)
        members: Container[str] = Members(declared, loaded.root) if declared else ()
        piece = _piece(options.output.fmt, context, members)
        output = (piece, piece_variant(options.output.fmt, context)) if piece else None
    batch = Finisher(options, loaded, known_baseline, root, output)
    for doc in found.errors:
        batch.finish(doc, doc.path, [])
    pending, read = _serve_from_cache(found.jobs, limits, cache, batch)
    hits = len(read) - len(pending)
    workers = options.jobs or os.cpu_count() or 1
    checked = _check_all(pending, loaded, folder if options.use_cache else None, workers)
    for job, result in _with_progress(checked, len(pending), options.progress):
        doc = result.report
        if cache and doc.error is None and result.sha256 is not None:
            key = cache.key(result.sha256, job.name)
            cache.put(key, doc)
            batch.finish(doc, job.rel, result.suppressions, (cache, key))
        else:
            batch.finish(doc, job.rel, result.suppressions)

    notes = unmatched_per_file_ignores(spec, read)
    records = batch.sets
    sets = judge_sets(list(records.records), loaded, pack) if records else []
    exit_code, shortfalls, summary = batch.exit_code, batch.notes(), batch.tally.summary()
    if records and sets:  # a member fails the run, and is counted, only through its set
        gated_facts = records.gated(sets)
        config = loaded.config
        statuses = (document_status(f, config, batch.threshold) for f in gated_facts)
        exit_code = max(statuses, default=0)
        shortfalls = shortfalls_through_sets(gated_facts, config)
        summary = summary_through_sets(summary, gated_facts, len(sets))
    notes += shortfalls
    if options.write_baseline:
        count = write_baseline(options.write_baseline, batch.open_gaps)
        notes.append(f"wrote {count} gaps to baseline {options.write_baseline}")
    if known_baseline is not None:
        closed = len(closed_gaps(known_baseline, batch.judged, batch.open_gaps))
        summary.baseline_closed = closed
        if closed:
            notes.append(
                f"{closed} baselined gaps are now closed; run --write-baseline to shrink it"
            )
    if options.shard is not None:
        notes.append(f"shard {options.shard}: {batch.count} of {found.discovered} documents")
    # Its parts are models already validated: constructed, not validated again, so a
    # cached text re-run never builds the document models' validators.
    header = Report.model_construct(
        generated_at=generated_at(),
        tool=tool_info(loaded, pack),
        documents=[],
        sets=sets,
        summary=summary,
    )
    return RunResult(
        header=header,
        documents=batch.documents,
        rendered=batch.rendered,
        context=context,
        count=batch.count,
        exit_code=exit_code,
        pack=pack,
        root=batch.root,
        notes=notes,
        cache_hits=hits,
        failed=[doc for _, doc in sorted(batch.failed, key=lambda pair: pair[0])],
        discovered=found.discovered,
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


def _serve_from_cache(
    jobs: list[Job], limits: Limits, cache: Cache | None, batch: Finisher
) -> tuple[list[Job], list[str]]:
    """Finish every job the cache answers; the jobs left to check, and the rels of the files
    read. Each file is read (and hashed) in turn: a checker reads its document again (from
    the page cache) rather than the batch holding every document's bytes until its turn."""
    pending: list[Job] = []
    read: list[str] = []
    for job in jobs:
        try:
            data = job.read(limits)
        except InputError as error:
            batch.finish(_error_report(error), job.rel, [])
            continue
        read.append(job.rel)
        if cache is None:
            pending.append(job)
            continue
        key = cache.key(content_hash(data), job.name)
        rendered = cache.get_rendered(key, batch.variant) if batch.plain else None
        if rendered is not None and batch.reusable(suppressions_for(rendered[0], data)):
            batch.finish_facts(*rendered)
            continue
        cached = cache.get(key)
        if cached is None:
            pending.append(job)
        else:
            batch.finish(cached, job.rel, suppressions_for(cached, data), (cache, key))
    return pending, read


def _piece(
    fmt: str, context: RenderContext, members: Container[str]
) -> Callable[[DocumentReport], str] | None:
    renderer = piece_renderer(fmt, members)
    if renderer is None:
        return None
    return lambda doc: renderer(doc, context)
