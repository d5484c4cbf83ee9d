"""Issue 14: a run with policy sets streams like any other. Members are rendered as they
finish (as their set shows them) and only a compact record of each waits for the set,
judged at the end: the run keeps no documents' reports for formats that stream."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaplint.paths import repo_root
from gaplint.report import Report
from gaplint.reporters import RenderContext, streams_sets
from gaplint.rules import load_pack
from gaplint.run import Output, RunOptions, execute
from gaplint.set_batch import compact_member
from gaplint.sets import MAX_EVIDENCE, judge_set
from tests.cli.helpers import FULL, Project
from tests.sets.helpers import RECORDS, SAFETY_NO_PHISHING, SET_CONFIG


def _project(project: Project) -> None:
    project.config(SET_CONFIG)
    project.write("policy/a-safety.md", SAFETY_NO_PHISHING)
    project.write("policy/b-records.md", RECORDS)
    project.write("other/full.md", FULL)  # outside the set: shown on its own


def _run(project: Project, fmt: str, **options: object) -> object:
    def context(pack: object, where: Path) -> RenderContext:
        return RenderContext(pack=load_pack([project.root / "rules"]), root=repo_root(where))

    return execute(
        RunOptions(paths=("policy", "other"), output=Output(fmt, context), **options)  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "concise", "summary"])
def test_a_run_with_sets_renders_as_it_goes_and_keeps_no_reports(
    project: Project, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(project)
    monkeypatch.chdir(project.root)
    result = _run(project, fmt, use_cache=False)
    assert result.documents is None, "no document's report is kept"  # type: ignore[attr-defined]
    assert result.rendered is not None and len(result.rendered) == 3  # type: ignore[attr-defined]
    [policy_set] = result.header.sets  # type: ignore[attr-defined]
    assert policy_set.paths == ["policy/a-safety.md", "policy/b-records.md"]


@pytest.mark.parametrize("fmt", ["github", "markdown"])
def test_formats_that_cannot_stream_sets_still_get_every_report(
    project: Project, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(project)
    monkeypatch.chdir(project.root)
    assert not streams_sets(fmt)
    result = _run(project, fmt, use_cache=False)
    assert result.documents is not None and len(result.documents) == 3  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["text", "concise", "jsonl", "sarif"])
def test_a_set_run_is_the_same_cold_cached_and_in_parallel(project: Project, fmt: str) -> None:
    _project(project)
    cold = project.run("check", "policy", "other", "--format", fmt)
    cached = project.run("check", "policy", "other", "--format", fmt)
    parallel = project.run("check", "policy", "other", "--format", fmt, "-j", "2", "--no-cache")
    assert cold.stdout == cached.stdout == parallel.stdout
    assert cold.exit_code == cached.exit_code == parallel.exit_code


def test_text_shows_members_only_within_their_set(project: Project) -> None:
    _project(project)
    out = project.run("check", "policy", "other").stdout
    assert out.count("member policy/a-safety.md") == 1
    assert "\npolicy/a-safety.md  coverage" not in out and "other/full.md" in out
    # the set's entry comes after every document outside a set, as `gated` orders them
    assert out.index("other/full.md") < out.index("Riverton social media")


def test_a_compact_member_judges_its_set_as_the_whole_report_does(project: Project) -> None:
    _project(project)
    project.write("policy/c-more.md", SAFETY_NO_PHISHING + "\n" + RECORDS)
    data = project.run("check", "policy", "--format", "json", "--no-cache").stdout
    report = Report.model_validate_json(data)
    pack = load_pack([project.root / "rules"])
    whole = judge_set("S", report.documents, pack)
    compact = [compact_member(doc) for doc in report.documents]
    assert judge_set("S", compact, pack) == whole
    assert all(
        len(s.evidence) <= MAX_EVIDENCE for d in compact for e in d.elements for s in e.subpoints
    )
    assert all(d.metadata.model_dump(exclude_defaults=True) == {} for d in compact)
    assert any(
        d.metadata != c.metadata or d.words != c.words for d, c in zip(report.documents, compact)
    )


def test_the_summary_counts_members_through_their_set(project: Project) -> None:
    _project(project)
    data = project.json("policy", "other")[1]
    summary, [policy_set] = data["summary"], data["sets"]
    paths = [member["path"] for member in policy_set["members"]]
    assert (summary["sets"], summary["documents"]) == (1, 3)
    outside = [d for d in data["documents"] if d["path"] not in paths]
    gaps = [f for entry in [*outside, policy_set] for f in entry["findings"] if not f["waived"]]
    assert sum(summary["findings"].values()) == len(gaps)
    members_own = [f for d in data["documents"] if d["path"] in paths for f in d["findings"]]
    assert len(members_own) > len(policy_set["findings"]), "a sibling fills a member's gaps"
