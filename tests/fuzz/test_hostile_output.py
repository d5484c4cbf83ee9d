"""Output from a hostile document: nothing a terminal, GitHub Actions, a Markdown renderer or
a SARIF viewer would interpret survives from the document's text or its file name."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from gaplint.neutralise import markdown_code, markdown_text, sarif_text, terminal
from tests.cli.helpers import Project

# Written as character references: the HTML reader turns them into the raw controls (a raw
# ESC in a Markdown file is refused as binary before it is read).
ESCAPES = "&#27;[31mred&#27;[0m &#27;]0;title&#7; &#x9b;2J &#x202e;"
INJECTION = (
    "&lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(1)) &lt;/td&gt;&lt;/tr&gt; "
    "@octocat ``` `x` ##[error]old"
)
# The heading a missing sub-point (phishing) points at, and a sentence quoted as evidence.
HOSTILE_DOC = f"""\
<html><head><title>Policy&#10;::error file=t::pwned {ESCAPES}</title></head><body>
<h1>Social media policy</h1>
<p>This is the policy of the agency for the use of its social media accounts.</p>
<h2>Account safety {ESCAPES} {INJECTION}</h2>
<p>All of the passwords must be strong {ESCAPES} {INJECTION} and kept secret ::error file=y::z.</p>
</body></html>
"""
HOSTILE_NAME = "pol\x1b[2Jicy\n::error file=x::pwned <img src=x onerror=alert(1)> `a`.html"
MISSING_NAME = "gone\n::warning file=x::pwned.md"

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORMATS = ["text", "concise", "markdown", "github", "sarif", "json"]


def _run(project: Project, fmt: str) -> tuple[int, str, str]:
    project.config()
    project.write(HOSTILE_NAME, HOSTILE_DOC)
    result = project.run(
        "check", "--format", fmt, "--show-evidence", "--no-cache", HOSTILE_NAME, MISSING_NAME
    )
    return result.exit_code, result.stdout, result.stderr


def _no_workflow_command(output: str, allowed: int = 0) -> None:
    commands = [line for line in output.splitlines() if line.lstrip().startswith("::")]
    assert len(commands) == allowed, commands
    assert "##[" not in output


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_terminal_control_reaches_any_output(project: Project, fmt: str) -> None:
    status, out, err = _run(project, fmt)
    assert status == 2  # one file is missing
    assert not CONTROL.search(err), repr(CONTROL.search(err))
    if fmt in ("json", "sarif"):
        # json.dumps escapes C0 controls; JSON is data and keeps the document's real text.
        assert not re.search("[\x00-\x1f]", out.replace("\n", ""))
        json.loads(out)
    else:
        assert not CONTROL.search(out), repr(CONTROL.search(out))


@pytest.mark.parametrize("fmt", ["text", "concise", "markdown", "json", "sarif"])
def test_no_forged_workflow_command(project: Project, fmt: str) -> None:
    _, out, err = _run(project, fmt)
    if fmt == "json":  # every line of indented JSON starts with a quote or a bracket
        assert not [line for line in out.splitlines() if line.lstrip().startswith("::")]
    else:
        _no_workflow_command(out)
    _no_workflow_command(err)


def test_github_format_emits_only_its_own_commands(project: Project) -> None:
    _, out, err = _run(project, "github")
    lines = out.splitlines()
    assert lines
    command = re.compile(r"::(?:error|warning|notice) (.*?)::(.*)")
    files = set()
    for line in lines:
        parsed = command.fullmatch(line)
        assert parsed is not None, line
        props, message = parsed.groups()
        assert "::" not in props and "\n" not in message
        files.add(props.split(",")[0])
    hostile = "pol\\x1b[2Jicy%0A%3A%3Aerror file=x%3A%3Apwned <img src=x onerror=alert(1)> `a`.html"
    assert "file=" + hostile in files
    _no_workflow_command(err)


def _cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def test_markdown_comment_renders_nothing_from_the_document(project: Project) -> None:
    _, shown, _ = _run(project, "markdown")
    out = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", shown)  # code spans show text literally
    assert "<img" not in out and "<" not in out.replace("&lt;", "")
    assert "](javascript" not in out and "](" not in out
    assert "</td>" not in out
    assert "@octocat" not in out
    for row in (line for line in out.splitlines() if line.startswith("|")):
        assert len(_cells(row)) in (4, 5), row  # a cell's text never adds a column
    heading = next(line for line in shown.splitlines() if line.startswith("### "))
    assert heading.count("`") >= 2 and "\n" not in heading


def test_sarif_messages_have_no_link_syntax(project: Project) -> None:
    _, out, _ = _run(project, "sarif")
    run: dict[str, Any] = json.loads(out)["runs"][0]
    texts = [r["message"]["text"] for r in run["results"]]
    texts += [loc["message"]["text"] for r in run["results"] for loc in r["locations"]
              if "message" in loc]  # fmt: skip
    assert any("Account safety" in text for text in texts)
    for text in texts:
        assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", text), text


def test_extract_output_is_inert(project: Project) -> None:
    project.write(HOSTILE_NAME, HOSTILE_DOC)
    result = project.run("extract", HOSTILE_NAME, MISSING_NAME)
    assert result.exit_code == 2
    for output in (result.stdout, result.stderr):
        assert not CONTROL.search(output)
        _no_workflow_command(output)
    assert len(result.stderr.splitlines()) == 1  # only the missing file


def test_json_keeps_the_real_text(project: Project) -> None:
    # Neutralising is for media that interpret text; the data itself is not altered.
    _, out, _ = _run(project, "json")
    paths = [doc["path"] for doc in json.loads(out)["documents"]]
    assert HOSTILE_NAME in paths


@pytest.mark.parametrize(
    ("function", "text", "expected"),
    [
        (terminal, "a\x1b[31mb\nc", "a\\x1b[31mb\\x0ac"),
        (terminal, "x ::error y", "x :\u200b:error y"),
        (markdown_text, "<b>[a](b) @me", "&lt;b&gt;\\[a\\](b) @\u200bme"),
        (markdown_text, "1. # *x*. Done.", "1\\. # \\*x\\*. Done."),
        (markdown_text, "# title", "\\# title"),
        (markdown_code, "a`b|c", "`` a`b\\|c ``"),
        (sarif_text, "[a](b) \\", "\\[a\\](b) \\\\"),
    ],
)
def test_each_medium_has_its_function(function: Any, text: str, expected: str) -> None:
    assert function(text) == expected


def test_rule_error_naming_a_hostile_path_is_one_inert_line(project: Project) -> None:
    # A regex over its budget is reported with the document's path (gaplint: error: ...).
    from tests.fuzz.test_hostile_rules import regex_rule, run_cli

    project.config()
    project.write("rules/TS3-contacts.yaml", regex_rule(r"(a|aa)+\1@"))
    name = "x\n::error file=y::pwned.md"
    project.write(name, "# Policy\n\nStaff must keep passwords secret.\n\n" + "a" * 3000 + "\n")
    # A child process: the CLI keeps one Checker per process, built with the first rules.
    result = run_cli(project.root, "check", "--no-cache", name)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    _no_workflow_command(line)
