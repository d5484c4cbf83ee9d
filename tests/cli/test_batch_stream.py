"""Issue 14: a batch streams its reports (rendered as each document finishes, kept on a
spool, written in path order) and still writes exactly what rendering the whole Report
writes, in every format, serially and in parallel, cold and cached."""

from __future__ import annotations

import gc
import random
import textwrap
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from gaplint.config import Overrides
from gaplint.paths import repo_root
from gaplint.report import DocumentReport, Report, summarize
from gaplint.reporters import FORMATS, RenderContext, formats_for, render
from gaplint.reporters.text import WIDTH, wrap
from gaplint.rules import load_pack
from gaplint.run import RunOptions, execute
from gaplint.spool import DocumentSpool, Spool
from gaplint.workers import parallel_map
from tests.cli.helpers import FULL, NO_PHISHING, NO_RECORDS, Project

WAIVED = """
[[waivers]]
rule = "TS102"
reason = "phishing is covered by the security handbook"
expires = "2999-01-01"
paths = ["policies/b-*"]
"""


def batch(project: Project) -> None:
    """Policies that exercise every step a finished document goes through: gaps, a waiver,
    a suppression written in the policy, an unused one, an unreadable file, folders."""
    project.config(WAIVED)
    texts = [FULL, NO_PHISHING, NO_RECORDS + "<!-- gaplint: ignore TS2 kept by the archive -->\n"]
    for number in range(9):
        prefix = "abc"[number % 3]
        text = texts[number % 3] + f"\nCopy {number}.\n"
        project.write(f"policies/{prefix}-{number}.md", text)
    project.write("policies/nested/z.md", FULL + "<!-- gaplint: ignore TS1 no longer needed -->\n")
    project.write("policies/nested/blank.txt", "")


def saved(project: Project, *args: str) -> Report:
    result = project.run("check", "policies", "--format", "json", *args)
    return Report.model_validate_json(result.stdout)


def context(project: Project, color: bool = False) -> RenderContext:
    pack = load_pack([project.root / "rules"])
    return RenderContext(pack=pack, root=repo_root(project.root), color=color)


@pytest.mark.parametrize("fmt", formats_for("check"))
def test_every_format_streamed_is_the_whole_report_rendered(project: Project, fmt: str) -> None:
    batch(project)
    whole = saved(project, "--no-cache")
    expected = render(fmt, whole, context(project))
    for args in (["--no-cache"], ["--jobs", "2"], []):  # serial, parallel and then cached
        result = project.run("check", "policies", "--format", fmt, *args)
        assert result.exit_code == 2, result.output  # blank.txt cannot be read
        assert result.stdout == expected, (fmt, args)
        assert result.stderr.startswith("policies/nested/blank.txt: error[empty]")


def test_colour_and_evidence_stream_as_they_render(project: Project) -> None:
    batch(project)
    whole = saved(project)
    shown = RenderContext(
        pack=load_pack([project.root / "rules"]),
        root=repo_root(project.root),
        color=True,
        show_evidence=True,
    )
    result = project.run("check", "policies", "--show-evidence", env={"FORCE_COLOR": "1"})
    assert "\x1b[" in result.stdout
    assert result.stdout == render("text", whole, shown)


def test_summary_and_exit_status_are_counted_as_documents_finish(project: Project) -> None:
    batch(project)
    whole = saved(project)
    documents = whole.documents
    assert [d.path for d in documents] == sorted(d.path for d in documents)
    assert whole.summary == summarize(documents)
    assert whole.summary.waived >= 4 and whole.summary.errors == 1
    unused = [n for d in documents for n in d.notices if n.code == "unused-suppression"]
    assert len(unused) == 1


def test_a_rendering_batch_keeps_no_reports_unless_asked(project: Project) -> None:
    from gaplint.run import Output

    batch(project)
    root = project.root

    def shown(pack: object, where: Path) -> RenderContext:
        return context(project)

    options = RunOptions(paths=("policies",), use_cache=False, output=Output("json", shown))
    rendered = execute(options)
    assert rendered.documents is None and rendered.rendered is not None
    assert rendered.count == 11 and len(rendered.rendered) == 11
    kept = execute(
        RunOptions(
            paths=("policies",),
            use_cache=False,
            output=Output("json", shown),
            keep_documents=True,
        )
    )
    assert kept.documents is not None
    assert [d.path for d in kept.documents] == [d.path for d in saved(project).documents]
    assert list(kept.documents) == list(kept.documents), "the spool reads back as often as asked"
    plain = execute(RunOptions(paths=("policies",), overrides=Overrides(), use_cache=False))
    assert plain.rendered is None and plain.report.summary == kept.header.summary
    assert (root / "policies").is_dir()


def test_files_are_read_when_their_turn_comes(project: Project) -> None:
    from gaplint.config import build_selection, resolve_config
    from gaplint.run import _jobs

    batch(project)
    loaded = resolve_config(project.root / "policies", None, False)
    spec = build_selection(loaded, load_pack(loaded.rule_dirs()).ids())
    found = _jobs(RunOptions(paths=("policies",)), loaded, spec)
    assert len(found.jobs) == 11 and found.discovered == 11
    assert all(job.data is None and job.path is not None for job in found.jobs)


def test_spool_sorts_by_key_keeps_arrival_order_for_equal_keys_and_rereads() -> None:
    spool = Spool()
    for text, key in [("b1", "b"), ("a1", "a"), ("b2", "b"), ("é—\U0001f600", "a")]:
        spool.add(text, key)
    assert list(spool) == ["a1", "é—\U0001f600", "b1", "b2"]
    assert list(spool) == ["a1", "é—\U0001f600", "b1", "b2"]
    spool.add("0", "0")
    assert list(spool) == ["0", "a1", "é—\U0001f600", "b1", "b2"]
    documents = DocumentSpool()
    documents.add(DocumentReport(path="z.md"), "z.md")
    documents.add(DocumentReport(path="a.md", words=3), "a.md")
    assert [(d.path, d.words) for d in documents] == [("a.md", 3), ("z.md", None)]


def test_cheap_wrap_is_textwrap() -> None:
    generator = random.Random(14)
    alphabets = ["ab c-d  e.f\u00a0\u2003 xyz-\t", "a b\u3000\u2028\x1c\x85c\n", "word -- ' \" . ,"]
    for alphabet in alphabets:
        for _ in range(20_000):
            text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 130)))
            first = generator.choice(["", "  ", "        ", "  GL101  error   "])
            expected = textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent="   ")
            assert list(wrap(text, first, "   ")) == expected, (text, first)


class _Result:
    """A result that can be watched for being freed."""

    def __init__(self, number: int) -> None:
        self.number = number


def _make(number: int) -> _Result:
    return _Result(number)


def _lost(number: int) -> _Result:
    return _Result(-1)


def test_parallel_results_are_freed_as_they_are_handed_on() -> None:
    # The pool's futures kept every result until the batch ended: 10,000 reports in memory.
    earlier: list[weakref.ref[_Result]] = []
    for _, result in parallel_map(_make, list(range(12)), 2, _lost):
        gc.collect()
        assert all(ref() is None for ref in earlier[:-1]), "only the last one may be alive"
        earlier.append(weakref.ref(result))
        del result
    assert len(earlier) == 12


def test_formats_without_pieces_say_how_they_are_written() -> None:
    streamed = {name for name, spec in FORMATS.items() if spec.pieces or spec.stream}
    streamed_whole = {"html", "csv"}  # read the documents as they go, the page or sheet too
    assert streamed == {"text", "json", "jsonl", "sarif", "concise", "summary", *streamed_whole}


def test_splicing_takes_the_array_at_its_own_depth() -> None:
    # A later field may hold the same key deeper (policy sets listing their documents).
    import json

    from gaplint.reporters import splice_array

    skeleton = {
        "a": 1,
        "documents": [],
        "sets": [{"documents": [], "n": [1]}],
        "q": '"documents": []',
    }
    items = [{"p": 1, "l": [1, {"k": []}]}, {"p": 2}]
    written = json.dumps(skeleton, indent=2)
    pieces = (json.dumps(item, indent=2) for item in items)
    spliced = "".join(splice_array(written, "documents", pieces, depth=1))
    assert spliced == json.dumps({**skeleton, "documents": items}, indent=2)
    assert "".join(splice_array(written, "documents", [], depth=1)) == written


class WatchedDocuments:
    """Documents read back as a spool reads them, each a fresh report, counting how many
    of them are alive at once: a renderer that held them all would hold all eleven."""

    def __init__(self, documents: list[DocumentReport]) -> None:
        self.saved = [doc.model_dump_json() for doc in documents]
        self.alive = self.peak = 0

    def __len__(self) -> int:
        return len(self.saved)

    def __iter__(self) -> Iterator[DocumentReport]:
        for data in self.saved:
            doc = DocumentReport.model_validate_json(data)
            self.alive += 1
            self.peak = max(self.peak, self.alive)
            weakref.finalize(doc, self._freed)
            yield doc
            del doc

    def _freed(self) -> None:
        self.alive -= 1


@pytest.mark.parametrize("fmt", ["html", "csv", "markdown", "github", "statistics"])
def test_formats_rendered_whole_read_one_document_at_a_time(project: Project, fmt: str) -> None:
    from gaplint.reporters import with_documents
    from gaplint.statistics import gap_statistics, render_statistics

    batch(project)
    whole = saved(project)
    shown = context(project)
    watched = WatchedDocuments(whole.documents)
    lazy = with_documents(whole.model_copy(update={"documents": []}), watched)
    gc.disable()  # only reference counting frees them: a report still referenced stays
    try:
        if fmt == "statistics":
            got = render_statistics(gap_statistics(lazy, shown.pack), "text")
            expected = render_statistics(gap_statistics(whole, shown.pack), "text")
        else:
            got, expected = render(fmt, lazy, shown), render(fmt, whole, shown)
    finally:
        gc.enable()
    assert got == expected
    assert len(whole.documents) == 11 and watched.peak <= 3, watched.peak
