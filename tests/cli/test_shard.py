"""Issue 14: `--shard K/N` parts of a batch, merged by `gaplint report --from`, through the
real CLI; and the README's CI-matrix and GNU parallel examples, run as written."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.cli.helpers import FULL, NO_PHISHING, NO_RECORDS, Project

ROOT = Path(__file__).resolve().parents[2]
GAPLINT = str(Path(sys.executable).with_name("gaplint"))
TEXTS = (FULL, NO_PHISHING, NO_RECORDS)


def portfolio(project: Project, count: int) -> list[str]:
    """`count` distinct policies under policies/, in two folders; their shown paths."""
    paths = []
    for number in range(count):
        text = TEXTS[number % len(TEXTS)] + f"\nThis is copy {number} of the policy.\n"
        folder = "east" if number % 2 else "west"
        paths.append(project.write(f"policies/{folder}/p{number:02d}.md", text))
    return sorted(p.relative_to(project.root).as_posix() for p in paths)


def jsonl_paths(text: str) -> list[str]:
    return [json.loads(line)["path"] for line in text.splitlines()]


def test_shards_partition_the_sorted_files_stably_and_evenly(project: Project) -> None:
    project.config()
    every = portfolio(project, 11)
    parts = []
    for k in (1, 2, 3):
        result = project.run("check", "policies", "--shard", f"{k}/3", "--format", "jsonl")
        assert result.exit_code in (0, 1), result.output
        assert f"shard {k}/3: {len(jsonl_paths(result.stdout))} of 11 documents" in result.stderr
        parts.append(jsonl_paths(result.stdout))
    assert [len(part) for part in parts] == [4, 4, 3]
    assert sorted(p for part in parts for p in part) == every, "disjoint, and nothing left out"
    assert parts[0] == every[0::3] and parts[2] == every[2::3], "file i goes to part i mod N + 1"
    again = project.run("check", "policies", "--shard", "2/3", "--format", "jsonl")
    assert jsonl_paths(again.stdout) == parts[1], "the same files make the same parts"


def test_merged_shards_are_byte_identical_to_one_run(project: Project) -> None:
    project.config()
    portfolio(project, 7)
    whole = project.run("check", "policies", "--format", "json")
    for k in (1, 2, 3):
        args = ("check", "policies", "--shard", f"{k}/3", "--format", "jsonl", "-o")
        project.run(*args, f"shards/{k}.jsonl")
    by_folder = project.run("report", "--from", "shards", "--format", "json")
    assert by_folder.exit_code == 0, by_folder.output
    assert by_folder.stdout == whole.stdout
    by_file = project.run(
        "report", *(f"--from=shards/{k}.jsonl" for k in (3, 1, 2)), "--format", "text"
    )
    assert by_file.stdout == project.run("check", "policies").stdout
    # Saved whole reports merge too (keeping their tool), with JSON Lines beside them.
    project.run("check", "policies", "--shard", "1/2", "--format", "json", "-o", "one.json")
    project.run("check", "policies", "--shard", "2/2", "--format", "jsonl", "-o", "two.jsonl")
    mixed = project.run("report", "--from", "one.json", "--from", "two.jsonl", "--format", "json")
    assert mixed.stdout == whole.stdout


def test_a_document_in_two_parts_is_refused(project: Project) -> None:
    project.config()
    portfolio(project, 3)
    project.run("check", "policies", "--shard", "1/2", "--format", "jsonl", "-o", "a.jsonl")
    result = project.run("report", "--from", "a.jsonl", "--from", "a.jsonl", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "merge each shard once" in result.stderr
    assert "Traceback" not in result.output


def test_not_a_result_is_one_line_naming_the_file_and_line(project: Project) -> None:
    project.config()
    project.write("bad.jsonl", '{"path": "a.md"}\n{"path": 3}\n')
    result = project.run("report", "--from", "bad.jsonl", "--format", "json")
    assert result.exit_code == 2
    assert "bad.jsonl is not a gaplint JSON Lines result (line 2" in result.stderr
    assert "Traceback" not in result.output


def test_an_empty_part_is_not_an_error_and_bad_paths_go_to_part_one(project: Project) -> None:
    project.config()
    portfolio(project, 2)
    empty = project.run("check", "policies", "--shard", "3/3", "--format", "jsonl")
    assert empty.exit_code == 0, empty.output
    assert empty.stdout == "" and "shard 3/3: 0 of 2 documents" in empty.stderr
    reported = []
    for k in (1, 2):
        result = project.run("check", "policies", "missing.md", "--shard", f"{k}/2")
        reported.append("missing.md: error[not-found]" in result.stderr)
    assert reported == [True, False], "an unfound path is reported once, by part 1"


@pytest.mark.parametrize("value", ["0/2", "3/2", "2", "a/b", "1/0", "-1/2"])
def test_a_bad_shard_is_a_usage_error(project: Project, value: str) -> None:
    project.config()
    portfolio(project, 1)
    result = project.run("check", "policies", "--shard", value)
    assert result.exit_code == 2
    assert "Invalid value for '--shard'" in result.output


# --- the README's examples, run as written ----------------------------------------------


def readme_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("### Large batches: flat memory, shards")
    return text[start : text.index("\n### ", start + 1)]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", readme_section(), re.S)


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # The installed gaplint (this virtualenv's) stands for the `pip install` steps.
    command = re.sub(r"^gaplint ", f"{GAPLINT} ", command)
    command = command.replace(" gaplint ", f" {GAPLINT} ")
    return subprocess.run(command, shell=True, cwd=cwd, capture_output=True, text=True)


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def test_readme_ci_matrix_runs_each_part_and_merges_them(project: Project) -> None:
    (workflow,) = blocks("yaml")
    jobs = yaml.safe_load(workflow)["jobs"]
    project.config()
    portfolio(project, 5)
    project.write("policies/notes.txt", "Call the desk.\n")  # a file the glob also finds
    for shard in jobs["check"]["strategy"]["matrix"]["shard"]:
        for step in _steps(jobs["check"]):
            if "run" not in step or "pip install" in step["run"]:
                continue  # checkout and install: the test's own checkout and virtualenv
            done = _shell(step["run"].replace("${{ matrix.shard }}", str(shard)), project.root)
            assert done.returncode in (0, 1), done.stderr
        # upload-artifact, then download-artifact with merge-multiple: one folder of files
        (project.root / "shards").mkdir(exist_ok=True)
        shutil.copy(project.root / f"shard-{shard}.jsonl", project.root / "shards")
    report = [s["run"] for s in _steps(jobs["report"]) if "run" in s and "pip" not in s["run"]]
    assert report == ["gaplint report --from shards --format html -o report.html"]
    done = _shell(report[0], project.root)
    assert done.returncode == 0, done.stderr
    html = (project.root / "report.html").read_text(encoding="utf-8")
    assert all(f"p{number:02d}.md" in html for number in range(5)) and "notes.txt" in html


@pytest.mark.skipif(shutil.which("parallel") is None, reason="GNU parallel (.ci/run installs it)")
def test_readme_gnu_parallel_example(project: Project) -> None:
    (console,) = blocks("console")
    commands = [line.removeprefix("$ ") for line in console.splitlines() if line.startswith("$ ")]
    project.config()
    portfolio(project, 6)
    for command in commands:
        done = _shell(command, project.root)
        assert done.returncode <= 4, done.stderr  # parallel's status: how many parts failed
    merged = json.loads((project.root / "report.json").read_text(encoding="utf-8"))
    whole = project.run("check", "policies", "--format", "json")
    assert merged["documents"] == json.loads(whole.stdout)["documents"]
    assert merged["summary"] == json.loads(whole.stdout)["summary"]
