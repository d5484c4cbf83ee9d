"""Hostile user rule packs: a YAML alias bomb and a catastrophic regex are refused or bounded,
never a hang or gigabytes of memory."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from gaplint.safe_yaml import MAX_EXPANDED_NODES, YAMLLimitError, expanded_size, load_yaml
from tests.cli.helpers import FULL, Project

MEMORY_LIMIT = 1_500_000_000  # bytes of address space for a CLI run; a bomb needs far more


def alias_bomb(levels: int = 9, width: int = 10) -> str:
    """A rule file of a few hundred bytes whose aliases expand to width**levels strings."""
    lines = ["concepts:", f"  l0: &l0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"  l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


CLI = "import sys; from gaplint.cli import main; sys.exit(main())"


def run_cli(
    root: Path, *args: str, timeout: float = 60, code: str = CLI
) -> subprocess.CompletedProcess[str]:
    """The real CLI (or `code` that drives it) in a child process with a memory cap, so a
    regression fails, not thrashes."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
    )


def test_alias_bomb_is_refused_with_one_line(project: Project) -> None:
    project.config()
    project.write("rules/TS9-bomb.yaml", alias_bomb())
    project.write("a.md", FULL)
    started = time.monotonic()
    result = run_cli(project.root, "check", "--no-cache", "a.md")
    assert time.monotonic() - started < 30
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert "TS9-bomb.yaml" in line and "alias" in line


def test_expanded_size_counts_each_shared_node_once() -> None:
    node = yaml.compose(alias_bomb(levels=3, width=3))
    assert node is not None
    # Two maps, "concepts" and three keys; then l0 = 1 + 3, l1 = 1 + 3 * l0, l2 = 1 + 3 * l1.
    assert expanded_size(node) == 1 + 1 + 1 + 3 + 4 + 13 + 40
    with pytest.raises(YAMLLimitError):
        load_yaml(alias_bomb(levels=7, width=10))


def test_recursive_alias_and_oversized_file_are_refused() -> None:
    with pytest.raises(YAMLLimitError):
        load_yaml("a: &a [1, *a]\n")
    with pytest.raises(YAMLLimitError):
        load_yaml("x: " + "y" * 3_000_000)


def test_ordinary_yaml_still_loads() -> None:
    assert load_yaml("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}
    assert load_yaml("") is None
    assert MAX_EXPANDED_NODES >= 100_000


def regex_rule(pattern: str) -> str:
    return f"""\
element:
  id: TS3
  title: Contacts
  subpoints:
    - id: TS301
      name: contact
      title: Contact address
      rationale: People need to reach the agency.
      recommendation: Give an address.
      example_clause: Write to the desk.
      match: {{regex: '{pattern}'}}
      examples:
        covered: ["Write to desk@example.org."]
        missing: ["Call the desk."]
"""


# Forty letters without an @: `re` would try about 2**40 ways to split them.
LONG_WORDS = FULL + "\n" + " ".join(["Pneumonoultramicroscopicsilicovolcanoconiosis"] * 50) + "\n"


def test_catastrophic_regex_in_a_user_pack_finishes(project: Project) -> None:
    project.config()
    project.write("rules/TS3-contacts.yaml", regex_rule(r"(\w+\s*)*@"))
    project.write("a.md", LONG_WORDS)
    started = time.monotonic()
    result = run_cli(project.root, "check", "--no-cache", "a.md", timeout=120)
    assert time.monotonic() - started < 30
    assert result.returncode == 1, result.stderr[-2000:]  # TS301 is a gap: no address
    assert "TS301" in result.stdout


def test_regex_over_its_budget_is_one_line_exit_2(project: Project) -> None:
    # A backreference defeats the regex package's short-cuts; the time budget stops it.
    project.config()
    project.write("rules/TS3-contacts.yaml", regex_rule(r"(a|aa)+\1@"))
    project.write("a.md", FULL + "\n" + "a" * 3000 + "\n")
    started = time.monotonic()
    result = run_cli(project.root, "check", "--no-cache", "a.md", timeout=120)
    assert time.monotonic() - started < 30
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert "a.md" in line and "regex" in line and "simplify" in line


def pattern_rule(pattern: list[dict[str, str]]) -> str:
    return regex_rule("x").replace("{regex: 'x'}", "{pattern: " + json.dumps(pattern) + "}")


STAR = {"OP": "*"}


@pytest.mark.parametrize(
    "pattern",
    [
        [STAR, STAR, {"LOWER": "password"}, STAR, {"LOWER": "zzz"}],  # 20 s on 1,700 tokens
        [{"LOWER": "the"}, {"OP": "+"}, {"OP": "+"}, {"LOWER": "zzz"}],
    ],
)
def test_a_token_pattern_with_several_unbounded_repeats_is_refused(
    project: Project, pattern: list[dict[str, str]]
) -> None:
    # In native code, out of the time limit's reach: 24 stars took 24 GB and were killed.
    project.config()
    project.write("rules/TS3-contacts.yaml", pattern_rule(pattern))
    project.write("a.md", FULL * 4)
    started = time.monotonic()
    result = run_cli(project.root, "check", "--no-cache", "a.md", timeout=120)
    assert time.monotonic() - started < 30
    assert result.returncode == 2, result.stderr[-2000:]
    (line,) = result.stderr.splitlines()
    assert "rule TS301: field match.pattern:" in line
    assert "unbounded repeats (OP * or +); at most 1 per pattern" in line


def test_one_unbounded_repeat_is_still_allowed(project: Project) -> None:
    project.config()
    one_star = [{"LOWER": "write"}, STAR, {"LOWER": "desk"}]
    project.write("rules/TS3-contacts.yaml", pattern_rule(one_star))
    project.write("a.md", FULL + "\nWrite to the desk.\n")
    result = run_cli(project.root, "check", "--no-cache", "a.md", timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
